/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A page of {@code docs/} that the build generates (a reference of every CLI option, every property):
 * the committed page must equal what the code generates today, so it cannot drift. Run the generating
 * test with {@code -Dplanb.docs.write=true} to rewrite the page, then commit it.
 *
 * <pre>{@code
 * GeneratedDocs.check(GeneratedDocs.page("reference/cli.md"), CliReference.markdown(commandLine));
 * }</pre>
 */
public final class GeneratedDocs {

    /** The system property that makes {@link #check} write the page instead of comparing it. */
    public static final String WRITE = "planb.docs.write";

    private GeneratedDocs() {
    }

    /**
     * Finds a page of the repository's {@code docs/} folder from a test, whose working directory is its module's
     * folder (as under Maven).
     *
     * @param relative the page's path inside {@code docs/}, e.g. {@code reference/cli.md}
     * @return the page's path, relative to the working directory; the page need not exist
     */
    public static Path page(String relative) {
        return Path.of("..", "docs").resolve(relative);
    }

    /**
     * Fails when {@code page} differs from {@code generated}, naming the first line that differs; with
     * {@code -Dplanb.docs.write=true} writes the page first, so the check passes and the page can be committed.
     *
     * @param page the committed page, e.g. from {@link #page(String)}
     * @param generated what the code generates for it today
     * @throws AssertionError when the page is missing or differs
     * @throws java.io.UncheckedIOException when the page cannot be read or written
     */
    public static void check(Path page, String generated) {
        try {
            if (Boolean.getBoolean(WRITE)) {
                Files.createDirectories(page.getParent());
                Files.writeString(page, generated);
            }
            assertThat(page).as("%s is generated: rerun this test with -D%s=true and commit it", page, WRITE).exists();
            List<String> committed = Files.readString(page).lines().toList();
            List<String> expected = generated.lines().toList();
            int line = 0;
            while (line < committed.size() && line < expected.size() && committed.get(line).equals(expected.get(line))) {
                line++;
            }
            if (line < committed.size() || line < expected.size()) {
                fail("%s is generated from the code and differs from it at line %d: it says%n  %s%nbut the code gives%n"
                        + "  %s%nrerun this test with -D%s=true and commit the page", page, line + 1,
                        line < committed.size() ? committed.get(line) : "(nothing)",
                        line < expected.size() ? expected.get(line) : "(nothing)", WRITE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
