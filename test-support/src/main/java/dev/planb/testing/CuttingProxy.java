/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that breaks every connection off once it has passed a given number of
 * the server's bytes, as a flaky network or a proxy's timeout ends a long download mid-response.
 * Point a client at {@link #port()} instead of the server's port.
 */
public final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final long cutAfter;
    private final AtomicInteger cuts = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    /**
     * @param serverPort the loopback port connections are passed to
     * @param cutAfter the server's bytes a connection carries before it is broken off
     * @throws IOException when no loopback port is free
     */
    public CuttingProxy(int serverPort, long cutAfter) throws IOException {
        if (cutAfter <= 0) {
            throw new IllegalArgumentException("cutAfter must be at least one byte, not " + cutAfter);
        }
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.serverPort = serverPort;
        this.cutAfter = cutAfter;
        Thread accepting = new Thread(this::accept, "cutting-proxy");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** {@return the port clients connect to} */
    public int port() {
        return listener.getLocalPort();
    }

    /** {@return how many connections were broken off mid-response} */
    public int cuts() {
        return cuts.get();
    }

    /** Stops accepting and breaks off every connection still open. */
    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(CuttingProxy::closeQuietly);
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                open.add(client);
                open.add(server);
                pump(client, server, Long.MAX_VALUE);
                pump(server, client, cutAfter);
            } catch (IOException e) {
                closeQuietly(client); // the server is not listening: refuse this client, go on with the next
            }
        }
    }

    /** Copies {@code from} to {@code to} until either ends or {@code limit} bytes passed, then closes both. */
    private void pump(Socket from, Socket to, long limit) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            long passed = 0;
            try (from; to; InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - passed))) > 0) {
                    out.write(buffer, 0, n);
                    passed += n;
                    if (passed == limit) {
                        cuts.incrementAndGet();
                        return;
                    }
                }
            } catch (IOException e) {
                // the other direction closed the sockets
            } finally {
                open.remove(from);
                open.remove(to);
            }
        }, "cutting-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already broken: nothing to release
        }
    }
}
