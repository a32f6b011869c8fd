/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.Secret;
import dev.planb.spi.NotificationKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;

/**
 * A notifier that sends plain-text e-mail over SMTP: the headline as subject, then the facts and
 * the next step. Needs {@code org.eclipse.angus:angus-mail} on the classpath.
 *
 * <pre>{@code
 * Notifier mail = Email.smtp("smtp.example.com", 587)
 *         .security(SmtpSecurity.STARTTLS)
 *         .login("backup@example.com", Secret.fromEnvironment("SMTP_PASSWORD"))
 *         .from("backup@example.com")
 *         .to("ops@example.com", "dba@example.com")
 *         .build();
 * }</pre>
 */
public final class Email {

    private Email() {
    }

    /**
     * Starts an e-mail notifier sending through the SMTP server {@code host:port}.
     *
     * @param host the SMTP server's name or address
     * @param port its port, e.g. 587 (STARTTLS), 465 (SSL) or 25; checked by {@link Builder#build()}
     * @return a builder for the rest of the settings
     */
    public static Builder smtp(String host, int port) {
        return new Builder(host, port);
    }

    /** Builds an e-mail {@link Notifier}; {@link #build()} names any bad setting. */
    public static final class Builder {
        final String host;
        final int port;
        SmtpSecurity security = SmtpSecurity.STARTTLS;
        String username;
        Secret password;
        String from;
        final List<String> to = new ArrayList<>();
        Duration timeout = Duration.ofSeconds(20);
        SSLSocketFactory sslSocketFactory;
        private Set<NotificationKind> kinds = NotificationKind.ALERTS;

        private Builder(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /**
         * Sets how the connection is protected.
         *
         * @param security the protection (default {@link SmtpSecurity#STARTTLS})
         * @return this builder
         */
        public Builder security(SmtpSecurity security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /**
         * Logs in to the server; without it, mail is sent without authentication.
         *
         * @param username the SMTP user
         * @param password its password; never sent in clear except to a loopback server
         * @return this builder
         */
        public Builder login(String username, Secret password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Sets the sender's address (required).
         *
         * @param address the {@code From} address, e.g. {@code planb@example.com}
         * @return this builder
         */
        public Builder from(String address) {
            this.from = address;
            return this;
        }

        /**
         * Adds recipients (at least one in all).
         *
         * @param addresses the addresses to send to
         * @return this builder
         */
        public Builder to(String... addresses) {
            to.addAll(List.of(addresses));
            return this;
        }

        /**
         * Sets the timeout to connect, and for each read and write.
         *
         * @param timeout a positive duration (default 20 s)
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * The TLS sockets to use, for a server whose certificate a private CA signed (build it from
         * an {@code SSLContext} with that CA in its trust store). The server's name is always checked.
         *
         * @param factory the socket factory, e.g. {@code sslContext.getSocketFactory()}
         * @return this builder
         */
        public Builder sslSocketFactory(SSLSocketFactory factory) {
            this.sslSocketFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Chooses what to send.
         *
         * @param kinds the kinds of notification; none given means {@link NotificationKind#ALERTS} (the default)
         * @return this builder
         */
        public Builder on(NotificationKind... kinds) {
            this.kinds = NotificationKinds.setOf(kinds);
            return this;
        }

        /**
         * Checks the settings and makes the notifier.
         *
         * @return the e-mail notifier
         * @throws dev.planb.PlanBException naming the bad setting, or when Jakarta Mail is not on the class path

         */
        public Notifier build() {
            if (host == null || host.isBlank()) {
                throw InvalidSetting.of("E-mail", "SMTP host is empty");
            }
            if (port < 1 || port > 65_535) {
                throw InvalidSetting.of("E-mail", "SMTP port " + port + " is not a port (25, 465 or 587)");
            }
            if (from == null || to.isEmpty()) {
                throw InvalidSetting.of("E-mail", "needs from(address) and at least one to(address)");
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw InvalidSetting.of("E-mail", "timeout must be positive, e.g. Duration.ofSeconds(20)");
            }
            if (password != null && security == SmtpSecurity.NONE && !isLoopback(host)) {
                throw InvalidSetting.of("E-mail", "refusing to send the SMTP password in clear to " + host
                        + ": use SmtpSecurity.STARTTLS or SSL");
            }
            try {
                Class.forName("jakarta.mail.Session", false, Email.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw InvalidSetting.of("E-mail", "Jakarta Mail is missing: add the dependency"
                        + " org.eclipse.angus:angus-mail:2.0.5 to the application");
            }
            return new ChannelNotifier(new EmailChannel(this), kinds);
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
        }
    }
}
