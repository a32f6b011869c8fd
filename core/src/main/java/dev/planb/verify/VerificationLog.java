/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.verify;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.internal.json.StoredJson;
import dev.planb.internal.pipeline.StoredObjects;
import dev.planb.spi.BackupId;
import dev.planb.spi.Destination;
import dev.planb.spi.Layout;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.PlanName;
import dev.planb.spi.StoredObject;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verification results of a destination: {@code <plan>/<backup-id>/verification-<time>.json}
 * files beside the backups they checked, each written once. The catalog does not list them (they
 * are not manifests), and they need no local state, so the runtime of any instance reads when a
 * plan was last drilled.
 *
 * <pre>{@code
 * Optional<VerificationRecord> last = new VerificationLog(destination).newestPassed("app");
 * }</pre>
 */
public final class VerificationLog {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationLog.class);
    private static final Pattern KEY = Pattern.compile("([^/]+)/([^/]+)/verification-([^/]+)\\.json");

    private final Destination destination;

    /**
     * The verification results on one destination.
     *
     * @param destination where the backups and their results are
     */
    public VerificationLog(Destination destination) {
        this.destination = destination;
    }

    /**
     * One stored result, found by its key alone.
     *
     * @param key its key on the destination
     * @param backupId the backup it checked
     * @param stamp when it was written, with a random suffix ({@link BackupId}'s form)
     */
    public record Entry(String key, BackupId backupId, BackupId stamp) {

        /** {@return when the verification was recorded, to the second, from its stamp} */
        public Instant time() {
            return stamp.time();
        }
    }

    /**
     * Writes a result beside its backup, as a new object.
     *
     * @param record the result to write
     * @return its key
     * @throws PlanBException with {@link ErrorCode#DESTINATION_FAILED} when it cannot be written
     */
    public String write(VerificationRecord record) {
        BackupId stamp = BackupId.generate(record.finishedAt());
        String key = Layout.key(record.plan(), new BackupId(record.backupId()), "verification-" + stamp.value() + ".json");
        try (ObjectWriter out = destination.create(key)) {
            out.write(StoredJson.mapper().writeValueAsBytes(record));
            out.commit();
            return key;
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, "Cannot write " + destination.description() + "/"
                    + key + ": " + Messages.firstLine(e), e);
        }
    }

    /**
     * The results of a plan, from their keys alone (nothing is read).
     *
     * @param plan the plan's name
     * @return the plan's results, newest first
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when the plan name is invalid, or {@link
     *     ErrorCode#DESTINATION_FAILED} when the destination cannot be listed
     */
    public List<Entry> entries(String plan) {
        PlanName.check(plan);
        List<StoredObject> objects = StoredObjects.list(destination, plan + "/");
        List<Entry> entries = new ArrayList<>();
        for (StoredObject object : objects) {
            Matcher matcher = KEY.matcher(object.key());
            if (matcher.matches() && matcher.group(1).equals(plan) && BackupId.isValid(matcher.group(2))
                    && BackupId.isValid(matcher.group(3))) {
                entries.add(new Entry(object.key(), new BackupId(matcher.group(2)), new BackupId(matcher.group(3))));
            }
        }
        entries.sort(Comparator.comparing(Entry::stamp).reversed());
        return entries;
    }

    /**
     * The newest result of a plan, passed or not; unreadable results are skipped.
     *
     * @param plan the plan's name
     * @return the newest readable result, or empty when the plan was never verified here
     */
    public Optional<VerificationRecord> newest(String plan) {
        return newest(plan, record -> true);
    }

    /**
     * The newest result of a plan that passed: when it was last drilled successfully.
     *
     * @param plan the plan's name
     * @return the newest readable result that passed, or empty when there is none
     */
    public Optional<VerificationRecord> newestPassed(String plan) {
        return newest(plan, VerificationRecord::passed);
    }

    /**
     * The newest result of a plan that {@code wanted} accepts; unreadable results are skipped and logged.
     *
     * @param plan the plan's name
     * @param wanted which results count
     * @return the newest readable result {@code wanted} accepts, or empty when there is none
     */
    public Optional<VerificationRecord> newest(String plan, Predicate<VerificationRecord> wanted) {
        for (Entry entry : entries(plan)) {
            Optional<VerificationRecord> record = read(entry.key()).filter(wanted);
            if (record.isPresent()) {
                return record;
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the result an entry names.
     *
     * @param entry one of {@link #entries(String)}
     * @return the result; empty (and logged) when it cannot be read
     */
    public Optional<VerificationRecord> read(Entry entry) {
        return read(entry.key());
    }

    private Optional<VerificationRecord> read(String key) {
        try (InputStream in = destination.open(key)) {
            return Optional.of(StoredJson.mapper().readValue(in, VerificationRecord.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping {}/{}: it cannot be read ({})", destination.description(), key, Messages.firstLine(e));
            return Optional.empty();
        }
    }
}
