/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real Adobe S3Mock server (the {@code com.adobe.testing:s3mock:exec} jar Maven resolved,
 * named by the {@code s3mock.jar} system property) in its own JVM, on free ports, with its data
 * in a temporary folder. Tests talk to its HTTPS port, which listens on 127.0.0.1 only, with a
 * certificate made for the run by {@code keytool}; {@link #trustStoreOptions()} are the JVM
 * options that trust it.
 */
public final class S3MockServer implements AutoCloseable {

    private static final String STORE_PASSWORD = "s3mock-test";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path folder;
    private final Path trustStore;
    private final int httpsPort;
    private final Process process;

    private S3MockServer(Path folder, Path trustStore, int httpsPort, Process process) {
        this.folder = folder;
        this.trustStore = trustStore;
        this.httpsPort = httpsPort;
        this.process = process;
    }

    /**
     * Starts a server and waits until it answers.
     *
     * @param options more of S3Mock's (Spring Boot's) options, e.g. {@code --spring.mvc.async.request-timeout=1000}
     */
    public static S3MockServer start(String... options) throws Exception {
        String jar = System.getProperty("s3mock.jar");
        if (jar == null || jar.isBlank() || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("The S3Mock jar is missing (system property s3mock.jar='" + jar + "'): run the"
                    + " tests through Maven, which resolves com.adobe.testing:s3mock:4.11.0:exec (see docs/destinations/s3.md, Tests)");
        }
        Path folder = Files.createTempDirectory("s3mock-");
        Path keyStore = folder.resolve("server.p12");
        Path trustStore = folder.resolve("trust.p12");
        makeCertificate(folder, keyStore, trustStore);
        int httpsPort = freePort();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-jar", jar,
                "--server.address=127.0.0.1", "--server.port=" + httpsPort,
                "--com.adobe.testing.s3mock.httpPort=" + freePort(),
                "--com.adobe.testing.s3mock.store.root=" + folder.resolve("data"),
                "--server.ssl.key-store=file:" + keyStore, "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-store-password=" + STORE_PASSWORD, "--server.ssl.key-password=" + STORE_PASSWORD,
                "--server.ssl.key-alias=s3mock", "--spring.main.banner-mode=off"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("s3mock.log").toFile()).start();
        S3MockServer server = new S3MockServer(folder, trustStore, httpsPort, process);
        server.awaitReady();
        return server;
    }

    /** The HTTPS endpoint, e.g. {@code https://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("https://127.0.0.1:" + httpsPort);
    }

    /** A PKCS#12 trust store holding the server's certificate. */
    public Path trustStore() {
        return trustStore;
    }

    /** JVM options that make a Java process trust this server. */
    public List<String> trustStoreOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD);
    }

    /** A client for this server that trusts its certificate, with the test credentials. */
    public S3Client client() {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Fixture.ACCESS_KEY, S3Fixture.SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder().tlsTrustManagersProvider(this::trustManagers))
                .build();
    }

    /** Makes this JVM trust the server (before any TLS connection is made). */
    public void trustInThisJvm() {
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        System.setProperty("javax.net.ssl.trustStorePassword", STORE_PASSWORD);
    }

    /** Kills the server at once (SIGKILL), as a crash or a network cut would end it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }

    /** Stops the server (it is gone when this returns) and deletes its data; again does nothing. */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Trust managers that trust this server's certificate (and nothing else). */
    public TrustManager[] trustManagers() {
        try (var in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, STORE_PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return trust.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the test trust store " + trustStore, e);
        }
    }

    private void awaitReady() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers(), null);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ": " + log());
            }
            try {
                HttpsURLConnection connection = (HttpsURLConnection) endpoint().toURL().openConnection();
                connection.setSSLSocketFactory(tls.getSocketFactory());
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(5000);
                if (connection.getResponseCode() == HttpURLConnection.HTTP_OK) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within " + START_TIMEOUT.toSeconds() + " s: " + log());
    }

    private String log() throws IOException {
        String log = Files.readString(folder.resolve("s3mock.log"));
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }

    private static void makeCertificate(Path folder, Path keyStore, Path trustStore) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path certificate = folder.resolve("server.pem");
        run(keytool, "-genkeypair", "-alias", "s3mock", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        run(keytool, "-exportcert", "-rfc", "-alias", "s3mock", "-keystore", keyStore.toString(),
                "-storepass", STORE_PASSWORD, "-file", certificate.toString());
        run(keytool, "-importcert", "-noprompt", "-alias", "s3mock", "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
