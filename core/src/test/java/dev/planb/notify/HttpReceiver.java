/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A real HTTP server on a free loopback port that records what it receives and answers as told. */
final class HttpReceiver implements AutoCloseable {

    /** One request as received, with {@link System#nanoTime()} at its arrival. */
    record Request(String method, String path, String query, String contentType, String body, long arrivedNanos) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final List<Integer> statuses = new ArrayList<>();
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

    HttpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next requests with these statuses, then 200. */
    synchronized HttpReceiver answering(Integer... codes) {
        statuses.addAll(List.of(codes));
        return this;
    }

    /** Waits this long before answering each request. */
    HttpReceiver delaying(Duration wait) {
        delay.set(wait);
        return this;
    }

    /** The next request received, waiting up to 10 s; fails the test when none comes. */
    Request next() throws InterruptedException {
        Request request = requests.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no HTTP request arrived within 10 s");
        }
        return request;
    }

    /** A request received within {@code wait}, or null. */
    Request poll(Duration wait) throws InterruptedException {
        return requests.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body, System.nanoTime()));
        try {
            Thread.sleep(delay.get().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int status;
        synchronized (this) {
            status = statuses.isEmpty() ? 200 : statuses.remove(0);
        }
        byte[] answer = (status == 200 ? "ok" : "error " + status).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
