/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a destination's objects live: bucket, key prefix, and the server. It turns PlanB's
 * relative keys into S3 keys and back, and describes itself as the URI the command line takes.
 */
record S3Location(String bucket, String prefix, String region, URI endpoint, boolean pathStyle) {

    /** The S3 key of a destination-relative key. */
    String s3Key(String key) {
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    /** The destination-relative key of an S3 key under this prefix. */
    String relativeKey(String s3Key) {
        return prefix.isEmpty() ? s3Key : s3Key.substring(prefix.length() + 1);
    }

    /** The S3 key prefix that lists everything under {@code relativePrefix}. */
    String listPrefix(String relativePrefix) {
        return prefix.isEmpty() ? relativePrefix : prefix + "/" + relativePrefix;
    }

    /** {@code s3://bucket/prefix/key}, for messages. */
    String uri(String key) {
        return "s3://" + bucket + "/" + s3Key(key);
    }

    /** The server, for messages: the endpoint, or AWS and the region. */
    String server() {
        return endpoint != null ? endpoint.toString() : "AWS S3" + (region == null ? "" : " (" + region + ")");
    }

    /** {@code s3://bucket/prefix?region=…&endpoint=…&pathStyle=true}: no secrets, accepted by the command line. */
    String description() {
        List<String> query = new ArrayList<>();
        if (region != null) {
            query.add("region=" + region);
        }
        if (endpoint != null) {
            query.add("endpoint=" + URLEncoder.encode(endpoint.toString(), StandardCharsets.UTF_8)
                    .replace("%3A", ":").replace("%2F", "/"));
        }
        if (pathStyle) {
            query.add("pathStyle=true");
        }
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix)
                + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }
}
