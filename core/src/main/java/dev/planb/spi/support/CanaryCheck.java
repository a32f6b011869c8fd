package dev.planb.spi.support;

import dev.planb.spi.Destination;
import dev.planb.ErrorCode;
import dev.planb.spi.ObjectWriter;
import dev.planb.PlanBException;
import dev.planb.spi.ProtectionReport;
import dev.planb.spi.ProtectionReport.Verdict;
import dev.planb.catalog.BackupId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The protection check any destination can answer through its four operations: write a canary
 * object, try to delete it, and see whether it is gone. Canaries live under {@link #FOLDER},
 * outside every plan's folder, so they are never mistaken for backups.
 */
public final class CanaryCheck {

    /** Where canary objects are written. */
    public static final String FOLDER = ".planb-check/";

    private CanaryCheck() {
    }

    /** A new, unique canary key. */
    public static String newKey(Instant now) {
        return FOLDER + "canary-" + BackupId.generate(now).value() + ".txt";
    }

    /** The canary's content: says what it is, for whoever finds it. */
    public static byte[] content(Instant now) {
        return ("Written by `planb check` at " + now + " to test whether these credentials can delete backups.\n"
                + "It can be deleted by anyone who is allowed to.\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Runs the check on {@code destination}. */
    public static ProtectionReport run(Destination destination) throws IOException {
        Instant now = Instant.now();
        String key = newKey(now);
        try (ObjectWriter writer = destination.create(key)) {
            writer.write(content(now));
            writer.commit();
        }
        Optional<Instant> lockedUntil = destination.retainedUntil(key);
        try {
            destination.delete(key);
        } catch (PlanBException e) {
            if (e.code() != ErrorCode.DELETE_NOT_PERMITTED) {
                throw e;
            }
            return refused(destination, lockedUntil);
        }
        boolean stillThere = destination.list(key).stream().anyMatch(object -> object.key().equals(key));
        if (stillThere) {
            return refused(destination, lockedUntil);
        }
        return new ProtectionReport(destination.description(), Verdict.CAN_DELETE,
                "WARNING: these credentials can delete your backups", List.of());
    }

    private static ProtectionReport refused(Destination destination, Optional<Instant> lockedUntil) {
        return lockedUntil
                .map(until -> new ProtectionReport(destination.description(), Verdict.OBJECT_LOCK,
                        "protected by a storage lock (until " + until + ")", List.of()))
                .orElseGet(() -> new ProtectionReport(destination.description(), Verdict.CANNOT_DELETE,
                        "protected: these credentials cannot delete backups", List.of()));
    }
}
