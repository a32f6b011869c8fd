/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.springframework.boot.convert.DurationFormat;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

import dev.planb.config.DurationText;

/**
 * Lets {@code Duration} properties read PlanB's duration grammar ({@code 2w}, {@code 1d12h}) as well as
 * Spring's: a value Spring reads (with the property's {@code @DurationUnit} or {@code @DurationFormat})
 * means what it always meant, so other properties of the application are unaffected; only values
 * Spring rejects are read by {@link DurationText}, whose message then says what is accepted.
 */
final class DurationTextConverter implements GenericConverter {

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, Duration.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        String text = (String) source;
        if (text == null || text.isBlank()) {
            return null;
        }
        DurationUnit unit = targetType.getAnnotation(DurationUnit.class);
        ChronoUnit chronoUnit = unit == null ? null : unit.value();
        DurationFormat format = targetType.getAnnotation(DurationFormat.class);
        try {
            return format != null ? format.value().parse(text, chronoUnit) : DurationStyle.detectAndParse(text, chronoUnit);
        } catch (IllegalArgumentException notSpringsGrammar) {
            return DurationText.parse(text);
        }
    }
}
