/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.planb.BackupPlan;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.config.ConfiguredRuntime;
import dev.planb.config.DurationText;
import dev.planb.config.InvalidSettingException;
import dev.planb.config.PlanBSettings;
import dev.planb.config.PlanFactory;
import dev.planb.config.PlanSettings;
import dev.planb.event.PlanBListener;
import dev.planb.pull.PullJob;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.util.function.Supplier;

/**
 * A {@code planb.yml} file read into the core configuration model: the keys of the Spring Boot
 * starter's {@code planb.*} ({@code plans.NAME.…}, kebab-case), {@code ${VAR}} and {@code ${VAR:-default}}
 * from the environment, {@code PLANB_*} environment variables over the file's values. Every error names
 * the file, the line and the key.
 */
final class ConfigFile {

    private final Path file;
    private final PlanBSettings settings;
    private final Map<String, Integer> lines;
    private final Map<String, String> environment;

    private ConfigFile(Path file, PlanBSettings settings, Map<String, Integer> lines, Map<String, String> environment) {
        this.file = file;
        this.settings = settings;
        this.lines = lines;
        this.environment = environment;
    }

    /** Reads {@code file} with the process environment. */
    static ConfigFile read(Path file) {
        return read(file, System.getenv());
    }

    /**
     * Reads {@code file}.
     *
     * @throws PlanBException naming the file, line and key of the first problem
     */
    static ConfigFile read(Path file, Map<String, String> environment) {
        YAMLMapper mapper = mapper();
        ConfigParser parser;
        PlanBSettings settings;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parser = new ConfigParser(mapper.getFactory().createParser(reader), environment::get);
            settings = mapper.readValue(parser, PlanBSettings.class);
        } catch (NoSuchFileException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Configuration file " + file
                    + " does not exist: check the --config path");
        } catch (ConfigParser.UnsetVariableException e) {
            throw error(file, e.line, e.key, e.getMessage());
        } catch (JacksonException e) {
            throw translate(file, e);
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Configuration file " + file + " cannot be read: "
                    + e.getMessage());
        }
        if (settings == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Configuration file " + file
                    + " is empty: describe at least one plan under plans:");
        }
        refuseReadableInlineSecrets(file, parser.inlineSecrets());
        EnvironmentOverrides.apply(settings, environment, mapper);
        return new ConfigFile(file, settings, parser.lines(), environment);
    }

    /** The settings as read, with the environment's overrides. */
    PlanBSettings settings() {
        return settings;
    }

    /** The file read. */
    Path file() {
        return file;
    }

    /** Every plan, checked. */
    List<BackupPlan> plans() {
        return checked(() -> factory().plans(settings));
    }

    /**
     * The plan called {@code name}, checked.
     *
     * @throws PlanBException naming the plans of the file when there is no such plan
     */
    BackupPlan plan(String name) {
        String plan = planName(name);
        PlanSettings planSettings = planSettings(plan);
        return checked(() -> factory().plan(plan, "plans." + plan, planSettings));
    }

    /** The plan's name: {@code name}, or the file's only plan when {@code name} is null. */
    String planName(String name) {
        if (name != null) {
            return name;
        }
        if (settings.getPlans().size() != 1) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, file + " has " + settings.getPlans().size()
                    + " plans (" + String.join(", ", settings.getPlans().keySet()) + "): choose one with --plan NAME");
        }
        return settings.getPlans().keySet().iterator().next();
    }

    /** A plan's settings as the file gives them: secrets named by variable or file, not read. */
    PlanSettings planSettings(String plan) {
        return Optional.ofNullable(settings.getPlans().get(plan)).orElseThrow(() -> new PlanBException(
                ErrorCode.INVALID_SETTING, file + " has no plan '" + plan + "': its plans are "
                        + String.join(", ", settings.getPlans().keySet())));
    }

    /** Every pull, checked. */
    List<PullJob> pulls() {
        return checked(() -> factory().pulls(settings));
    }

    /**
     * Checks every plan and pull, then runs them on their schedules.
     *
     * @param customizer adjusts each plan (by name) before it is built
     */
    ConfiguredRuntime start(List<PlanBListener> listeners, BiConsumer<String, BackupPlan.Builder> customizer) {
        PlanFactory.Builder factory = factoryBuilder().customizer(customizer);
        listeners.forEach(factory::listener);
        return checked(() -> factory.build().start(settings));
    }

    /** Runs {@code action}, naming the file and line of the key an {@link InvalidSettingException} names. */
    <T> T checked(Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidSettingException e) {
            throw error(file, line(e.setting()), e.setting(), e.problem());
        }
    }

    private PlanFactory factory() {
        return factoryBuilder().build();
    }

    private PlanFactory.Builder factoryBuilder() {
        PlanFactory.Builder factory = PlanFactory.builder().environment(environment::get);
        DestinationUris.resolvers().forEach(factory::destinationResolver);
        return factory;
    }

    /** The line of {@code key}, or of the nearest key above it that the file has; 0 when none. */
    private int line(String key) {
        for (String at = key; !at.isEmpty(); at = parent(at)) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
        }
        return 0;
    }

    private static String parent(String key) {
        int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
        return cut < 0 ? "" : key.substring(0, cut);
    }

    static YAMLMapper mapper() {
        SimpleModule durations = new SimpleModule("planb-durations");
        durations.addDeserializer(Duration.class, new DurationDeserializer());
        durations.addSerializer(Duration.class, new DurationSerializer()); // written back only by config check
        durations.addSerializer(Path.class, ToStringSerializer.instance);
        return YAMLMapper.builder(new YAMLFactory())
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .addModule(durations)
                .build();
    }

    private static void refuseReadableInlineSecrets(Path file, Map<String, Integer> secrets) {
        if (secrets.isEmpty()) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no POSIX modes here: nothing to compare with 0600
        }
        boolean othersMayRead = permissions.stream().anyMatch(permission -> !permission.name().startsWith("OWNER_"));
        if (othersMayRead) {
            Map.Entry<String, Integer> first = secrets.entrySet().iterator().next();
            String leaf = first.getKey().substring(first.getKey().lastIndexOf('.') + 1);
            throw error(file, first.getValue(), first.getKey(), "a secret is written in this file, which other users may"
                    + " read (mode " + mode(permissions) + "): chmod 600 " + file + ", or use " + leaf + "-env or " + leaf
                    + "-file");
        }
    }

    private static String mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }

    private static PlanBException translate(Path file, JacksonException e) {
        String key = e instanceof JsonMappingException mapping ? key(mapping.getPath()) : "";
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        ConfigParser.UnsetVariableException unset = cause(e, ConfigParser.UnsetVariableException.class);
        if (unset != null) {
            return error(file, unset.line, unset.key, unset.getMessage());
        }
        MarkedYAMLException syntax = cause(e, MarkedYAMLException.class);
        if (syntax != null) {
            Mark mark = syntax.getProblemMark() != null ? syntax.getProblemMark() : syntax.getContextMark();
            return error(file, mark == null ? line : mark.getLine() + 1, "", "not valid YAML: "
                    + (syntax.getContext() == null ? "" : syntax.getContext() + ", ") + syntax.getProblem());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return error(file, line, key, "unknown key" + Suggestions.closest(unknown.getPropertyName(),
                    unknown.getKnownPropertyIds()).map(known -> ": did you mean '" + known + "'?").orElse(
                            ": the keys here are " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                                    .collect(java.util.stream.Collectors.joining(", "))));
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> type = format.getTargetType();
            String problem = type == Duration.class ? DurationText.tryParse(String.valueOf(format.getValue())).isEmpty()
                    ? "'" + format.getValue() + "' is not a duration: use e.g. 7d, 36h, 2w, 1d12h, 30s or ISO-8601 like P7D"
                    : format.getOriginalMessage() : "'" + format.getValue() + "' is not " + describe(type);
            return error(file, line, key, problem);
        }
        if (e instanceof JsonMappingException mapping && mapping.getPath().size() > 0) {
            return error(file, line, key, "a value of another kind is expected here (" + firstLine(e.getOriginalMessage())
                    + ")");
        }
        return error(file, line, key, "not valid YAML: " + firstLine(e.getOriginalMessage()));
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }

    private static String key(List<JsonMappingException.Reference> path) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                key.append('[').append(reference.getIndex()).append(']');
            }
        }
        return key.toString();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable at = e; at != null; at = at.getCause()) {
            if (type.isInstance(at)) {
                return type.cast(at);
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static PlanBException error(Path file, int line, String key, String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, file + (line > 0 ? " line " + line : "")
                + (key.isEmpty() ? "" : ": " + key) + ": " + problem);
    }

    /** Durations written as they are read: {@code 7d}, {@code 1d 12h}. */
    private static final class DurationSerializer extends StdSerializer<Duration> {
        private static final long serialVersionUID = 1L;

        DurationSerializer() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(DurationText.format(value));
        }
    }

    /** Durations in PlanB's grammar; a number without a unit is refused rather than guessed. */
    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null) {
                text = parser.getText();
            }
            Optional<Duration> duration = DurationText.tryParse(text);
            if (duration.isEmpty()) {
                return (Duration) context.handleWeirdStringValue(Duration.class, text, "not a duration");
            }
            return duration.get();
        }
    }
}
