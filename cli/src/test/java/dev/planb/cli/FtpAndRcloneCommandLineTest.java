package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.testing.LargeSqliteDatabase;
import dev.planb.testing.RcloneServer;
import dev.planb.testing.RcloneServerExtension;
import dev.planb.testing.VsftpdServer;
import dev.planb.testing.VsftpdServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The command line against real FTP, FTPS and rclone (WebDAV) servers: several copies from one read, each restorable. */
@ExtendWith({VsftpdServerExtension.class, RcloneServerExtension.class})
class FtpAndRcloneCommandLineTest {

    @TempDir
    Path dir;

    VsftpdServer ftp;
    RcloneServer rclone;

    @BeforeEach
    void servers(VsftpdServer ftp, RcloneServer rclone) {
        this.ftp = ftp;
        this.rclone = rclone;
    }

    @Test
    void oneBackupGoesToFtpFtpsAndRcloneAndRestoresFromEachAlone() throws Exception {
        Path database = dir.resolve("app.db");
        DemoDatabase.create(database);
        Path passwordFile = Files.writeString(dir.resolve("ftp-password"), ftp.password() + "\n");
        String ftpUri = "ftp://" + ftp.user() + "@127.0.0.1:" + ftp.port() + ftp.newFolder() + "?passwordFile="
                + passwordFile;
        String rcloneUri = "rclone://" + rclone.newWebDavFolder().remotePath() + "?config=" + rclone.config();
        try (VsftpdServer tls = VsftpdServer.start(VsftpdServer.options().tls(VsftpdServer.Tls.EXPLICIT))) {
            Path tlsPasswordFile = Files.writeString(dir.resolve("ftps-password"), tls.password());
            String ftpsUri = "ftps://" + tls.user() + "@127.0.0.1:" + tls.port() + tls.newFolder() + "?passwordFile="
                    + tlsPasswordFile + "&certificate=" + tls.certificate();

            Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", ftpUri, "--to", ftpsUri,
                    "--to", rcloneUri, "--plan", "app");
            assertThat(backup.exitCode()).as(backup.err()).isZero();
            String id = backup.out().strip();
            assertThat(backup.err()).doesNotContain(ftp.password()).doesNotContain(tls.password());

            for (String uri : List.of(ftpUri, ftpsUri, rcloneUri)) {
                Cli.Result list = Cli.run("list", "--from", uri);
                assertThat(list.exitCode()).as(list.err()).isZero();
                assertThat(list.out()).contains("app", id);
                Path restored = dir.resolve("restored-" + uri.substring(0, uri.indexOf(':')) + ".db");
                Cli.Result restore = Cli.run("restore", "--from", uri, "--to-db", "jdbc:sqlite:" + restored);
                assertThat(restore.exitCode()).as(uri + ": " + restore.err()).isZero();
                assertThat(SqliteRows.contentOf(restored)).isEqualTo(SqliteRows.contentOf(database));
            }

            String pulledTo = "rclone://" + rclone.newLocalFolder().remotePath() + "?config=" + rclone.config();
            Cli.Result pull = Cli.run("pull", "--from", ftpsUri, "--to", pulledTo);
            assertThat(pull.exitCode()).as(pull.err()).isZero();
            assertThat(Cli.run("verify", "--from", pulledTo, "--backup", id).exitCode()).isZero();
        }
    }

    @Test
    void aKilledRunLeavesNothingListedOnFtpOrRclone() throws Exception {
        Path database = dir.resolve("large.db");
        LargeSqliteDatabase.create(database, 48);
        Path ftpFolder = ftp.newFolder();
        String ftpUri = "ftp://" + ftp.user() + "@127.0.0.1:" + ftp.port() + ftpFolder;
        RcloneServer.Folder rcloneFolder = rclone.newWebDavFolder();
        String rcloneUri = "rclone://" + rcloneFolder.remotePath() + "?config=" + rclone.config();

        Process backup = PlanBProcess.start(dir, List.of(), Map.of("PLANB_FTP_PASSWORD", ftp.password()), "backup",
                "--db", "jdbc:sqlite:" + database, "--to", ftpUri, "--to", rcloneUri, "--plan", "big",
                "--compression", "none");
        awaitHiddenUpload(ftpFolder, backup);
        backup.destroyForcibly();
        assertThat(backup.waitFor(30, TimeUnit.SECONDS)).isTrue();

        for (String uri : List.of(ftpUri + "?passwordFile=" + Files.writeString(dir.resolve("pw"), ftp.password()),
                rcloneUri)) {
            Cli.Result list = Cli.run("list", "--from", uri, "--json");
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out().strip()).as(uri).isEqualTo("[ ]");
        }
    }

    private static void awaitHiddenUpload(Path folder, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the backup ended before it could be killed").isTrue();
            try (Stream<Path> files = Files.walk(folder)) {
                if (files.anyMatch(file -> file.getFileName().toString().contains(".partial-")
                        && file.toFile().length() > 0)) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no upload started within 60 s");
    }
}
