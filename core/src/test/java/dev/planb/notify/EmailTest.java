/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import static dev.planb.notify.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.planb.PlanBException;
import dev.planb.Secret;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** E-mail through a real SMTP server: GreenMail, in process, on loopback. */
class EmailTest {

    static final String PASSWORD = "smtp-Secret-42";
    static final String STORE_PASSWORD = "changeit";

    @TempDir
    static Path keys;
    static Path keystore;

    GreenMail greenMail;

    /** A certificate for 127.0.0.1, so the client checks the server's name as it does in production. */
    @BeforeAll
    static void createCertificate() throws Exception {
        keystore = keys.resolve("smtp.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "greenmail", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        System.setProperty("greenmail.tls.keystore.file", keystore.toString());
        System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
        System.setProperty("greenmail.tls.key.password", STORE_PASSWORD);
    }

    @AfterEach
    void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    int start(String protocol) {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", protocol).dynamicPort());
        greenMail.setUser("backup@example.com", "backup", PASSWORD);
        greenMail.start();
        return protocol.equals(ServerSetup.PROTOCOL_SMTP) ? greenMail.getSmtp().getPort()
                : greenMail.getSmtps().getPort();
    }

    void awaitMessages(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (greenMail.getReceivedMessages().length < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(count);
    }

    @Test
    void sendsAPlainTextMailWithTheFactsAndTheNextStep() throws Exception {
        int port = start(ServerSetup.PROTOCOL_SMTP);
        try (Notifier mail = Email.smtp("127.0.0.1", port).security(SmtpSecurity.NONE).login("backup", Secret.of(PASSWORD))
                .from("backup@example.com").to("ops@example.com", "dba@example.com").build()) {
            mail.onEvent(Events.failed(T0));
            awaitMessages(2);
        }

        MimeMessage message = greenMail.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("PlanB: backup of 'app' FAILED");
        assertThat(message.getFrom()[0].toString()).isEqualTo("backup@example.com");
        assertThat(message.getAllRecipients()).extracting(Object::toString)
                .containsExactly("ops@example.com", "dba@example.com");
        assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        String body = GreenMailUtil.getBody(message).replace("\r\n", "\n");
        assertThat(body).startsWith("PlanB: backup of 'app' FAILED\n\nPlan: app\nTime: 2026-11-24T23:59:03Z\n")
                .contains("Error: DATABASE_UNAVAILABLE\n", "Duration: 3s\n",
                        "Next step: Check that the database is up and reachable", "plan 'app'")
                .doesNotContain(PASSWORD);
    }

    @Test
    void sendsOverTlsAndChecksTheServersCertificate() throws Exception {
        int port = start(ServerSetup.PROTOCOL_SMTPS);
        try (Notifier mail = Email.smtp("127.0.0.1", port).security(SmtpSecurity.SSL).login("backup", Secret.of(PASSWORD))
                .sslSocketFactory(trusting(keystore)).from("backup@example.com").to("ops@example.com").build()) {
            mail.onEvent(Events.stale(T0, T0.minus(Duration.ofHours(30))));
            awaitMessages(1);
        }
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("PlanB: backups of 'app' are STALE (1d 6h)");
    }

    @Test
    void refusesAServerItDoesNotTrust() throws Exception {
        int port = start(ServerSetup.PROTOCOL_SMTPS);
        try (Notifier mail = Email.smtp("127.0.0.1", port).security(SmtpSecurity.SSL).login("backup", Secret.of(PASSWORD))
                .timeout(Duration.ofSeconds(5)).from("backup@example.com").to("ops@example.com").build()) {
            mail.onEvent(Events.failed(T0));
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void thePasswordNeverShows() {
        Notifier mail = Email.smtp("smtp.example.com", 465).security(SmtpSecurity.SSL).login("backup", Secret.of(PASSWORD))
                .from("backup@example.com").to("ops@example.com").build();
        assertThat(mail).hasToString("Notifier[E-mail via smtp.example.com:465]");
        mail.close();
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> Email.smtp("smtp.example.com", 587).login("backup", Secret.of(PASSWORD))
                .security(SmtpSecurity.NONE).from("a@example.com").to("b@example.com").build())
                .isInstanceOf(PlanBException.class)
                .hasMessage("E-mail notifier: refusing to send the SMTP password in clear to smtp.example.com:"
                        + " use SmtpSecurity.STARTTLS or SSL");
        assertThatThrownBy(() -> Email.smtp("smtp.example.com", 587).from("a@example.com").build())
                .hasMessage("E-mail notifier: needs from(address) and at least one to(address)");
        assertThatThrownBy(() -> Email.smtp("smtp.example.com", 70_000).from("a@example.com").to("b@example.com").build())
                .hasMessage("E-mail notifier: SMTP port 70000 is not a port (25, 465 or 587)");
        assertThatThrownBy(() -> Email.smtp("smtp.example.com", 587).from("not an address").to("b@example.com").build())
                .hasMessageStartingWith("E-mail notifier: 'not an address' is not an e-mail address");
    }

    static javax.net.ssl.SSLSocketFactory trusting(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
