/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.spi.TableCount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DumpRowCounterTest {

    @Test
    void countsRowsOfBothInsertLayoutsAndPassesEveryByteThrough() throws IOException {
        String dump = """
                /*M!999999\\- enable the sandbox mode */\s
                CREATE TABLE `one_line` (
                  `id` int(11) NOT NULL
                ) ENGINE=InnoDB;
                INSERT INTO `one_line` VALUES (1,'a'),(2,'b'),(3,'c');
                CREATE TABLE `per_line` (`id` int);
                INSERT INTO `per_line` VALUES
                (1,'x'),
                (2,NULL);
                CREATE TABLE `empty` (`id` int);
                CREATE TABLE `with``tick` (`id` int);
                INSERT INTO `with``tick` (`id`, `v`) VALUES (1,0x00FF);
                """;
        assertThat(count(dump, 7)).containsExactly(new TableCount("one_line", 3), new TableCount("per_line", 2),
                new TableCount("empty", 0), new TableCount("with`tick", 1));
    }

    @Test
    void quotesParenthesesSemicolonsAndEscapesInsideStringsAreNotRows() throws IOException {
        String dump = "CREATE TABLE `t` (`s` text);\n"
                + "INSERT INTO `t` VALUES (1,'(not),(a row);'),(2,'it\\'s \\\\'),(3,'doubled '' (quote)'),"
                + "(4,'new\nline (x),(y)'),(5,'東京 🚀 ()');\n"
                + "INSERT INTO `t` VALUES (6,'');\n";
        assertThat(count(dump, 5)).containsExactly(new TableCount("t", 6));
    }

    @Test
    void triggerAndRoutineBodiesAreNotData() throws IOException {
        String dump = """
                CREATE TABLE `t` (`id` int);
                INSERT INTO `t` VALUES (1);
                DELIMITER ;;
                /*!50003 CREATE*/ /*!50003 TRIGGER `log` AFTER INSERT ON `t` FOR EACH ROW
                INSERT INTO `t` VALUES (99),(100) */;;
                DELIMITER ;
                INSERT INTO `t` VALUES (2);
                """;
        assertThat(count(dump, 3)).containsExactly(new TableCount("t", 2));
    }

    /** Feeds the dump in chunks of {@code chunk} bytes, checking that the output is unchanged. */
    private static java.util.List<TableCount> count(String dump, int chunk) throws IOException {
        byte[] bytes = dump.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DumpRowCounter counter = new DumpRowCounter(out);
        for (int i = 0; i < bytes.length; i += chunk) {
            counter.write(bytes, i, Math.min(chunk, bytes.length - i));
        }
        assertThat(out.toByteArray()).isEqualTo(bytes);
        return counter.tables();
    }
}
