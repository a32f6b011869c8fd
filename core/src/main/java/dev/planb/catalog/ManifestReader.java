/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.internal.json.StoredJson;
import dev.planb.spi.Manifest;
import dev.planb.spi.ManifestChecksum;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads a {@code manifest.json} and proves it: it must parse, match the checksum it carries of its
 * own content ({@link ManifestChecksum}) and hold every field a restore relies on. Manifests of
 * format 1 were written without a checksum and are read without one.
 */
public final class ManifestReader {

    private static final ObjectReader TREE = StoredJson.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Jackson's "[Source: …; line: 1, column: 2]", which says nothing about a manifest read from bytes. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");

    private ManifestReader() {
    }

    /**
     * The manifest in {@code content}, proved.
     *
     * @param content the bytes of a {@code manifest.json}, as {@link ManifestWriter#write(Manifest)} writes them
     * @param location where it was read, for messages
     * @return the manifest
     * @throws DamagedManifestException saying what is wrong, when it does not parse, does not match
     *     its checksum or lacks a field
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when a newer PlanB wrote it (its checksum matches)
     */
    public static Manifest read(byte[] content, String location) throws DamagedManifestException {
        JsonNode tree;
        try {
            tree = TREE.readTree(content);
        } catch (JsonProcessingException e) {
            throw new DamagedManifestException("is not valid JSON (" + SOURCE.matcher(e.getOriginalMessage().lines()
                    .findFirst().orElse("")).replaceAll("line $1, column $2")
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr()) + ")", e);
        } catch (IOException e) {
            throw new DamagedManifestException("cannot be parsed (" + e.getMessage() + ")", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new DamagedManifestException("is not a JSON object");
        }
        JsonNode checksum = tree.get(ManifestChecksum.FIELD);
        JsonNode version = tree.get("formatVersion");
        if (checksum != null) {
            if (!checksum.isTextual() || !checksum.asText().equals(ManifestChecksum.of(tree))) {
                throw new DamagedManifestException("does not match its own checksum (" + ManifestChecksum.FIELD
                        + "): its content was changed after it was written");
            }
        } else if (version == null || !version.isInt() || version.asInt() != 1) {
            throw new DamagedManifestException("lacks its checksum (" + ManifestChecksum.FIELD + "), which every"
                    + " manifest but those of format 1 carries");
        }
        if (version == null || !version.isInt() || version.asInt() < 1) {
            throw new DamagedManifestException("has no valid formatVersion (" + version + ")");
        }
        if (version.asInt() > Manifest.FORMAT_VERSION) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, location + " was written by a newer PlanB (manifest"
                    + " format " + version.asInt() + "): use a PlanB that reads that format");
        }
        try {
            return StoredJson.mapper().treeToValue(tree, Manifest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new DamagedManifestException("is incomplete or invalid (" + firstLine(e) + ")", e);
        }
    }

    private static String firstLine(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
