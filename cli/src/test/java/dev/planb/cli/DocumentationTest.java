/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.source.util.JavacTask;
import dev.planb.ErrorCode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import org.xml.sax.InputSource;

/**
 * README.md and every page of {@code docs/}: links and anchors resolve, every code block is checked here, by a test
 * it names, or marked illustrative, every {@code planb} command line in them uses options that exist, and the exit
 * codes table is {@link ErrorCode}'s.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of("..");
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final String ILLUSTRATIVE = "<!-- illustrative";
    private static final Pattern TESTED_BY = Pattern.compile("<!-- tested by (\\w+)");
    private static final Pattern PLANB_COMMAND = Pattern.compile("(?:^|[\\s;(|&$])(?:\\./)?planb +([a-z]+)( +check)?\\b");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");
    /** An environment in which every variable a page names is set, and no PLANB_* override is. */
    private static final Map<String, String> ANY_VARIABLE = new HashMap<>() {
        @Override
        public String get(Object name) {
            return "set-for-the-docs-test";
        }
    };
    private static final Pattern EXIT_ROW = Pattern.compile("^\\| (\\d+) \\| (?:`(\\w+)`)? *\\|", Pattern.MULTILINE);

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            parse(page).accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    String problem = checkLink(page, link.getDestination());
                    if (problem != null) {
                        broken.add(ROOT.relativize(page) + ": " + link.getDestination() + ": " + problem);
                    }
                    visitChildren(link);
                }
            });
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void everyCodeBlockIsCheckedHereOrByANamedTestOrMarkedIllustrative() {
        Map<String, Set<String>> commands = planbCommands();
        List<Pattern> properties = propertyPatterns();
        List<String> problems = new ArrayList<>();
        Map<String, String> javaSnippets = new LinkedHashMap<>();
        for (Path page : pages()) {
            for (FencedCodeBlock block : codeBlocks(parse(page))) {
                String label = ROOT.relativize(page) + ", block starting `" + firstLine(block) + "`";
                String problem = check(page, block, commands, properties);
                if (problem != null) {
                    problems.add(label + ": " + problem);
                } else if ("java".equals(block.getInfo()) && marker(block).isEmpty()) {
                    javaSnippets.put(label, block.getLiteral());
                }
            }
        }
        problems.addAll(compileJava(javaSnippets));
        assertThat(problems).as("code blocks").isEmpty();
    }

    @Test
    void theExitCodesTableListsEveryErrorCodeWithItsStatus() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/troubleshooting.md"));
        String table = page.substring(page.indexOf("## Exit codes"));
        Map<Integer, String> rows = new HashMap<>();
        Matcher row = EXIT_ROW.matcher(table);
        while (row.find()) {
            rows.put(Integer.parseInt(row.group(1)), row.group(2) == null ? "" : row.group(2));
        }
        Map<Integer, String> expected = new HashMap<>();
        expected.put(0, "");
        for (ErrorCode code : ErrorCode.values()) {
            expected.put(code.exitCode(), code.name());
        }
        assertThat(rows).as("docs/troubleshooting.md, Exit codes").isEqualTo(expected);
    }

    @Test
    void theReadmeIsAFrontPageThatLinksStraightToWhatNewcomersLookFor() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(readme.lines().count()).as("README.md lines").isLessThan(250);
        assertThat(readme).contains("./planb demo", "scripts/test.sh")
                .contains("](docs/getting-started/spring-boot.md)")     // backing up a Spring Boot application
                .contains("](docs/restore-by-hand.md)")                 // restoring by hand with stock tools
                .contains("](docs/troubleshooting.md#exit-codes)");     // what every exit code means
    }

    // ---- links

    private static String checkLink(Path page, String destination) {
        if (destination.isEmpty() || URI.create(destination.replace(" ", "%20")).getScheme() != null) {
            return null;
        }
        int hash = destination.indexOf('#');
        String file = hash < 0 ? destination : destination.substring(0, hash);
        Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(target)) {
            return "no such file";
        }
        if (hash >= 0) {
            String anchor = destination.substring(hash + 1);
            if (!target.toString().endsWith(".md")) {
                return "an anchor into a file that is not Markdown";
            }
            if (!anchors(target).contains(anchor)) {
                return "no heading with anchor #" + anchor + " in " + ROOT.relativize(target);
            }
        }
        return null;
    }

    /** The anchors GitHub gives the headings of {@code page}: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(Path page) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        parse(page).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String slug = text(heading).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-');
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        });
        return anchors;
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    // ---- code blocks

    private static String check(Path page, FencedCodeBlock block, Map<String, Set<String>> commands,
            List<Pattern> properties) {
        String marker = marker(block);
        String code = block.getLiteral();
        String language = block.getInfo() == null ? "" : block.getInfo().strip();
        String planb = language.equals("sh") || language.isEmpty() ? checkPlanbCommands(code, language, commands) : null;
        if (planb != null) {
            return planb;
        }
        if (marker.startsWith(ILLUSTRATIVE)) {
            return null;
        }
        Matcher tested = TESTED_BY.matcher(marker);
        if (tested.lookingAt()) {
            return checkTestedBy(page, tested.group(1));
        }
        try {
            return switch (language) {
                case "yaml" -> parseYaml(code);
                case "json" -> parseJson(code);
                case "xml" -> parseXml(code);
                case "properties" -> checkProperties(code, properties);
                case "java" -> null; // compiled together, after every page is read
                case "sh" -> parseShell(code);
                case "" -> PLANB_COMMAND.matcher(code).find() ? null
                        : "neither checked nor marked: a planb command line, or <!-- illustrative --> before it";
                default -> "a " + language + " block must be tested by a test (<!-- tested by TestClass -->)"
                        + " or marked <!-- illustrative -->";
            };
        } catch (Exception e) {
            return language + " does not parse: " + e.getMessage();
        }
    }

    /** YAML parses; a configuration file ({@code plans:}, {@code pulls:}) is also read as {@code planb run} reads it. */
    private static String parseYaml(String code) throws IOException {
        new ObjectMapper(new YAMLFactory()).readTree(code);
        if (code.startsWith("plans:") || code.startsWith("pulls:")) {
            Path file = Files.createTempFile("planb-docs-", ".yml");
            try {
                ConfigFile.read(Files.writeString(file, code), ANY_VARIABLE).settings();
            } finally {
                Files.delete(file);
            }
        }
        return null;
    }

    private static String parseJson(String code) throws IOException {
        new ObjectMapper().readTree(code);
        return null;
    }

    /** Maven snippets: well-formed, and every {@code planb-*} artifact is one of this repository's modules. */
    private static String parseXml(String code) throws Exception {
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader("<snippet>" + code + "</snippet>")));
        Matcher artifact = Pattern.compile("<artifactId>planb-([\\w-]+)</artifactId>").matcher(code);
        while (artifact.find()) {
            if (!Files.exists(ROOT.resolve(artifact.group(1)).resolve("pom.xml"))) {
                return "planb-" + artifact.group(1) + " is not a module of this repository";
            }
        }
        return null;
    }

    /** Every {@code planb.*} key must be a property of the generated reference. */
    private static String checkProperties(String code, List<Pattern> properties) throws IOException {
        Properties parsed = new Properties();
        parsed.load(new StringReader(code));
        for (String key : parsed.stringPropertyNames()) {
            if (key.startsWith("planb.") && properties.stream().noneMatch(p -> p.matcher(key).matches())) {
                return key + " is not in docs/reference/properties.md";
            }
        }
        return null;
    }

    private static String marker(FencedCodeBlock block) {
        return block.getPrevious() instanceof HtmlBlock html ? html.getLiteral().strip() : "";
    }

    /** Every snippet in one compilation (one JVM-warm javac run); only when that fails, each one on its own. */
    private static List<String> compileJava(Map<String, String> snippets) {
        StringBuilder batch = new StringBuilder(IMPORTS).append("class Snippets {\n").append(GIVEN);
        int i = 0;
        for (String code : snippets.values()) {
            batch.append("void snippet").append(i++).append("() throws Exception {\n").append(code).append("\n}\n");
        }
        if (javacErrors(batch.append("}\n").toString()) == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        snippets.forEach((label, code) -> {
            String problem = compileJava(code);
            if (problem != null) {
                problems.add(label + ": " + problem);
            }
        });
        return problems;
    }

    /**
     * Statements (or, failing that, members of a class) that compile against PlanB's modules, with every public
     * package imported and a few values given ({@code log}, {@code destination}, {@code secret}, {@code server},
     * {@code liveDatabase}).
     */
    private static String compileJava(String code) {
        String asStatements = javacErrors(IMPORTS + "class Snippet {\n" + GIVEN
                + "void snippet() throws Exception {\n" + code + "\n} }");
        if (asStatements == null || javacErrors(IMPORTS + "class Snippet {\n" + code + "\n}") == null) {
            return null;
        }
        return "javac: " + asStatements;
    }

    private static final String IMPORTS = importsOfEveryPublicPackage();
    private static final String GIVEN = "org.slf4j.Logger log; Destination destination; Secret secret;"
            + " DatabaseSource server; DatabaseSource liveDatabase;\n";

    private static String importsOfEveryPublicPackage() {
        // besides PlanB's packages, the JDK's and the few third-party types the pages use beside PlanB's API
        StringBuilder imports = new StringBuilder("import java.nio.file.*; import java.time.*; import java.util.*;"
                + " import com.azure.storage.blob.models.AccessTier; import com.tngtech.archunit.junit.*;"
                + " import com.tngtech.archunit.core.importer.ImportOption; import com.tngtech.archunit.lang.ArchRule;");
        try (Stream<Path> files = Files.walk(ROOT, 12)) {
            files.filter(p -> p.toString().contains("/src/main/java/dev/planb/") && p.toString().endsWith(".java")
                            && !p.toString().contains("/internal/") && !p.toString().contains("/cli/")
                            && !p.toString().contains("/spring/") && !p.toString().contains("/samples/")
                            && !p.toString().contains("/bench/"))
                    .map(p -> p.getParent().toString().replaceFirst(".*/src/main/java/", "").replace('/', '.'))
                    .distinct().sorted().forEach(p -> imports.append(" import ").append(p).append(".*;"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the line numbers of a problem count from the snippet's first line
        return imports.append('\n').toString();
    }

    private static String javacErrors(String source) {
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler()
                .getTask(null, null, diagnostics, List.of("-proc:none", "-classpath", System.getProperty("java.class.path")),
                        null, List.of(file));
        try {
            task.analyze();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .findFirst().map(d -> "line " + (d.getLineNumber() - 3) + ": " + d.getMessage(Locale.ROOT))
                .orElse(null);
    }

    private static String parseShell(String code) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        bash.getOutputStream().write(code.getBytes(StandardCharsets.UTF_8));
        bash.getOutputStream().close();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).as("bash -n").isTrue();
        return bash.exitValue() == 0 ? null : "bash -n: " + output;
    }

    private static String checkTestedBy(Path page, String testClass) {
        try (Stream<Path> files = Files.walk(ROOT, 8)) {
            List<Path> tests = files.filter(p -> p.toString().contains("/src/test/java/")
                    && p.getFileName().toString().equals(testClass + ".java")).toList();
            if (tests.isEmpty()) {
                return "no test class " + testClass;
            }
            String pageName = page.getFileName().toString();
            for (Path test : tests) {
                if (Files.readString(test).contains(pageName)) {
                    return null;
                }
            }
            return testClass + " does not read " + pageName;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every {@code planb COMMAND} line names a command that exists, with options it has. Shell blocks end a
     * command at a pipe or a list operator; synopses ({@code ```} blocks) continue it on indented lines.
     */
    private static String checkPlanbCommands(String code, String language, Map<String, Set<String>> commands) {
        for (String line : logicalLines(code, language)) {
            Matcher command = PLANB_COMMAND.matcher(line);
            if (!command.find()) {
                continue;
            }
            String name = command.group(1) + (command.group(2) == null ? "" : " check");
            Set<String> options = commands.get(name);
            if (options == null) {
                return "planb " + name + " is not a command";
            }
            String rest = line.substring(command.end()).replaceAll("(^|\\s)#.*", "");
            if (language.equals("sh")) {
                rest = rest.split("\\|\\||&&|;| \\| ")[0];
            } else {
                rest = rest.split("\\|\\||&&")[0];
            }
            Matcher option = OPTION.matcher(rest);
            while (option.find()) {
                if (!options.contains(option.group())) {
                    return "planb " + name + " has no option " + option.group();
                }
            }
        }
        return null;
    }

    private static List<String> logicalLines(String code, String language) {
        List<String> lines = new ArrayList<>();
        for (String line : code.split("\n")) {
            boolean continues = !lines.isEmpty() && (language.equals("sh")
                    ? lines.get(lines.size() - 1).endsWith("\\")
                    : line.startsWith(" ") && !line.strip().startsWith("#") && !line.strip().startsWith("$"));
            if (continues) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + line.strip());
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    // ---- what the docs are checked against

    /** Each command ({@code backup}, {@code config check}…) with every option name it takes. */
    private static Map<String, Set<String>> planbCommands() {
        Map<String, Set<String>> commands = new HashMap<>();
        for (CommandLine sub : PlanBCommand.commandLine().getSubcommands().values()) {
            add(commands, sub.getCommandSpec().name(), sub.getCommandSpec());
            for (CommandLine nested : sub.getSubcommands().values()) {
                add(commands, sub.getCommandSpec().name() + " " + nested.getCommandSpec().name(), nested.getCommandSpec());
            }
        }
        return commands;
    }

    private static void add(Map<String, Set<String>> commands, String name, CommandSpec spec) {
        Set<String> options = new HashSet<>();
        spec.options().forEach(option -> options.addAll(List.of(option.names())));
        commands.put(name, options);
    }

    /** The keys of the generated properties reference, as patterns ({@code NAME}, {@code [0]}, {@code .*}). */
    private static List<Pattern> propertyPatterns() {
        try {
            Matcher row = Pattern.compile("^\\| `(planb\\.[^`]+)`", Pattern.MULTILINE)
                    .matcher(Files.readString(ROOT.resolve("docs/reference/properties.md")));
            List<Pattern> patterns = new ArrayList<>();
            while (row.find()) {
                patterns.add(Pattern.compile(Pattern.quote(row.group(1))
                        .replace("[0]", "\\E(?:\\[\\d+\\]|\\.[\\w-]+)\\Q")
                        .replace("NAME", "\\E[\\w-]+\\Q")
                        .replace(".*\\E", "\\E\\..+")));
            }
            assertThat(patterns).as("properties in docs/reference/properties.md").isNotEmpty();
            return patterns;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the pages

    private static List<Path> pages() {
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")),
                    docs.filter(p -> p.toString().endsWith(".md")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Node parse(Path page) {
        try {
            return MARKDOWN.parse(Files.readString(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<FencedCodeBlock> codeBlocks(Node document) {
        List<FencedCodeBlock> blocks = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                blocks.add(block);
            }
        });
        return blocks;
    }

    private static String firstLine(FencedCodeBlock block) {
        String literal = block.getLiteral().strip();
        int end = literal.indexOf('\n');
        return end < 0 ? literal : literal.substring(0, end);
    }
}
