/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonAppend;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.ser.VirtualBeanPropertyWriter;
import com.fasterxml.jackson.databind.util.Annotations;
import dev.planb.spi.Manifest;
import dev.planb.spi.ManifestChecksum;
import java.util.List;

/**
 * The manifest's JSON beyond its record components, as Jackson mix-ins: optional fields left out when absent, the
 * {@code is…} helpers that are not fields, and the checksum written last. Each method here names the method of the
 * record it annotates; {@code StoredJsonCompatibilityTest} proves the result byte for byte against manifests written
 * when these annotations sat on the records themselves.
 */
final class ManifestMixIns {

    private ManifestMixIns() {
    }

    /** {@link Manifest} as its checksum covers it: every field but the checksum. */
    abstract static class Content {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Manifest.LogInfo log();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String label();

        @JsonIgnore
        abstract boolean isLog();

        @JsonIgnore
        abstract boolean isDump();

        @JsonIgnore
        abstract boolean startsChain();
    }

    /** {@link Manifest} as stored: its content, then {@value ManifestChecksum#FIELD}. */
    @JsonAppend(props = @JsonAppend.Prop(value = Checksum.class, name = ManifestChecksum.FIELD))
    abstract static class Stored extends Content {
    }

    /** {@link Manifest.EngineInfo}: {@code omitted} only when something is. */
    abstract static class EngineInfo {

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<String> omitted();
    }

    /** {@link Manifest.Artifact}: {@code openpgp} only for an encrypted file. */
    abstract static class Artifact {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Manifest.OpenPgp openpgp();

        @JsonIgnore
        abstract boolean isEncrypted();
    }

    /** The manifest's checksum of its own content, computed as it is written. */
    static final class Checksum extends VirtualBeanPropertyWriter {

        private static final long serialVersionUID = 1L;

        /** For Jackson, which then calls {@link #withConfig}. */
        Checksum() {
        }

        private Checksum(BeanPropertyDefinition property, Annotations annotations, JavaType type) {
            super(property, annotations, type);
        }

        @Override
        protected Object value(Object manifest, JsonGenerator generator, SerializerProvider provider) {
            return ManifestChecksum.of(StoredJson.CONTENT.valueToTree(manifest));
        }

        @Override
        public VirtualBeanPropertyWriter withConfig(MapperConfig<?> config, AnnotatedClass declaringClass,
                BeanPropertyDefinition property, JavaType type) {
            return new Checksum(property, declaringClass.getAnnotations(), type);
        }
    }
}
