package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** A page of the repository's {@code docs/} folder, seen from a module's folder (Maven's working directory). */
    public static Path page(String relative) {
        return Path.of("..", "docs").resolve(relative);
    }

    /** Fails when {@code page} differs from {@code generated}, or writes it with {@code -Dplanb.docs.write=true}. */
    public static void check(Path page, String generated) {
        try {
            if (Boolean.getBoolean(WRITE)) {
                Files.createDirectories(page.getParent());
                Files.writeString(page, generated);
            }
            assertThat(page).as("%s is generated: rerun this test with -D%s=true and commit it", page, WRITE).exists();
            assertThat(Files.readString(page))
                    .as("%s is generated from the code and differs from it: rerun this test with -D%s=true and"
                            + " commit the page", page, WRITE)
                    .isEqualTo(generated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
