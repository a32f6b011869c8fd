/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.tool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/** The last lines of a tool's standard error, joined into one line for messages. */
final class StderrTail {
    private static final int LIMIT = 4 * 1024;
    private final ByteArrayOutputStream tail = new ByteArrayOutputStream();

    void drain(InputStream stderr) {
        byte[] buffer = new byte[64 * 1024];
        try (stderr) {
            int n;
            while ((n = stderr.read(buffer)) >= 0) {
                append(buffer, n);
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(StderrTail.class).debug("Reading the tool's standard error stopped", e);
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        tail.write(buffer, 0, n);
        if (tail.size() > 2 * LIMIT) {
            byte[] all = tail.toByteArray();
            tail.reset();
            tail.write(all, all.length - LIMIT, LIMIT);
        }
    }

    synchronized String tail() {
        String text = tail.toString(StandardCharsets.UTF_8);
        if (text.length() > LIMIT) {
            text = "…" + text.substring(text.length() - LIMIT);
        }
        return String.join(" / ", text.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }
}
