/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A backup's identifier: its UTC start time to the second and six random hex digits, e.g.
 * {@code 20261124T235903Z-3fa9c1}. Identifiers sort by time as plain strings.
 *
 * @param value the identifier as written on storage
 */
public record BackupId(String value) implements Comparable<BackupId> {

    private static final Pattern FORMAT = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{6}");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Validates the format, so an identifier can never escape its plan's folder.
     *
     * @param value the identifier, e.g. {@code 20261124T235903Z-3fa9c1}
     * @throws PlanBException when it is not a backup identifier
     */
    public BackupId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "backup id '" + value
                    + "' is not a PlanB backup id (like 20261124T235903Z-3fa9c1): copy one from 'planb list', or use 'latest'");
        }
    }

    /**
     * Makes a new identifier.
     *
     * @param start when the backup started
     * @return an identifier of that time and six random hex digits
     */
    public static BackupId generate(Instant start) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return new BackupId(TIME.format(start) + "-" + HexFormat.of().formatHex(suffix));
    }

    /** {@return when the backup started, to the second} (the time the identifier is made of) */
    public Instant time() {
        return TIME.parse(value.substring(0, 16), Instant::from);
    }

    /**
     * Tells whether text has the form of a backup identifier.
     *
     * @param text the text, or {@code null}
     * @return whether it is a valid identifier
     */
    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    @Override
    public int compareTo(BackupId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
