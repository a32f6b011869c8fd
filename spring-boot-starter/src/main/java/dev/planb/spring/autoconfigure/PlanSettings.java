package dev.planb.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.planb.BackupPlan;

/**
 * What one backup plan is made of, as {@code planb.*} (the application's own plan) or
 * {@code planb.plans.NAME.*} (further plans) properties. Defaults are the core builder's.
 */
public class PlanSettings {

    /**
     * When the plan runs: a cron expression with seconds ("0 0 2 * * *", Quartz/Spring syntax) or
     * an interval ("10s", "15m", "1h", "1d", "PT6H").
     */
    private String schedule = "0 0 2 * * *";

    /** How long a run may take before it is stopped and reported as timed out. */
    private Duration timeout = BackupPlan.DEFAULT_TIMEOUT;

    /**
     * How old the newest backup may get before the plan is stale (health DOWN, alerts). Unset:
     * not watched.
     */
    private Duration maxAge;

    /** How backups are compressed: zstd, gzip or none. */
    private String compression = "zstd";

    /** Where every backup is written, each a complete copy. */
    private List<DestinationSettings> destinations = new ArrayList<>();

    /** Encryption of the backups (OpenPGP): to public keys or with a passphrase. Unset: not encrypted. */
    private final EncryptionSettings encryption = new EncryptionSettings();

    /** Restore drills: how often a backup is restored into a scratch database and checked. */
    private final VerificationSettings verification = new VerificationSettings();

    /** Who is told about failures and staleness, besides the log. */
    private final NotifierSettings notifiers = new NotifierSettings();

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    public String getCompression() {
        return compression;
    }

    public void setCompression(String compression) {
        this.compression = compression;
    }

    public List<DestinationSettings> getDestinations() {
        return destinations;
    }

    public void setDestinations(List<DestinationSettings> destinations) {
        this.destinations = destinations;
    }

    public EncryptionSettings getEncryption() {
        return encryption;
    }

    public VerificationSettings getVerification() {
        return verification;
    }

    public NotifierSettings getNotifiers() {
        return notifiers;
    }

    /** One destination and how long its backups are kept. */
    public static class DestinationSettings {

        /**
         * Where backups go: a folder ("./backups", "file:./backups", "file:///var/backups"),
         * "sftp://USER@HOST[:PORT]/DIR?identity=KEYFILE&knownHosts=FILE" (needs planb-storage-sftp) or
         * "s3://BUCKET/PREFIX?region=…" (needs planb-storage-s3).
         */
        private String uri;

        /** Which backups this destination keeps after each scheduled run. Unset: all of them. */
        private final RetentionSettings retention = new RetentionSettings();

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }

        public RetentionSettings getRetention() {
            return retention;
        }
    }

    /** restic-style retention; a backup is kept when any rule keeps it. */
    public static class RetentionSettings {

        /** Keep the newest N backups. */
        private Integer keepLast;

        /** Keep the newest backup of each of the last N hours. */
        private Integer keepHourly;

        /** Keep the newest backup of each of the last N days. */
        private Integer keepDaily;

        /** Keep the newest backup of each of the last N weeks. */
        private Integer keepWeekly;

        /** Keep the newest backup of each of the last N months. */
        private Integer keepMonthly;

        /** Keep the newest backup of each of the last N years. */
        private Integer keepYearly;

        /** Keep every backup younger than this. */
        private Duration keepWithin;

        public Integer getKeepLast() {
            return keepLast;
        }

        public void setKeepLast(Integer keepLast) {
            this.keepLast = keepLast;
        }

        public Integer getKeepHourly() {
            return keepHourly;
        }

        public void setKeepHourly(Integer keepHourly) {
            this.keepHourly = keepHourly;
        }

        public Integer getKeepDaily() {
            return keepDaily;
        }

        public void setKeepDaily(Integer keepDaily) {
            this.keepDaily = keepDaily;
        }

        public Integer getKeepWeekly() {
            return keepWeekly;
        }

        public void setKeepWeekly(Integer keepWeekly) {
            this.keepWeekly = keepWeekly;
        }

        public Integer getKeepMonthly() {
            return keepMonthly;
        }

        public void setKeepMonthly(Integer keepMonthly) {
            this.keepMonthly = keepMonthly;
        }

        public Integer getKeepYearly() {
            return keepYearly;
        }

        public void setKeepYearly(Integer keepYearly) {
            this.keepYearly = keepYearly;
        }

        public Duration getKeepWithin() {
            return keepWithin;
        }

        public void setKeepWithin(Duration keepWithin) {
            this.keepWithin = keepWithin;
        }

        boolean isSet() {
            return keepLast != null || keepHourly != null || keepDaily != null || keepWeekly != null
                    || keepMonthly != null || keepYearly != null || keepWithin != null;
        }
    }

    /** OpenPGP encryption: public keys or a passphrase, not both. */
    public static class EncryptionSettings {

        /** Public key files (ASCII-armoured or binary) to encrypt every backup to; any one of them decrypts. */
        private List<Path> publicKeys = new ArrayList<>();

        /**
         * Name of the environment variable holding the passphrase to encrypt with (the passphrase
         * itself is never a property, so it stays out of configuration files and the environment endpoint).
         */
        private String passphraseEnv;

        public List<Path> getPublicKeys() {
            return publicKeys;
        }

        public void setPublicKeys(List<Path> publicKeys) {
            this.publicKeys = publicKeys;
        }

        public String getPassphraseEnv() {
            return passphraseEnv;
        }

        public void setPassphraseEnv(String passphraseEnv) {
            this.passphraseEnv = passphraseEnv;
        }
    }

    /** Restore drills run by the runtime after a backup when due. */
    public static class VerificationSettings {

        /** Drill at most this often (e.g. "7d"). Unset, and no every-nth-backup: no drills. */
        private Duration every;

        /** Drill after every Nth backup instead of on a time interval. */
        private Integer everyNthBackup;

        /** SQL checks on the restored copy, as "QUERY OP VALUE", e.g. "select count(*) from orders >= 1". */
        private List<String> checks = new ArrayList<>();

        /** Tables whose ordered primary-key hash is recorded and compared. */
        private List<String> fingerprints = new ArrayList<>();

        /** Flags the plan (health DOWN) when no drill has passed for this long. */
        private Duration maxAge;

        public Duration getEvery() {
            return every;
        }

        public void setEvery(Duration every) {
            this.every = every;
        }

        public Integer getEveryNthBackup() {
            return everyNthBackup;
        }

        public void setEveryNthBackup(Integer everyNthBackup) {
            this.everyNthBackup = everyNthBackup;
        }

        public List<String> getChecks() {
            return checks;
        }

        public void setChecks(List<String> checks) {
            this.checks = checks;
        }

        public List<String> getFingerprints() {
            return fingerprints;
        }

        public void setFingerprints(List<String> fingerprints) {
            this.fingerprints = fingerprints;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }
    }

    /**
     * Notification channels. URLs carry tokens, so they are read from environment variables
     * named here, never from the properties themselves.
     */
    public static class NotifierSettings {

        /** Environment variable holding a Slack incoming-webhook URL. */
        private String slackUrlEnv;

        /** Environment variable holding a Microsoft Teams webhook URL. */
        private String teamsUrlEnv;

        /** Environment variable holding a Discord webhook URL. */
        private String discordUrlEnv;

        /** Environment variable holding a URL that receives each event as generic JSON. */
        private String webhookUrlEnv;

        /** Environment variable holding a healthchecks-style heartbeat URL, pinged after each run. */
        private String heartbeatUrlEnv;

        /** E-mail over SMTP. */
        private final EmailSettings email = new EmailSettings();

        public String getSlackUrlEnv() {
            return slackUrlEnv;
        }

        public void setSlackUrlEnv(String slackUrlEnv) {
            this.slackUrlEnv = slackUrlEnv;
        }

        public String getTeamsUrlEnv() {
            return teamsUrlEnv;
        }

        public void setTeamsUrlEnv(String teamsUrlEnv) {
            this.teamsUrlEnv = teamsUrlEnv;
        }

        public String getDiscordUrlEnv() {
            return discordUrlEnv;
        }

        public void setDiscordUrlEnv(String discordUrlEnv) {
            this.discordUrlEnv = discordUrlEnv;
        }

        public String getWebhookUrlEnv() {
            return webhookUrlEnv;
        }

        public void setWebhookUrlEnv(String webhookUrlEnv) {
            this.webhookUrlEnv = webhookUrlEnv;
        }

        public String getHeartbeatUrlEnv() {
            return heartbeatUrlEnv;
        }

        public void setHeartbeatUrlEnv(String heartbeatUrlEnv) {
            this.heartbeatUrlEnv = heartbeatUrlEnv;
        }

        public EmailSettings getEmail() {
            return email;
        }
    }

    /** SMTP alerts; sent when {@code host} and {@code to} are set. */
    public static class EmailSettings {

        /** SMTP server host. */
        private String host;

        /** SMTP server port. */
        private int port = 587;

        /** Sender address. */
        private String from;

        /** Recipient addresses. */
        private List<String> to = new ArrayList<>();

        /** SMTP login user; unset: no login. */
        private String username;

        /** Environment variable holding the SMTP password. */
        private String passwordEnv;

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public List<String> getTo() {
            return to;
        }

        public void setTo(List<String> to) {
            this.to = to;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPasswordEnv() {
            return passwordEnv;
        }

        public void setPasswordEnv(String passwordEnv) {
            this.passwordEnv = passwordEnv;
        }
    }
}
