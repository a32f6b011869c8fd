/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.samples.plain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.RestoreRequest;
import dev.planb.RestoreResult;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.retention.RetentionPolicy;
import dev.planb.schedule.Schedule;

/**
 * An application with an embedded SQLite database, backed up every few seconds to a local folder
 * and a second folder (another disk, a mount), then restored from the second copy.
 *
 * <p>Run it from an IDE, or through its test: {@code mvn -pl samples/plain-java -am verify}.
 */
public final class PlainJavaSample {

    private PlainJavaSample() {
    }

    /** Runs the sample in {@code args[0]} (default {@code ./plain-java-sample}). */
    public static void main(String[] args) throws Exception {
        RestoreResult restored = run(Path.of(args.length > 0 ? args[0] : "plain-java-sample"), Duration.ofSeconds(2));
        System.out.println("Restored " + restored);
    }

    /**
     * Makes the database, lets the runtime back it up to both folders for a while, then restores
     * the newest backup from the second folder.
     */
    public static RestoreResult run(Path dir, Duration runFor) throws SQLException, InterruptedException, IOException {
        Files.createDirectories(dir);
        String url = "jdbc:sqlite:" + dir.resolve("app.db");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists orders (id integer primary key, item text)");
            statement.execute("insert into orders (item) values ('apple'), ('pear')");
        }
        LocalDirectoryDestination local = new LocalDirectoryDestination(dir.resolve("backups"));
        LocalDirectoryDestination second = new LocalDirectoryDestination(dir.resolve("second-copy"));
        BackupPlan plan = BackupPlan.builder("app")
                .database(DatabaseSource.of(url))
                .destination(local, RetentionPolicy.builder().keepLast(5).build())
                .destination(second, RetentionPolicy.builder().keepLast(10).build())
                .schedule(Schedule.every(Duration.ofSeconds(1)))
                .maxAge(Duration.ofMinutes(5))
                .build();
        try (PlanB planB = PlanB.builder().plan(plan).start()) {
            Thread.sleep(runFor.toMillis());
            System.out.println(planB.status("app").orElseThrow());
        }
        Path restoredDb = dir.resolve("restored.db");
        Files.deleteIfExists(restoredDb);
        return PlanB.restore(RestoreRequest.builder().from(second).plan("app").backup("latest")
                .target(DatabaseSource.of("jdbc:sqlite:" + restoredDb)).build());
    }
}
