/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@code planb run} in its own process, its output collected line by line, its HTTP address if it serves one. */
record RunningPlanB(Process process, List<String> lines, Thread reader, String address, HttpClient http) {

    static RunningPlanB start(Path dir, List<String> jvmOptions, Map<String, String> environment, String... args)
            throws Exception {
        Process process = PlanBProcess.start(dir, jvmOptions, environment, args);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
        reader.start();
        int http = List.of(args).indexOf("--http");
        return new RunningPlanB(process, lines, reader, http < 0 ? null : args[http + 1], HttpClient.newHttpClient());
    }

    /** A free loopback address for {@code --http}. */
    static String freeAddress() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return "127.0.0.1:" + free.getLocalPort();
        }
    }

    boolean saw(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    long count(String text) {
        return lines.stream().filter(line -> line.contains(text)).count();
    }

    URI uri(String path) {
        return URI.create("http://" + address + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    void sigterm() throws Exception {
        new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
    }

    /** Sends SIGTERM unless already sent, waits for the process to end and returns its whole output. */
    String stop() throws Exception {
        sigterm();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join("\n", lines)).isTrue();
        reader.join(10_000);
        return String.join("\n", lines);
    }
}
