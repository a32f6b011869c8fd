/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.spi.support.Json;
import dev.planb.status.PlanStatus;
import dev.planb.status.metrics.PlanBStatusMetrics;
import dev.planb.status.page.PlanReports;
import dev.planb.status.page.StatusPage;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code planb run --http HOST:PORT}, read-only, on that address only:
 * <ul>
 * <li>{@code GET /health}: 200 {@code UP} or 503 {@code DOWN} by the starter's rule
 * ({@link PlanStatus#needsAttention()}: stale, newest backup damaged, failed drill), with each plan's state;</li>
 * <li>{@code GET /metrics}: core's meters ({@code planb_backup_duration_seconds}, {@code planb_backup_age_seconds}…,
 * the starter's names) in Prometheus text format;</li>
 * <li>{@code GET /}: the starter's status page.</li>
 * </ul>
 * Any other method is refused with 405, any other path with 404.
 */
final class MonitoringServer implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    private MonitoringServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Serves {@code planB}'s health, metrics and status page on {@code address}.
     *
     * @param address {@code HOST:PORT}, e.g. {@code 127.0.0.1:9090}
     * @param registry the registry core's {@code PlanBMetrics} listener records into; the per-plan gauges are bound here
     */
    static MonitoringServer start(String address, PlanB planB, PrometheusMeterRegistry registry) {
        int colon = address.lastIndexOf(':');
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address.substring(0, Math.max(colon, 0)),
                    Integer.parseInt(address.substring(colon + 1))), 0);
        } catch (NumberFormatException | IOException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--http " + address + " cannot be served (" + e.getMessage()
                    + "): give a free HOST:PORT such as 127.0.0.1:9090");
        }
        new PlanBStatusMetrics(planB, Clock.systemUTC()).bindTo(registry);
        StatusPage page = new StatusPage(new PlanReports(planB, Clock.systemUTC()));
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("GET")) {
                    exchange.getResponseHeaders().set("Allow", "GET");
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                switch (exchange.getRequestURI().getPath()) {
                    case "/health" -> health(exchange, planB);
                    case "/metrics" -> send(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
                    case "/" -> send(exchange, 200, "text/html; charset=utf-8", page.render());
                    default -> exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        server.start();
        return new MonitoringServer(server);
    }

    /** The address served, e.g. {@code 127.0.0.1:9090}. */
    String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    private static void health(HttpExchange exchange, PlanB planB) throws IOException {
        boolean down = false;
        Map<String, Object> plans = new LinkedHashMap<>();
        for (PlanStatus status : planB.status()) {
            down |= status.needsAttention();
            plans.put(status.plan(), Map.of("state", status.state().name(), "down", status.needsAttention()));
        }
        send(exchange, down ? 503 : 200, "application/json", json(Map.of("status", down ? "DOWN" : "UP", "plans", plans)));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
