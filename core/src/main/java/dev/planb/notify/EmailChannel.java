/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.Secret;
import dev.planb.internal.Version;
import dev.planb.spi.Notification;
import dev.planb.spi.NotificationChannel;
import dev.planb.spi.support.Messages;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/** Sends notifications as plain-text e-mail through Jakarta Mail (Angus). */
final class EmailChannel implements NotificationChannel {

    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;
    private final String username;
    private final Secret password;
    private final String description;

    EmailChannel(Email.Builder settings) {
        this.session = Session.getInstance(properties(settings));
        this.from = address(settings.from);
        this.to = settings.to.stream().map(EmailChannel::address).toArray(InternetAddress[]::new);
        this.username = settings.username;
        this.password = settings.password;
        this.description = "E-mail via " + settings.host + ":" + settings.port;
    }

    @Override
    public void deliver(Notification notification) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(notification.headline(), "UTF-8");
        message.setSentDate(Date.from(notification.time()));
        message.setText(notification.headline() + "\n\n" + notification.text() + "\n\n-- \nPlanB " + Version.current()
                + ": this address is in the e-mail notifier of plan '" + notification.plan() + "'.\n", "UTF-8");
        try {
            if (password == null) {
                Transport.send(message);
            } else {
                Transport.send(message, username, password.reveal());
            }
        } catch (MessagingException e) {
            throw new MessagingException(withCause(e), e);
        }
    }

    /** Jakarta Mail's messages hide the reason ("Could not connect"); the innermost cause says it (a certificate, a refusal). */
    private static String withCause(MessagingException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? Messages.firstLine(e) : Messages.firstLine(e) + " (" + Messages.firstLine(cause) + ")";
    }

    @Override
    public String description() {
        return description;
    }

    private static Properties properties(Email.Builder settings) {
        String millis = String.valueOf(settings.timeout.toMillis());
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host);
        properties.put("mail.smtp.port", String.valueOf(settings.port));
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        properties.put("mail.smtp.auth", String.valueOf(settings.password != null));
        if (settings.security == SmtpSecurity.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        } else if (settings.security == SmtpSecurity.SSL) {
            properties.put("mail.smtp.ssl.enable", "true");
        }
        if (settings.security != SmtpSecurity.NONE) {
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
            if (settings.sslSocketFactory != null) {
                properties.put("mail.smtp.ssl.socketFactory", settings.sslSocketFactory);
            }
        }
        return properties;
    }

    private static InternetAddress address(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw InvalidSetting.of("E-mail", "'" + address + "' is not an e-mail address: " + e.getMessage());
        }
    }
}
