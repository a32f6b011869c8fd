/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DefinerRewriterTest {

    /** The statement heads mariadb-dump writes, a row that merely mentions a definer, and a long data line. */
    private static final String DUMP = """
            /*!50003 CREATE*/ /*!50017 DEFINER=`app_owner`@`localhost`*/ /*!50003 TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1 */;;
            /*!50106 CREATE*/ /*!50117 DEFINER=`ops``team`@`%`*/ /*!50106 EVENT `e` ON SCHEDULE EVERY 1 DAY DO DELETE FROM x */ ;;
            CREATE DEFINER=`app_owner`@`10.0.0.%` PROCEDURE `p`()
            CREATE DEFINER=`reporting_role` FUNCTION `f`() RETURNS int(11)
            /*!50013 DEFINER=`Zoë`@`localhost` SQL SECURITY DEFINER */
            INSERT INTO `notes` VALUES (1,'CREATE DEFINER=`x`@`y` PROCEDURE');
            CREATE TABLE `DEFINER=``a``@``b``` (id int);
            """;

    @Test
    void everyDefinerClauseBecomesCurrentUserAndNothingElseChanges() throws IOException {
        String rewritten = rewrite(DUMP, 7);

        assertThat(rewritten).isEqualTo("""
                /*!50003 CREATE*/ /*!50017 DEFINER=CURRENT_USER*/ /*!50003 TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1 */;;
                /*!50106 CREATE*/ /*!50117 DEFINER=CURRENT_USER*/ /*!50106 EVENT `e` ON SCHEDULE EVERY 1 DAY DO DELETE FROM x */ ;;
                CREATE DEFINER=CURRENT_USER PROCEDURE `p`()
                CREATE DEFINER=CURRENT_USER FUNCTION `f`() RETURNS int(11)
                /*!50013 DEFINER=CURRENT_USER SQL SECURITY DEFINER */
                INSERT INTO `notes` VALUES (1,'CREATE DEFINER=`x`@`y` PROCEDURE');
                CREATE TABLE `DEFINER=``a``@``b``` (id int);
                """);
        assertThat(rewrite(DUMP, 1)).as("byte by byte").isEqualTo(rewritten);
        assertThat(rewrite(DUMP, 4096)).as("in one write").isEqualTo(rewritten);
    }

    @Test
    void linesLongerThanTheHeadAndALastLineWithoutNewlinePassUnchanged() throws IOException {
        String data = "INSERT INTO `blobs` VALUES (1,0x" + "AB".repeat(100_000) + ");\n"
                + "CREATE DEFINER=`a`@`b` PROCEDURE `p`() SELECT 1";

        assertThat(rewrite(data, 333)).isEqualTo(data.replace("DEFINER=`a`@`b`", "DEFINER=CURRENT_USER"));
    }

    private static String rewrite(String dump, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = dump.getBytes(StandardCharsets.UTF_8);
        try (DefinerRewriter rewriter = new DefinerRewriter(out)) {
            for (int i = 0; i < bytes.length; i += chunk) {
                if (chunk == 1) {
                    rewriter.write(bytes[i]);
                } else {
                    rewriter.write(bytes, i, Math.min(chunk, bytes.length - i));
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
