/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.planb.spring.migration.MigrationBackupProperties;
import dev.planb.config.DurationText;
import dev.planb.config.PlanBSettings;
import dev.planb.config.PlanSettings;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Writes {@code docs/reference/properties.md}: every {@code planb.*} property of the Spring Boot starter and every
 * key of a configuration file, from the configuration model itself ({@link PlanBProperties}, {@link PlanSettings},
 * {@link PlanBSettings}): names and defaults by reflection, descriptions from the fields' Javadoc, read from the
 * sources with the JDK's own compiler API (the configuration processor cannot read the Javadoc of core's classes).
 */
final class PropertiesReference {

    private static final List<Path> SOURCES = List.of(
            Path.of("..", "core", "src", "main", "java", "dev", "planb", "config"),
            Path.of("src", "main", "java", "dev", "planb", "spring", "autoconfigure"),
            Path.of("src", "main", "java", "dev", "planb", "spring", "migration"));
    private static final Pattern CODE = Pattern.compile("\\{@(?:code|literal) ([^}]*)}");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    private static final Pattern LINK = Pattern.compile("\\{@link(?:plain)? ([^} ]+)(?: ([^}]*))?}");

    private final Map<String, String> javadoc;
    private final StringBuilder page = new StringBuilder();

    private PropertiesReference(Map<String, String> javadoc) {
        this.javadoc = javadoc;
    }

    /** The reference page, generated from today's classes and sources. */
    static String markdown() {
        PropertiesReference reference = new PropertiesReference(fieldJavadoc());
        StringBuilder page = reference.page;
        page.append("# Properties reference\n\n")
                .append("<!-- Generated from the configuration model by PropertiesReferenceTest: do not edit. Rewrite it"
                        + " with\n     mvn -B -o -q verify -pl spring-boot-starter -am -Dtest=PropertiesReferenceTest"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Dplanb.docs.write=true -->\n\n")
                .append("The same model is read by the [Spring Boot starter](../getting-started/spring-boot.md)"
                        + " (`planb.*`) and by a [configuration file](../getting-started/config-file.md)"
                        + " (`plans.NAME.*`). `NAME` is a name of your choice; `[0]` is a list position (the starter also takes destinations by name,"
                        + " `planb.destinations.NAME.uri`). Each secret"
                        + " `KEY` also has the forms `KEY-env` (an environment variable) and `KEY-file` (a file)."
                        + " Durations read `30s`, `15m`, `1d12h`, `2w` or ISO-8601.\n\n")
                .append("## Spring Boot starter (`planb.*`)\n\n");
        reference.table("planb", PlanBProperties.class, new PlanBProperties());
        reference.rows("planb.migrations", MigrationBackupProperties.class, new MigrationBackupProperties(),
                new ArrayDeque<>());
        page.append("\n## Configuration file (`planb.yml`)\n\n");
        reference.table("", PlanBSettings.class, new PlanBSettings());
        return page.toString();
    }

    private void table(String prefix, Class<?> type, Object defaults) {
        page.append("| property | default | meaning |\n| --- | --- | --- |\n");
        rows(prefix, type, defaults, new ArrayDeque<>());
    }

    private void rows(String prefix, Class<?> type, Object defaults, Deque<Class<?>> expanding) {
        expanding.push(type);
        for (PropertyDescriptor property : properties(type)) {
            String key = join(prefix, kebab(property.getName()));
            Type generic = property.getReadMethod().getGenericReturnType();
            Object value = defaults == null ? null : read(property, defaults);
            String description = description(type, property.getName());
            Class<?> element = elementType(generic);
            if (isModel(property.getPropertyType())) {
                rows(key, property.getPropertyType(), value, expanding);
            } else if (element != null && isModel(element)) {
                String itemKey = Map.class.isAssignableFrom(property.getPropertyType()) ? key + ".NAME" : key + "[0]";
                if (expanding.contains(element) || element == PlanSettings.class) {
                    row(itemKey + ".*", "", description + " Takes every key of a plan: "
                            + (prefix.isEmpty() ? "those of the starter's table, without `planb.`." : "the keys above."));
                } else {
                    rows(itemKey, element, newInstance(element), expanding);
                }
            } else {
                row(key, defaultText(value), description);
            }
        }
        expanding.pop();
    }

    private void row(String key, String defaultValue, String description) {
        page.append("| `").append(key).append("` | ").append(defaultValue.isEmpty() ? "" : "`" + defaultValue + "`")
                .append(" | ").append(description.replace("|", "\\|")).append(" |\n");
    }

    private String description(Class<?> type, String field) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            String text = javadoc.get(c.getName() + "#" + field);
            if (text != null) {
                return text;
            }
        }
        throw new AssertionError("no Javadoc on " + type.getName() + "." + field
                + ": every setting needs one, it is the reference's and the IDE's help");
    }

    private static List<PropertyDescriptor> properties(Class<?> type) {
        try {
            List<String> declared = fieldOrder(type);
            return Stream.of(Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors())
                    .filter(p -> p.getReadMethod() != null && declared.contains(p.getName()))
                    .sorted((a, b) -> declared.indexOf(a.getName()) - declared.indexOf(b.getName()))
                    .toList();
        } catch (IntrospectionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Field names in declaration order, the superclass's first: the order the sources explain them in. */
    private static List<String> fieldOrder(Class<?> type) {
        Stream<String> inherited = type.getSuperclass() == null || type.getSuperclass() == Object.class
                ? Stream.empty() : fieldOrder(type.getSuperclass()).stream();
        return Stream.concat(inherited, Stream.of(type.getDeclaredFields())
                        .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers())).map(f -> f.getName()))
                .distinct().toList();
    }

    private static boolean isModel(Class<?> type) {
        Package p = type.getPackage();
        return p != null && (p.getName().equals("dev.planb.config") || p.getName().startsWith("dev.planb.spring"));
    }

    private static Class<?> elementType(Type generic) {
        if (generic instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (arguments[arguments.length - 1] instanceof Class<?> c) {
                return c;
            }
        }
        return null;
    }

    private static Object read(PropertyDescriptor property, Object bean) {
        try {
            return property.getReadMethod().invoke(bean);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object newInstance(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String defaultText(Object value) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()
                || Boolean.FALSE.equals(value)) {
            return "";
        }
        return value instanceof Duration d ? DurationText.format(d).replace(" ", "") : String.valueOf(value);
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code package.Outer$Inner#field} to the field's Javadoc, as one line of Markdown. */
    private static Map<String, String> fieldJavadoc() {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            List<Path> sources = SOURCES.stream().flatMap(PropertiesReference::javaFiles).toList();
            JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            DocTrees docs = DocTrees.instance(task);
            Map<String, String> javadoc = new HashMap<>();
            for (CompilationUnitTree unit : task.parse()) {
                String packageName = unit.getPackageName().toString();
                new TreePathScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree tree, String outer) {
                        String name = outer == null ? packageName + "." + tree.getSimpleName()
                                : outer + "$" + tree.getSimpleName();
                        return super.visitClass(tree, name);
                    }

                    @Override
                    public Void visitVariable(VariableTree tree, String owner) {
                        DocCommentTree doc = docs.getDocCommentTree(getCurrentPath());
                        if (doc != null && getCurrentPath().getParentPath().getLeaf() instanceof ClassTree) {
                            javadoc.put(owner + "#" + tree.getName(), markdown(doc));
                        }
                        return null;
                    }
                }.scan(new TreePath(unit), null);
            }
            return javadoc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String markdown(DocCommentTree doc) {
        String text = doc.getFullBody().stream().map(Object::toString).collect(Collectors.joining());
        text = UNICODE_ESCAPE.matcher(text).replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)));
        text = CODE.matcher(text).replaceAll(m -> Matcher.quoteReplacement("`" + m.group(1) + "`"));
        text = LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2) != null ? m.group(2) : "`" + m.group(1).replace('#', '.') + "`"));
        return text.replaceAll("\\s+", " ").strip();
    }

    private static Stream<Path> javaFiles(Path folder) {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
