/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.Secret;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.schedule.Schedule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second application instance for {@link AbstractPlanLockContractTest}: runs one plan on a
 * {@link PlanB} runtime in its own JVM. Reads its settings from standard input, one per line
 * (JDBC URL, user, password, plan, destination folder, interval in seconds), so the password is
 * in neither the arguments nor the environment; prints {@code started}, then runs until it
 * reads {@code stop} (or standard input ends), closes the runtime and prints {@code stopped}.
 */
public final class ScheduledRuntimeProcess {

    private ScheduledRuntimeProcess() {
    }

    /**
     * Runs the instance; see the class comment.
     *
     * @param args none: the settings come from standard input
     * @throws IOException when standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String url = in.readLine();
        String user = in.readLine();
        String password = in.readLine();
        String plan = in.readLine();
        Path destination = Path.of(in.readLine());
        long interval = Long.parseLong(in.readLine());
        DatabaseSource database = user.isEmpty() ? DatabaseSource.of(url) : DatabaseSource.of(url, user, Secret.of(password));
        try (PlanB planb = PlanB.builder().plan(BackupPlan.builder(plan).database(database)
                .destination(new LocalDirectoryDestination(destination))
                .schedule(Schedule.every(Duration.ofSeconds(interval)).withoutCatchUp()).build()).start()) {
            System.out.println("started");
            System.out.flush();
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.equals("stop"));
        }
        System.out.println("stopped");
        System.out.flush();
    }
}
