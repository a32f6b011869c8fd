package dev.planb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.spi.support.Json;
import dev.planb.status.PlanStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code planb run --http HOST:PORT}: {@code GET /health} answers 200 {@code UP} or 503 {@code DOWN} by the
 * starter's rule ({@link PlanStatus#needsAttention()}: stale, newest backup damaged, failed drill), with each
 * plan's state. Read-only: any other method or path is refused.
 */
final class HealthServer implements AutoCloseable {

    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Serves {@code planB}'s health on {@code address}.
     *
     * @param address {@code HOST:PORT}, e.g. {@code 127.0.0.1:9090}
     */
    static HealthServer start(String address, PlanB planB) {
        int colon = address.lastIndexOf(':');
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address.substring(0, Math.max(colon, 0)),
                    Integer.parseInt(address.substring(colon + 1))), 0);
        } catch (NumberFormatException | IOException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--http " + address + " cannot be served (" + e.getMessage()
                    + "): give a free HOST:PORT such as 127.0.0.1:9090");
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals("/health")) {
                    exchange.sendResponseHeaders(exchange.getRequestMethod().equals("GET") ? 404 : 405, -1);
                    return;
                }
                health(exchange, planB);
            }
        });
        server.start();
        return new HealthServer(server);
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
        byte[] body = json(Map.of("status", down ? "DOWN" : "UP", "plans", plans));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(down ? 503 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
