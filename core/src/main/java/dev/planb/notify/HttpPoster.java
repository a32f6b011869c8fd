/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.Secret;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.Redaction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs to a URL that holds a secret (webhook and ping URLs carry their token), with a timeout per
 * attempt and retries with exponential backoff on network errors, 429 and 5xx. Error messages
 * never quote the URL.
 */
final class HttpPoster {

    private final Duration timeout;
    private final int retries;
    private final Duration backoff;
    private final HttpClient client;

    /**
     * @param timeout for connecting and for each answer
     * @param retries attempts after the first
     * @param backoff the wait before the first retry; it doubles for each further one
     */
    HttpPoster(Duration timeout, int retries, Duration backoff) {
        this.timeout = timeout;
        this.retries = retries;
        this.backoff = backoff;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * POSTs {@code body}, retrying as configured.
     *
     * @param url the secret URL
     * @throws IOException with the last problem, when every attempt failed
     */
    void post(Secret url, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.reveal())).timeout(timeout)
                .header("Content-Type", contentType).header("User-Agent", "PlanB")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        String problem = "";
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                Thread.sleep(backoff.toMillis() << Math.min(attempt - 1, 16));
            }
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + ": " + Messages.firstLine(e);
                continue;
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return;
            }
            problem = "HTTP " + status + " " + firstLine(response.body());
            if (status != 429 && status / 100 != 5) {
                throw new IOException("refused (" + Redaction.secret(problem,
                        url.reveal()) + "): check its URL or token");
            }
        }
        throw new IOException("failed " + (retries + 1) + " attempt(s), the last with "
                + Redaction.secret(problem, url.reveal()));
    }

    private static String firstLine(String body) {
        String line = body == null ? "" : body.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
