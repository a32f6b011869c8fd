/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

/** How an e-mail notifier protects its connection to the SMTP server. */
public enum SmtpSecurity {
    /** Plain SMTP, for a relay on the same host or network only (usually port 25). */
    NONE,
    /** SMTP upgraded with STARTTLS, which is required: the password is never sent in clear (usually port 587). */
    STARTTLS,
    /** SMTP over TLS from the first byte, "SMTPS" (usually port 465). */
    SSL
}
