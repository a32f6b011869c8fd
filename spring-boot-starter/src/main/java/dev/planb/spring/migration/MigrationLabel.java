/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.migration;

import dev.planb.spi.Manifest;
import java.util.List;

/** The label of a backup taken before migrations: {@code before V42__drop_legacy, V43__add_index}. */
final class MigrationLabel {

    private static final String PREFIX = "before ";

    private MigrationLabel() {
    }

    /**
     * The label for backing up before {@code migrations} (at least one), in the order they will run: all of
     * them when they fit in a manifest's label, else the first and the last with their number.
     */
    static String of(List<String> migrations) {
        List<String> names = migrations.stream().map(MigrationLabel::printable).toList();
        String all = PREFIX + String.join(", ", names);
        if (all.length() <= Manifest.MAX_LABEL_LENGTH) {
            return all;
        }
        if (names.size() == 1) {
            return PREFIX + shortened(names.get(0), Manifest.MAX_LABEL_LENGTH - PREFIX.length());
        }
        String count = " (" + names.size() + " migrations)";
        int room = (Manifest.MAX_LABEL_LENGTH - PREFIX.length() - count.length() - " … ".length()) / 2;
        return PREFIX + shortened(names.get(0), room) + " … " + shortened(names.get(names.size() - 1), room) + count;
    }

    /**
     * A migration's name as its file names it: {@code V42__drop_legacy} for {@code db/migration/V42__drop_legacy.sql}
     * or the Java migration {@code db.migration.V42__drop_legacy}.
     */
    static String scriptName(String script) {
        String name = script.substring(script.lastIndexOf('/') + 1);
        if (name.endsWith(".sql")) {
            return name.substring(0, name.length() - ".sql".length());
        }
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String printable(String name) {
        return name.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c).collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    }

    private static String shortened(String name, int room) {
        return name.length() <= room ? name : name.substring(0, room - 1) + "…";
    }
}
