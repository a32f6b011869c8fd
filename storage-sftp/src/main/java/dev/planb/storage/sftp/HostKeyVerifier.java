/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the server's host key is the expected one: listed in a known_hosts file, equal
 * to a pinned fingerprint, or (only when explicitly asked) anything, with a warning. It remembers
 * what the server presented, so a refusal can show the fingerprint and how to trust it.
 */
final class HostKeyVerifier implements HostKeyRepository {

    private static final Logger LOG = LoggerFactory.getLogger(HostKeyVerifier.class);
    private static final HostKey[] NONE = new HostKey[0];

    private final Path knownHosts;
    private final String pinnedFingerprint;
    private HostKeyRepository knownHostsRepository;
    private String presentedType = "unknown";
    private String presentedFingerprint = "unknown";

    private HostKeyVerifier(Path knownHosts, String pinnedFingerprint) {
        this.knownHosts = knownHosts;
        this.pinnedFingerprint = pinnedFingerprint;
    }

    /** Trusts the keys listed in an OpenSSH known_hosts file, read again on every connection. */
    static HostKeyVerifier knownHosts(Path file) {
        return new HostKeyVerifier(file, null);
    }

    /** Trusts exactly one key, given by its {@code SHA256:} fingerprint. */
    static HostKeyVerifier pinned(String fingerprint) {
        return new HostKeyVerifier(null, fingerprint);
    }

    /** Trusts any key: no protection against a server in the middle. */
    static HostKeyVerifier acceptAny() {
        return new HostKeyVerifier(null, null);
    }

    /** Reads the known_hosts file afresh; call before each connection. */
    synchronized void reload() throws JSchException {
        if (knownHosts != null) {
            JSch reader = new JSch();
            if (Files.isRegularFile(knownHosts)) {
                reader.setKnownHosts(knownHosts.toString());
            }
            knownHostsRepository = reader.getHostKeyRepository();
        }
    }

    @Override
    public synchronized int check(String host, byte[] key) {
        presentedFingerprint = HostKeyFingerprint.of(key);
        try {
            presentedType = new HostKey(host, HostKey.GUESS, key).getType();
        } catch (JSchException e) {
            presentedType = "unknown";
        }
        if (knownHosts != null) {
            return knownHostsRepository.check(host, key);
        }
        if (pinnedFingerprint != null) {
            return pinnedFingerprint.equals(presentedFingerprint) ? OK : CHANGED;
        }
        LOG.warn("Host key checking is OFF for {}: accepting its {} key {} without checking; anyone on the network "
                + "path could pose as this server. Pin it with hostKey={} or use a known_hosts file",
                host, presentedType, presentedFingerprint, presentedFingerprint);
        return OK;
    }

    /** Why the server was refused: its key's fingerprint, and how to trust it if it is right. */
    synchronized String refusal(String host, int port, boolean changed) {
        String alias = port == 22 ? host : "[" + host + "]:" + port;
        String shown = "its " + presentedType + " host key is " + presentedFingerprint;
        if (pinnedFingerprint != null) {
            return "The SFTP server " + alias + " is not the expected one: " + shown + " but hostKey pins "
                    + pinnedFingerprint + ". If its administrator confirms the new key (ssh-keygen -lf on the "
                    + "server's host key), pin " + presentedFingerprint + " instead";
        }
        if (changed) {
            return "The SFTP server " + alias + " presented a DIFFERENT host key than the one in " + knownHosts + ": "
                    + shown + ". Someone may be intercepting the connection, or the server was reinstalled; if its "
                    + "administrator confirms the new key, run ssh-keygen -R '" + alias + "' -f " + knownHosts
                    + " and add the new key";
        }
        return "The SFTP server " + alias + " is not in " + knownHosts + (Files.exists(knownHosts) ? "" : " (no such file)")
                + ": " + shown + ". If its administrator confirms this fingerprint (ssh-keygen -lf on the server's "
                + "host key), trust it with: ssh-keyscan -p " + port + " " + host + " >> " + knownHosts
                + ", or pin it with hostKey=" + presentedFingerprint;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Never learn keys silently: trusting a new key is the operator's decision.
    }

    @Override
    public void remove(String host, String type) {
        // known_hosts is the operator's file; PlanB never edits it.
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // known_hosts is the operator's file; PlanB never edits it.
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHosts != null ? knownHosts.toString() : "planb";
    }

    @Override
    public synchronized HostKey[] getHostKey() {
        return knownHostsRepository != null ? knownHostsRepository.getHostKey() : NONE;
    }

    @Override
    public synchronized HostKey[] getHostKey(String host, String type) {
        return knownHostsRepository != null ? knownHostsRepository.getHostKey(host, type) : NONE;
    }
}
