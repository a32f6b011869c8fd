package dev.planb.verify;

import dev.planb.catalog.Manifest;
import java.util.List;

/**
 * What a verification found.
 *
 * @param manifest the backup that was verified
 * @param checkedArtifacts the artifacts whose checksum was checked, by location
 * @param restoredInto where the backup was restored for the check, or {@code null} if it was not
 * @param problems every problem found; empty when the backup is sound
 */
public record VerificationResult(Manifest manifest, List<String> checkedArtifacts, String restoredInto,
        List<String> problems) {

    /** Copies the lists. */
    public VerificationResult {
        checkedArtifacts = List.copyOf(checkedArtifacts);
        problems = List.copyOf(problems);
    }

    /** Whether no problem was found. */
    public boolean passed() {
        return problems.isEmpty();
    }
}
