/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.config;

import dev.planb.spi.support.Messages;
import java.util.function.Supplier;

/** Conversions of settings whose failures name the setting. */
final class Settings {

    private Settings() {
    }

    /**
     * Runs {@code conversion}, turning its failure into an {@link InvalidSettingException} naming {@code setting}.
     *
     * @param setting the full key the conversion reads
     */
    static <T> T converting(String setting, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidSettingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidSettingException(setting, Messages.firstLine(e));
        }
    }

    /** {@code prefix.key}, or {@code key} for an empty prefix. */
    static String key(String prefix, String key) {
        return prefix == null || prefix.isEmpty() ? key : prefix + "." + key;
    }
}
