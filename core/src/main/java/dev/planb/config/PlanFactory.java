/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.config;

import static dev.planb.config.Settings.converting;
import static dev.planb.config.Settings.key;

import dev.planb.BackupPlan;
import dev.planb.Compression;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.Secret;
import dev.planb.change.DestructiveChangePolicy;
import dev.planb.crypto.Encryption;
import dev.planb.event.PlanBListener;
import dev.planb.files.DirectorySource;
import dev.planb.notify.Email;
import dev.planb.notify.Heartbeat;
import dev.planb.notify.Notifier;
import dev.planb.notify.Webhook;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.pull.PullJob;
import dev.planb.retention.RetentionPolicy;
import dev.planb.schedule.Schedule;
import dev.planb.verify.VerificationPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Turns the configuration model into {@link BackupPlan}s, {@link PullJob}s and a running runtime,
 * naming the full key of any bad setting ({@code plans.app.destinations[0].uri: …}).
 *
 * <pre>{@code
 * PlanBSettings settings = ...;   // bound by the Spring Boot starter, read from planb.yml, or filled in
 * try (ConfiguredRuntime runtime = PlanFactory.builder().build().start(settings)) {
 *     ...                         // every plan runs on its schedule until closed
 * }
 * }</pre>
 */
public final class PlanFactory {

    private final String prefix;
    private final DestinationUris destinations;
    private final List<BiConsumer<String, BackupPlan.Builder>> customizers;
    private final List<PlanBListener> listeners;
    private final UnaryOperator<String> environment;

    private PlanFactory(Builder builder) {
        this.prefix = builder.prefix;
        this.destinations = DestinationUris.with(builder.resolvers);
        this.customizers = List.copyOf(builder.customizers);
        this.listeners = List.copyOf(builder.listeners);
        this.environment = builder.environment;
    }

    /** {@return a new builder, with no key prefix and the process environment} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Makes every plan of {@code settings}, named in errors under the keys {@code plans.NAME}.
     *
     * @param settings the settings holding the plans
     * @return the plans, in the map's iteration order
     * @throws InvalidSettingException naming the first bad setting
     */
    public List<BackupPlan> plans(PlanBSettings settings) {
        List<BackupPlan> plans = new ArrayList<>();
        settings.getPlans().forEach((name, plan) -> plans.add(plan(name, key(prefix, "plans." + name), plan)));
        return plans;
    }

    /**
     * Makes every pull of {@code settings}, named in errors under the keys {@code pulls.NAME}.
     *
     * @param settings the settings holding the pulls
     * @return the pulls, in the map's iteration order
     * @throws InvalidSettingException naming the first bad setting
     */
    public List<PullJob> pulls(PlanBSettings settings) {
        List<PullJob> pulls = new ArrayList<>();
        settings.getPulls().forEach((name, pull) -> pulls.add(pull(name, key(prefix, "pulls." + name), pull)));
        return pulls;
    }

    /**
     * Checks every plan and pull, then starts running them on their schedules, with log shipping
     * for the plans that stream.
     *
     * @param settings the plans, pulls, thread count and shutdown grace
     * @return the running runtime; close it to stop
     * @throws InvalidSettingException naming the first bad setting
     */
    public ConfiguredRuntime start(PlanBSettings settings) {
        Map<BackupPlan, PlanSettings> plans = new LinkedHashMap<>();
        settings.getPlans().forEach((name, plan) -> plans.put(plan(name, key(prefix, "plans." + name), plan), plan));
        return start(plans, pulls(settings), settings.getThreads(), settings.getShutdownGrace());
    }

    /**
     * Starts running plans made by {@link #plan}, each with the settings it was made from (they say
     * whether it streams), and {@code pulls}. Closing stops running backups at once.
     *
     * @param plans the plans, each with the settings it was made from
     * @param pulls the pulls to run beside them
     * @param threads how many jobs may run at once; at least 1
     * @return the running runtime; close it to stop
     * @throws InvalidSettingException naming the first bad setting
     */
    public ConfiguredRuntime start(Map<BackupPlan, ? extends PlanSettings> plans, List<PullJob> pulls, int threads) {
        return start(plans, pulls, threads, Duration.ZERO);
    }

    /**
     * As {@link #start(Map, List, int)}, letting running backups finish within {@code shutdownGrace}
     * when the runtime is closed.
     *
     * @param plans the plans, each with the settings it was made from
     * @param pulls the pulls to run beside them
     * @param threads how many jobs may run at once; at least 1
     * @param shutdownGrace how long closing waits for running backups; not negative
     * @return the running runtime; close it to stop
     * @throws InvalidSettingException naming the first bad setting
     */
    public ConfiguredRuntime start(Map<BackupPlan, ? extends PlanSettings> plans, List<PullJob> pulls, int threads,
            Duration shutdownGrace) {
        return prepare(plans, pulls, threads, shutdownGrace).start();
    }

    /**
     * Makes what {@link #start(Map, List, int, Duration)} starts, without starting it:
     * {@link ConfiguredRuntime#start()} does, e.g. once the application that holds it has started.
     *
     * @param plans the plans, each with the settings it was made from
     * @param pulls the pulls to run beside them
     * @param threads how many jobs may run at once; at least 1
     * @param shutdownGrace how long closing waits for running backups; not negative
     * @return the runtime, not started yet
     * @throws InvalidSettingException naming the first bad setting
     */
    public ConfiguredRuntime prepare(Map<BackupPlan, ? extends PlanSettings> plans, List<PullJob> pulls, int threads,
            Duration shutdownGrace) {
        PlanB.Builder runtime = PlanB.builder().plans(List.copyOf(plans.keySet()));
        runtime.shutdownGrace(converting(key(prefix, "shutdown-grace"), () -> notNegative(shutdownGrace)));
        pulls.forEach(runtime::pull);
        runtime.threads(converting(key(prefix, "threads"), () -> positive(threads)));
        listeners.forEach(runtime::listener);
        Map<BackupPlan, PlanSettings.StreamingSettings> streaming = new LinkedHashMap<>();
        plans.forEach((plan, settings) -> {
            if (settings.getStreaming().isEnabled()) {
                streaming.put(plan, settings.getStreaming());
            }
        });
        return ConfiguredRuntime.prepare(converting(prefix.isEmpty() ? "plans" : prefix, runtime::build), streaming,
                listeners);
    }

    /**
     * Makes one plan.
     *
     * @param name the plan's name
     * @param keyPrefix the plan's full key, e.g. {@code plans.app}, named in errors
     * @param settings the plan's settings
     * @return the plan, after the factory's customizers ran on its builder
     * @throws InvalidSettingException naming the bad setting
     */
    public BackupPlan plan(String name, String keyPrefix, PlanSettings settings) {
        return plan(name, keyPrefix, settings, null);
    }

    /**
     * One plan, backing up {@code defaultDatabase} unless its {@code database.url} is set (the starter's
     * own plan and the application's {@code DataSource}).
     *
     * @param name the plan's name
     * @param keyPrefix the plan's full key, e.g. {@code plans.app}, named in errors
     * @param settings the plan's settings
     * @param defaultDatabase the database used when {@code database.url} is not set; may be {@code null}
     * @return the plan, after the factory's customizers ran on its builder
     * @throws InvalidSettingException naming the bad setting
     */
    public BackupPlan plan(String name, String keyPrefix, PlanSettings settings, DatabaseSource defaultDatabase) {
        BackupPlan.Builder plan = converting(key(keyPrefix, "name"), () -> BackupPlan.builder(name));
        String databaseKey = key(keyPrefix, "database");
        plan.database(settings.getDatabase().getUrl() == null && defaultDatabase != null ? defaultDatabase
                : database(databaseKey, settings.getDatabase()));
        plan.schedule(converting(key(keyPrefix, "schedule"), () -> schedule(settings.getSchedule())));
        plan.timeout(converting(key(keyPrefix, "timeout"), () -> positive(settings.getTimeout())));
        if (settings.getMaxAge() != null) {
            plan.maxAge(converting(key(keyPrefix, "max-age"), () -> positive(settings.getMaxAge())));
        }
        if (settings.getCompression() != null) {
            plan.compression(converting(key(keyPrefix, "compression"), () -> Compression.fromId(settings.getCompression())));
        }
        plan.encryption(encryption(key(keyPrefix, "encryption"), settings.getEncryption()));
        if (settings.getDestinations().isEmpty()) {
            throw new InvalidSettingException(key(keyPrefix, "destinations[0].uri"),
                    "no destination: set it to a folder (file:./backups), sftp://… or s3://…");
        }
        for (int i = 0; i < settings.getDestinations().size(); i++) {
            String destinationKey = key(keyPrefix, "destinations[" + i + "]");
            PlanSettings.DestinationSettings destination = settings.getDestinations().get(i);
            var target = destinations.resolve(destinationKey + ".uri", destination.getUri());
            Optional<RetentionPolicy> retention = converting(destinationKey + ".retention",
                    () -> retention(destination.getRetention()));
            retention.ifPresentOrElse(policy -> plan.destination(target, policy), () -> plan.destination(target));
        }
        for (int i = 0; i < settings.getFiles().size(); i++) {
            PlanSettings.FilesSettings files = settings.getFiles().get(i);
            plan.files(converting(key(keyPrefix, "files[" + i + "]"), () -> files(files)));
        }
        verification(key(keyPrefix, "verification"), settings.getVerification()).ifPresent(plan::verification);
        notifiers(key(keyPrefix, "notifiers"), settings.getNotifiers()).forEach(plan::notifier);
        plan.destructiveChange(destructiveChange(key(keyPrefix, "destructive-change"), settings.getDestructiveChange()));
        customizers.forEach(customizer -> customizer.accept(name, plan));
        BackupPlan built = converting(keyPrefix, plan::build);
        checkStreaming(key(keyPrefix, "streaming"), settings.getStreaming(), built);
        return built;
    }

    /**
     * Makes one pull.
     *
     * @param name the pull's name
     * @param keyPrefix the pull's full key, e.g. {@code pulls.outbox}, named in errors
     * @param settings the pull's settings
     * @return the pull
     * @throws InvalidSettingException naming the bad setting, e.g. no {@code to} destination
     */
    public PullJob pull(String name, String keyPrefix, PlanBSettings.PullSettings settings) {
        PullJob.Builder pull = PullJob.builder().name(name)
                .from(destinations.resolve(key(keyPrefix, "from"), settings.getFrom()))
                .removeCopied(settings.isRemoveCopied())
                .schedule(converting(key(keyPrefix, "schedule"), () -> schedule(settings.getSchedule())));
        if (settings.getTo().isEmpty()) {
            throw new InvalidSettingException(key(keyPrefix, "to[0]"), "no destination to pull to: give a folder, sftp://… or s3://…");
        }
        for (int i = 0; i < settings.getTo().size(); i++) {
            pull.to(destinations.resolve(key(keyPrefix, "to[" + i + "]"), settings.getTo().get(i)));
        }
        Optional.ofNullable(settings.getPlan()).ifPresent(pull::plan);
        return converting(keyPrefix, pull::build);
    }

    /**
     * A cron expression with seconds ({@code 0 0 2 * * *}), or an interval in PlanB's
     * {@linkplain DurationText duration grammar} ({@code 10s}, {@code 1d12h}, {@code PT6H}).
     *
     * @param text the schedule setting's text; surrounding blanks are ignored
     * @return a cron schedule, or one that runs every interval
     * @throws IllegalArgumentException when {@code text} is blank, neither, or a zero or negative interval
     */
    public static Schedule schedule(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("not set: use a cron expression (0 0 2 * * *) or an interval (1h)");
        }
        String trimmed = text.trim();
        Optional<Duration> interval = trimmed.indexOf(' ') < 0 ? DurationText.tryParse(trimmed) : Optional.empty();
        return interval.map(period -> Schedule.every(positive(period))).orElseGet(() -> Schedule.cron(trimmed));
    }

    private static void checkStreaming(String streamingKey, PlanSettings.StreamingSettings settings, BackupPlan plan) {
        if (!settings.isEnabled()) {
            return;
        }
        if (!(plan.engine() instanceof PointInTimeEngine)) {
            throw new InvalidSettingException(streamingKey + ".enabled", "the " + plan.engine().name()
                    + " engine has no transaction log to ship: log streaming needs PostgreSQL or MariaDB/MySQL");
        }
        converting(streamingKey + ".partial-interval", () -> positive(settings.getPartialInterval()));
        converting(streamingKey + ".fallback-interval", () -> positive(settings.getFallbackInterval()));
    }

    private DatabaseSource database(String databaseKey, PlanSettings.DatabaseSettings settings) {
        if (settings.getUrl() == null || settings.getUrl().isBlank()) {
            throw new InvalidSettingException(databaseKey + ".url",
                    "not set: give the JDBC URL of the database to back up, e.g. jdbc:postgresql://db:5432/app");
        }
        Optional<Secret> password = secret(databaseKey + ".password", settings.getPassword(), settings.getPasswordEnv(),
                settings.getPasswordFile());
        return converting(databaseKey + ".url", () -> settings.getUsername() == null && password.isEmpty()
                ? DatabaseSource.of(settings.getUrl())
                : DatabaseSource.of(settings.getUrl(), settings.getUsername(), password.orElse(null)));
    }

    private Encryption encryption(String encryptionKey, PlanSettings.EncryptionSettings settings) {
        Optional<Secret> passphrase = secret(encryptionKey + ".passphrase", settings.getPassphrase(),
                settings.getPassphraseEnv(), settings.getPassphraseFile());
        boolean keys = !settings.getPublicKeys().isEmpty();
        if (keys && passphrase.isPresent()) {
            throw new InvalidSettingException(encryptionKey, "set public-keys or a passphrase, not both");
        }
        if (keys) {
            return converting(encryptionKey + ".public-keys", () -> Encryption.toPublicKeys(settings.getPublicKeys()));
        }
        return passphrase.map(secret -> converting(encryptionKey + ".passphrase", () -> Encryption.withPassphrase(secret)))
                .orElseGet(Encryption::none);
    }

    private static Optional<RetentionPolicy> retention(PlanSettings.RetentionSettings settings) {
        if (!settings.hasRules()) {
            return Optional.empty();
        }
        RetentionPolicy.Builder policy = RetentionPolicy.builder();
        Optional.ofNullable(settings.getKeepLast()).ifPresent(policy::keepLast);
        Optional.ofNullable(settings.getKeepHourly()).ifPresent(policy::keepHourly);
        Optional.ofNullable(settings.getKeepDaily()).ifPresent(policy::keepDaily);
        Optional.ofNullable(settings.getKeepWeekly()).ifPresent(policy::keepWeekly);
        Optional.ofNullable(settings.getKeepMonthly()).ifPresent(policy::keepMonthly);
        Optional.ofNullable(settings.getKeepYearly()).ifPresent(policy::keepYearly);
        Optional.ofNullable(settings.getKeepWithin()).ifPresent(policy::keepWithin);
        return Optional.of(policy.build());
    }

    private static DestructiveChangePolicy destructiveChange(String changeKey,
            PlanSettings.DestructiveChangeSettings settings) {
        DestructiveChangePolicy.Builder policy = DestructiveChangePolicy.builder().enabled(settings.isEnabled());
        converting(changeKey + ".min-rows", () -> policy.minRows(settings.getMinRows()));
        converting(changeKey + ".max-loss", () -> policy.maxLossPercent(percent(settings.getMaxLoss())));
        settings.getTables().forEach((table, threshold) -> {
            String tableKey = changeKey + ".tables." + table;
            long minRows = threshold.getMinRows() != null ? threshold.getMinRows() : settings.getMinRows();
            String maxLoss = threshold.getMaxLoss() != null ? threshold.getMaxLoss() : settings.getMaxLoss();
            converting(tableKey, () -> policy.table(table, minRows, percent(maxLoss)));
        });
        for (int i = 0; i < settings.getIgnore().size(); i++) {
            String table = settings.getIgnore().get(i);
            converting(changeKey + ".ignore[" + i + "]", () -> policy.ignore(table));
        }
        if (settings.getHold() != null) {
            converting(changeKey + ".hold", () -> policy.hold(settings.getHold()));
        }
        return converting(changeKey, policy::build);
    }

    /** {@code 50%} or {@code 50}: a share in percent. */
    private static double percent(String text) {
        String number = text == null ? "" : text.strip();
        number = number.endsWith("%") ? number.substring(0, number.length() - 1).strip() : number;
        try {
            return new DestructiveChangePolicy.Threshold(0, Double.parseDouble(number)).maxLossPercent();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a share: use e.g. 50%");
        }
    }

    private static DirectorySource files(PlanSettings.FilesSettings settings) {
        if (settings.getPath() == null) {
            throw new IllegalArgumentException("path is not set: give the directory to back up");
        }
        DirectorySource.Builder files = DirectorySource.builder(settings.getPath())
                .include(settings.getInclude().toArray(String[]::new))
                .exclude(settings.getExclude().toArray(String[]::new))
                .incremental(settings.isIncremental())
                .skipUnreadable(settings.isSkipUnreadable());
        Optional.ofNullable(settings.getName()).ifPresent(files::name);
        return files.build();
    }

    private Optional<VerificationPolicy> verification(String verificationKey, PlanSettings.VerificationSettings settings) {
        if (settings.getEvery() == null && settings.getEveryNthBackup() == null) {
            return Optional.empty();
        }
        if (settings.getEvery() != null && settings.getEveryNthBackup() != null) {
            throw new InvalidSettingException(verificationKey, "set every or every-nth-backup, not both");
        }
        Optional<DatabaseSource> server = settings.getServer().getUrl() == null ? Optional.empty()
                : Optional.of(database(verificationKey + ".server", settings.getServer()));
        return Optional.of(converting(verificationKey, () -> {
            VerificationPolicy.Builder policy = settings.getEvery() != null
                    ? VerificationPolicy.every(positive(settings.getEvery()))
                    : VerificationPolicy.everyNthBackup(settings.getEveryNthBackup());
            settings.getChecks().forEach(policy::check);
            settings.getFingerprints().forEach(policy::fingerprint);
            Optional.ofNullable(settings.getMaxAge()).ifPresent(policy::maxAge);
            server.ifPresent(policy::onServer);
            return policy.build();
        }));
    }

    private List<Notifier> notifiers(String notifiersKey, PlanSettings.NotifierSettings settings) {
        List<Notifier> notifiers = new ArrayList<>();
        webhook(notifiersKey + ".slack-url", settings.getSlackUrl(), settings.getSlackUrlEnv(), settings.getSlackUrlFile(),
                Webhook::slack).ifPresent(notifiers::add);
        webhook(notifiersKey + ".teams-url", settings.getTeamsUrl(), settings.getTeamsUrlEnv(), settings.getTeamsUrlFile(),
                Webhook::teams).ifPresent(notifiers::add);
        webhook(notifiersKey + ".discord-url", settings.getDiscordUrl(), settings.getDiscordUrlEnv(),
                settings.getDiscordUrlFile(), Webhook::discord).ifPresent(notifiers::add);
        webhook(notifiersKey + ".webhook-url", settings.getWebhookUrl(), settings.getWebhookUrlEnv(),
                settings.getWebhookUrlFile(), Webhook::json).ifPresent(notifiers::add);
        String heartbeatKey = notifiersKey + ".heartbeat-url";
        secret(heartbeatKey, settings.getHeartbeatUrl(), settings.getHeartbeatUrlEnv(), settings.getHeartbeatUrlFile())
                .ifPresent(url -> notifiers.add(converting(heartbeatKey, () -> Heartbeat.to(url).build())));
        PlanSettings.TelegramSettings telegram = settings.getTelegram();
        String telegramKey = notifiersKey + ".telegram";
        secret(telegramKey + ".bot-token", telegram.getBotToken(), telegram.getBotTokenEnv(), telegram.getBotTokenFile())
                .ifPresent(token -> notifiers.add(converting(telegramKey + ".chat-id",
                        () -> Webhook.telegram(token, telegram.getChatId()).build())));
        PlanSettings.EmailSettings email = settings.getEmail();
        if (email.getHost() != null) {
            String emailKey = notifiersKey + ".email";
            Optional<Secret> password = secret(emailKey + ".password", email.getPassword(), email.getPasswordEnv(),
                    email.getPasswordFile());
            notifiers.add(converting(emailKey, () -> {
                Email.Builder mail = Email.smtp(email.getHost(), email.getPort()).to(email.getTo().toArray(String[]::new));
                Optional.ofNullable(email.getFrom()).ifPresent(mail::from);
                if (email.getUsername() != null) {
                    mail.login(email.getUsername(), password.orElse(Secret.of("")));
                }
                return mail.build();
            }));
        }
        return notifiers;
    }

    private Optional<Notifier> webhook(String urlKey, String value, String variable, Path file,
            Function<Secret, Webhook.Builder> kind) {
        return secret(urlKey, value, variable, file).map(url -> converting(urlKey, () -> kind.apply(url).build()));
    }

    private Optional<Secret> secret(String secretKey, String value, String variable, Path file) {
        return SecretRef.of(secretKey, value, variable, file).map(ref -> converting(
                ref.isInline() ? secretKey : secretKey + (variable != null ? "-env" : "-file"),
                () -> ref.resolve(environment)));
    }

    private static Duration notNegative(Duration grace) {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException(grace + " is not a grace period: use 0s or more, e.g. 30s");
        }
        return grace;
    }

    private static int positive(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(threads + " is not a number of threads: use 1 or more");
        }
        return threads;
    }

    private static Duration positive(Duration duration) {
        if (duration == null) {
            throw new IllegalArgumentException("not set: give a duration such as 30s, 15m or 4h");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(DurationText.format(duration) + " is not a positive duration: use e.g. 30s or 4h");
        }
        return duration;
    }

    /** Configures a {@link PlanFactory}. */
    public static final class Builder {
        private String prefix = "";
        private final List<DestinationUriResolver> resolvers = new ArrayList<>();
        private final List<BiConsumer<String, BackupPlan.Builder>> customizers = new ArrayList<>();
        private final List<PlanBListener> listeners = new ArrayList<>();
        private UnaryOperator<String> environment = System::getenv;

        private Builder() {
        }

        /**
         * Sets the key the settings sit under, named in errors: {@code planb} for Spring's {@code planb.*}; default none.
         *
         * @param prefix the key prefix, without a trailing dot; empty for none
         * @return this builder
         */
        public Builder keyPrefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Adds a resolver for the destination URIs of a scheme; the first resolver of a scheme wins.
         *
         * @param resolver the resolver, e.g. one a storage module provides
         * @return this builder
         */
        public Builder destinationResolver(DestinationUriResolver resolver) {
            resolvers.add(Objects.requireNonNull(resolver, "resolver"));
            return this;
        }

        /**
         * Adds a customizer that adjusts each plan after the settings are applied, before it is built.
         *
         * @param customizer called with the plan's name and its builder
         * @return this builder
         */
        public Builder customizer(BiConsumer<String, BackupPlan.Builder> customizer) {
            customizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /**
         * Adds a listener that hears every event of the runtime {@link #start} starts.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(PlanBListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets where {@code *-env} secrets are looked up (default: the process environment).
         *
         * @param environment maps a variable's name to its value, or {@code null} when unset
         * @return this builder
         */
        public Builder environment(UnaryOperator<String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** {@return a factory with this builder's settings} */
        public PlanFactory build() {
            return new PlanFactory(this);
        }
    }
}
