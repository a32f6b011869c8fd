/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.config;

import dev.planb.BackupPlan;
import dev.planb.change.DestructiveChangePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one backup plan is made of: the neutral configuration model that the Spring Boot starter
 * ({@code planb.*}, {@code planb.plans.NAME.*}), the configuration file ({@code plans.NAME.*}) and
 * Java code all fill in, so a plan moves between them by copy-paste. Plain JavaBeans whose property
 * names, in kebab-case, are the keys; defaults are the core builder's. {@link PlanFactory} turns it
 * into a {@link BackupPlan}, naming the key of any bad setting.
 *
 * <p>Secrets are never values here unless a front end allows it: each secret setting {@code KEY}
 * has {@code KEY-env} (an environment variable) and {@code KEY-file} (a file) forms; see {@link SecretRef}.
 *
 * <pre>
 * plans:
 *   app:
 *     database: { url: "jdbc:postgresql://db:5432/app", username: backup, password-env: PGPW }
 *     schedule: 1h
 *     max-age: 1d12h
 *     destinations:
 *       - uri: /var/backups/app
 *         retention: { keep-last: 24, keep-daily: 7, keep-within: 2w }
 *     verification: { every: 7d }
 * </pre>
 */
public class PlanSettings {

    /** The database this plan backs up (the Spring Boot starter's own plan defaults to the application's DataSource). */
    private DatabaseSettings database = new DatabaseSettings();

    /** When the plan runs: a cron expression with seconds ("0 0 2 * * *", Quartz/Spring syntax) or an interval ("10s", "15m", "1d12h", "PT6H"). */
    private String schedule = "0 0 2 * * *";

    /** How long a run may take before it is stopped and reported as timed out. */
    private Duration timeout = BackupPlan.DEFAULT_TIMEOUT;

    /** How old the newest backup may get before the plan is stale (health DOWN, alerts). Unset: not watched. */
    private Duration maxAge;

    /** How backups are compressed: zstd, gzip or none; unset: zstd, or gzip where zstd's native library cannot load. */
    private String compression;

    /** Where every backup is written, each a complete copy. */
    private List<DestinationSettings> destinations = new ArrayList<>();

    /** Encryption of the backups (OpenPGP): to public keys or with a passphrase. Unset: not encrypted. */
    private EncryptionSettings encryption = new EncryptionSettings();

    /** Restore drills: how often a backup is restored into a scratch database and checked. */
    private VerificationSettings verification = new VerificationSettings();

    /** Who is told about failures and staleness, besides the log. */
    private NotifierSettings notifiers = new NotifierSettings();

    /** Directory trees backed up with the database. */
    private List<FilesSettings> files = new ArrayList<>();

    /** Continuous log shipping (point-in-time recovery). */
    private StreamingSettings streaming = new StreamingSettings();

    /** When a backup counts as a destructive change (tables dropped or emptied), and how long the last good backup is then held. */
    private DestructiveChangeSettings destructiveChange = new DestructiveChangeSettings();

    /** Creates a plan's settings with the defaults: daily at 02:00, the core's timeout, no destination yet. */
    public PlanSettings() {
    }

    /** {@return the database this plan backs up} */
    public DatabaseSettings getDatabase() {
        return database;
    }

    /**
     * Sets {@code database}.
     *
     * @param database the database this plan backs up
     */
    public void setDatabase(DatabaseSettings database) {
        this.database = database;
    }

    /** {@return when the plan runs: a cron expression with seconds or an interval such as {@code 15m}} */
    public String getSchedule() {
        return schedule;
    }

    /**
     * Sets {@code schedule}.
     *
     * @param schedule when the plan runs: a cron expression with seconds or an interval such as {@code 15m}
     */
    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    /** {@return how long a run may take before it is stopped and reported as timed out} */
    public Duration getTimeout() {
        return timeout;
    }

    /**
     * Sets {@code timeout}.
     *
     * @param timeout how long a run may take before it is stopped and reported as timed out
     */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** {@return how old the newest backup may get before the plan is stale; {@code null}: not watched} */
    public Duration getMaxAge() {
        return maxAge;
    }

    /**
     * Sets {@code max-age}.
     *
     * @param maxAge how old the newest backup may get before the plan is stale; {@code null}: not watched
     */
    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /**
     * {@return the codec ({@code zstd}, {@code gzip} or {@code none}); {@code null}: zstd, or gzip where zstd cannot load}
     */
    public String getCompression() {
        return compression;
    }

    /**
     * Sets {@code compression}.
     *
     * @param compression the codec ({@code zstd}, {@code gzip} or {@code none}); {@code null}: zstd, or gzip where zstd cannot load
     */
    public void setCompression(String compression) {
        this.compression = compression;
    }

    /** {@return the destinations every backup is written to, each a complete copy} */
    public List<DestinationSettings> getDestinations() {
        return destinations;
    }

    /**
     * Sets {@code destinations}.
     *
     * @param destinations the destinations every backup is written to, each a complete copy
     */
    public void setDestinations(List<DestinationSettings> destinations) {
        this.destinations = destinations;
    }

    /** {@return how backups are encrypted; nothing set: not encrypted} */
    public EncryptionSettings getEncryption() {
        return encryption;
    }

    /**
     * Sets {@code encryption}.
     *
     * @param encryption how backups are encrypted; nothing set: not encrypted
     */
    public void setEncryption(EncryptionSettings encryption) {
        this.encryption = encryption;
    }

    /** {@return the restore drills' settings} */
    public VerificationSettings getVerification() {
        return verification;
    }

    /**
     * Sets {@code verification}.
     *
     * @param verification the restore drills' settings
     */
    public void setVerification(VerificationSettings verification) {
        this.verification = verification;
    }

    /** {@return who is told about failures and staleness, besides the log} */
    public NotifierSettings getNotifiers() {
        return notifiers;
    }

    /**
     * Sets {@code notifiers}.
     *
     * @param notifiers who is told about failures and staleness, besides the log
     */
    public void setNotifiers(NotifierSettings notifiers) {
        this.notifiers = notifiers;
    }

    /** {@return the directory trees backed up with the database} */
    public List<FilesSettings> getFiles() {
        return files;
    }

    /**
     * Sets {@code files}.
     *
     * @param files the directory trees backed up with the database
     */
    public void setFiles(List<FilesSettings> files) {
        this.files = files;
    }

    /** {@return the continuous log shipping (point-in-time recovery) settings} */
    public StreamingSettings getStreaming() {
        return streaming;
    }

    /**
     * Sets {@code streaming}.
     *
     * @param streaming the continuous log shipping (point-in-time recovery) settings
     */
    public void setStreaming(StreamingSettings streaming) {
        this.streaming = streaming;
    }

    /** {@return when a backup counts as a destructive change, and how long the last good backup is then held} */
    public DestructiveChangeSettings getDestructiveChange() {
        return destructiveChange;
    }

    /**
     * Sets {@code destructive-change}.
     *
     * @param destructiveChange when a backup counts as a destructive change, and how long the last good backup is then held
     */
    public void setDestructiveChange(DestructiveChangeSettings destructiveChange) {
        this.destructiveChange = destructiveChange;
    }

    /**
     * Destructive-change detection: after each backup, its row counts are compared with the previous good backup's.
     * A dropped table, or a table of at least min-rows rows that lost more than max-loss of them, raises an alert and
     * puts the previous backup on hold.
     */
    public static class DestructiveChangeSettings {

        /** Whether to look for destructive changes. */
        private boolean enabled = true;

        /** The smallest table whose lost rows count. */
        private long minRows = DestructiveChangePolicy.DEFAULT_MIN_ROWS;

        /** The share of its rows a table may lose, e.g. 50% (or 50). */
        private String maxLoss = "50%";

        /** Tables (or patterns such as tmp_*) with their own min-rows and max-loss. */
        private Map<String, TableThresholdSettings> tables = new LinkedHashMap<>();

        /** Tables (or patterns such as tmp_*) never reported, e.g. tables emptied on purpose. */
        private List<String> ignore = new ArrayList<>();

        /** How long the last good backup is held when a change is found; 0s: not held. */
        private Duration hold = DestructiveChangePolicy.DEFAULT_HOLD;

        /** Creates the settings with the defaults: enabled, {@code 50%} loss allowed, the core's min-rows and hold. */
        public DestructiveChangeSettings() {
        }

        /** {@return whether backups are checked for destructive changes} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets {@code enabled}.
         *
         * @param enabled whether backups are checked for destructive changes
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return the smallest table, in rows, whose lost rows count} */
        public long getMinRows() {
            return minRows;
        }

        /**
         * Sets {@code min-rows}.
         *
         * @param minRows the smallest table, in rows, whose lost rows count
         */
        public void setMinRows(long minRows) {
            this.minRows = minRows;
        }

        /** {@return the share of its rows a table may lose, e.g. {@code 50%} (or {@code 50})} */
        public String getMaxLoss() {
            return maxLoss;
        }

        /**
         * Sets {@code max-loss}.
         *
         * @param maxLoss the share of its rows a table may lose, e.g. {@code 50%} (or {@code 50})
         */
        public void setMaxLoss(String maxLoss) {
            this.maxLoss = maxLoss;
        }

        /** {@return tables (or patterns such as {@code tmp_*}) with their own thresholds, by name} */
        public Map<String, TableThresholdSettings> getTables() {
            return tables;
        }

        /**
         * Sets {@code tables}.
         *
         * @param tables tables (or patterns such as {@code tmp_*}) with their own thresholds, by name
         */
        public void setTables(Map<String, TableThresholdSettings> tables) {
            this.tables = tables;
        }

        /** {@return tables (or patterns such as {@code tmp_*}) never reported} */
        public List<String> getIgnore() {
            return ignore;
        }

        /**
         * Sets {@code ignore}.
         *
         * @param ignore tables (or patterns such as {@code tmp_*}) never reported
         */
        public void setIgnore(List<String> ignore) {
            this.ignore = ignore;
        }

        /** {@return how long the last good backup is held when a change is found; zero: not held} */
        public Duration getHold() {
            return hold;
        }

        /**
         * Sets {@code hold}.
         *
         * @param hold how long the last good backup is held when a change is found; zero: not held
         */
        public void setHold(Duration hold) {
            this.hold = hold;
        }
    }

    /** One table's own destructive-change threshold; what is not set is the plan's. */
    public static class TableThresholdSettings {

        /** The smallest row count at which this table's lost rows count. */
        private Long minRows;

        /** The share of its rows this table may lose, e.g. 10%. */
        private String maxLoss;

        /** Creates a threshold that sets nothing: the plan's apply. */
        public TableThresholdSettings() {
        }

        /** {@return the smallest row count at which this table's lost rows count; {@code null}: the plan's} */
        public Long getMinRows() {
            return minRows;
        }

        /**
         * Sets {@code min-rows}.
         *
         * @param minRows the smallest row count at which this table's lost rows count; {@code null}: the plan's
         */
        public void setMinRows(Long minRows) {
            this.minRows = minRows;
        }

        /** {@return the share of its rows this table may lose, e.g. {@code 10%}; {@code null}: the plan's} */
        public String getMaxLoss() {
            return maxLoss;
        }

        /**
         * Sets {@code max-loss}.
         *
         * @param maxLoss the share of its rows this table may lose, e.g. {@code 10%}; {@code null}: the plan's
         */
        public void setMaxLoss(String maxLoss) {
            this.maxLoss = maxLoss;
        }
    }

    /** A database given by JDBC URL, with the user and password to connect as. */
    public static class DatabaseSettings {

        /** JDBC URL, e.g. jdbc:postgresql://db:5432/app. */
        private String url;

        /** Database user. */
        private String username;

        /** The database password, given as the value itself (the front end may refuse it: prefer password-env or password-file). */
        private String password;

        /** Environment variable holding the database password. */
        private String passwordEnv;

        /** File holding the database password (e.g. a systemd credential); one trailing line break is dropped. */
        private Path passwordFile;

        /** Creates database settings with nothing set. */
        public DatabaseSettings() {
        }

        /** {@return the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/app}} */
        public String getUrl() {
            return url;
        }

        /**
         * Sets {@code url}.
         *
         * @param url the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/app}
         */
        public void setUrl(String url) {
            this.url = url;
        }

        /** {@return the database user} */
        public String getUsername() {
            return username;
        }

        /**
         * Sets {@code username}.
         *
         * @param username the database user
         */
        public void setUsername(String username) {
            this.username = username;
        }

        /** {@return the password given as the value itself (a front end may refuse it)} */
        public String getPassword() {
            return password;
        }

        /**
         * Sets {@code password}.
         *
         * @param password the password given as the value itself (a front end may refuse it)
         */
        public void setPassword(String password) {
            this.password = password;
        }

        /** {@return the environment variable holding the password} */
        public String getPasswordEnv() {
            return passwordEnv;
        }

        /**
         * Sets {@code password-env}.
         *
         * @param passwordEnv the environment variable holding the password
         */
        public void setPasswordEnv(String passwordEnv) {
            this.passwordEnv = passwordEnv;
        }

        /** {@return the file holding the password; one trailing line break is dropped} */
        public Path getPasswordFile() {
            return passwordFile;
        }

        /**
         * Sets {@code password-file}.
         *
         * @param passwordFile the file holding the password; one trailing line break is dropped
         */
        public void setPasswordFile(Path passwordFile) {
            this.passwordFile = passwordFile;
        }
    }

    /** One destination and how long its backups are kept. */
    public static class DestinationSettings {

        /** Where backups go: a folder ("./backups", "file:./backups", "file:///var/backups"), "sftp://USER@HOST[:PORT]/DIR?identity=KEYFILE&knownHosts=FILE" (needs planb-storage-sftp), "s3://BUCKET/PREFIX?region=…" (needs planb-storage-s3), "ftp://USER@HOST/DIR" or "ftps://…" (password from PLANB_FTP_PASSWORD; needs planb-storage-ftp), "rclone://REMOTE:PATH" (needs planb-storage-rclone) or "azblob://ACCOUNT/CONTAINER/PREFIX" (needs planb-storage-azure). */
        private String uri;

        /** Which backups this destination keeps after each scheduled run. Unset: all of them. */
        private RetentionSettings retention = new RetentionSettings();

        /** Creates a destination with no URI yet and no retention rule (every backup is kept). */
        public DestinationSettings() {
        }

        /**
         * {@return where backups go: a folder or a {@code file:}, {@code sftp:}, {@code s3:}, {@code ftp:}, {@code ftps:}, {@code rclone:} or {@code azblob:} URI}
         */
        public String getUri() {
            return uri;
        }

        /**
         * Sets {@code uri}.
         *
         * @param uri where backups go: a folder or a {@code file:}, {@code sftp:}, {@code s3:}, {@code ftp:}, {@code ftps:}, {@code rclone:} or {@code azblob:} URI
         */
        public void setUri(String uri) {
            this.uri = uri;
        }

        /** {@return which backups this destination keeps after each scheduled run; no rule: all of them} */
        public RetentionSettings getRetention() {
            return retention;
        }

        /**
         * Sets {@code retention}.
         *
         * @param retention which backups this destination keeps after each scheduled run; no rule: all of them
         */
        public void setRetention(RetentionSettings retention) {
            this.retention = retention;
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

        /** Keep every backup younger than this (e.g. 2w). */
        private Duration keepWithin;

        /** Creates retention with no rule: every backup is kept. */
        public RetentionSettings() {
        }

        /** {@return how many of the newest backups to keep; {@code null}: rule not set} */
        public Integer getKeepLast() {
            return keepLast;
        }

        /**
         * Sets {@code keep-last}.
         *
         * @param keepLast how many of the newest backups to keep; {@code null}: rule not set
         */
        public void setKeepLast(Integer keepLast) {
            this.keepLast = keepLast;
        }

        /** {@return for how many of the last hours the hour's newest backup is kept; {@code null}: rule not set} */
        public Integer getKeepHourly() {
            return keepHourly;
        }

        /**
         * Sets {@code keep-hourly}.
         *
         * @param keepHourly for how many of the last hours the hour's newest backup is kept; {@code null}: rule not set
         */
        public void setKeepHourly(Integer keepHourly) {
            this.keepHourly = keepHourly;
        }

        /** {@return for how many of the last days the day's newest backup is kept; {@code null}: rule not set} */
        public Integer getKeepDaily() {
            return keepDaily;
        }

        /**
         * Sets {@code keep-daily}.
         *
         * @param keepDaily for how many of the last days the day's newest backup is kept; {@code null}: rule not set
         */
        public void setKeepDaily(Integer keepDaily) {
            this.keepDaily = keepDaily;
        }

        /** {@return for how many of the last weeks the week's newest backup is kept; {@code null}: rule not set} */
        public Integer getKeepWeekly() {
            return keepWeekly;
        }

        /**
         * Sets {@code keep-weekly}.
         *
         * @param keepWeekly for how many of the last weeks the week's newest backup is kept; {@code null}: rule not set
         */
        public void setKeepWeekly(Integer keepWeekly) {
            this.keepWeekly = keepWeekly;
        }

        /**
         * {@return for how many of the last months the month's newest backup is kept; {@code null}: rule not set}
         */
        public Integer getKeepMonthly() {
            return keepMonthly;
        }

        /**
         * Sets {@code keep-monthly}.
         *
         * @param keepMonthly for how many of the last months the month's newest backup is kept; {@code null}: rule not set
         */
        public void setKeepMonthly(Integer keepMonthly) {
            this.keepMonthly = keepMonthly;
        }

        /** {@return for how many of the last years the year's newest backup is kept; {@code null}: rule not set} */
        public Integer getKeepYearly() {
            return keepYearly;
        }

        /**
         * Sets {@code keep-yearly}.
         *
         * @param keepYearly for how many of the last years the year's newest backup is kept; {@code null}: rule not set
         */
        public void setKeepYearly(Integer keepYearly) {
            this.keepYearly = keepYearly;
        }

        /** {@return the age under which every backup is kept (e.g. two weeks); {@code null}: rule not set} */
        public Duration getKeepWithin() {
            return keepWithin;
        }

        /**
         * Sets {@code keep-within}.
         *
         * @param keepWithin the age under which every backup is kept (e.g. two weeks); {@code null}: rule not set
         */
        public void setKeepWithin(Duration keepWithin) {
            this.keepWithin = keepWithin;
        }

        /** {@return whether any retention rule is set} */
        public boolean hasRules() {
            return keepLast != null || keepHourly != null || keepDaily != null || keepWeekly != null
                    || keepMonthly != null || keepYearly != null || keepWithin != null;
        }

    }

    /** OpenPGP encryption: public keys or a passphrase, not both. */
    public static class EncryptionSettings {

        /** Public key files (ASCII-armoured or binary) to encrypt every backup to; any one of them decrypts. */
        private List<Path> publicKeys = new ArrayList<>();

        /** The passphrase to encrypt with, given as the value itself (the front end may refuse it: prefer passphrase-env or passphrase-file). */
        private String passphrase;

        /** Environment variable holding the passphrase to encrypt with. */
        private String passphraseEnv;

        /** File holding the passphrase to encrypt with (e.g. a systemd credential); one trailing line break is dropped. */
        private Path passphraseFile;

        /** Creates settings that encrypt nothing. */
        public EncryptionSettings() {
        }

        /**
         * {@return the public key files (ASCII-armoured or binary) every backup is encrypted to; any one of them decrypts}
         */
        public List<Path> getPublicKeys() {
            return publicKeys;
        }

        /**
         * Sets {@code public-keys}.
         *
         * @param publicKeys the public key files (ASCII-armoured or binary) every backup is encrypted to; any one of them decrypts
         */
        public void setPublicKeys(List<Path> publicKeys) {
            this.publicKeys = publicKeys;
        }

        /** {@return the passphrase given as the value itself (a front end may refuse it)} */
        public String getPassphrase() {
            return passphrase;
        }

        /**
         * Sets {@code passphrase}.
         *
         * @param passphrase the passphrase given as the value itself (a front end may refuse it)
         */
        public void setPassphrase(String passphrase) {
            this.passphrase = passphrase;
        }

        /** {@return the environment variable holding the passphrase} */
        public String getPassphraseEnv() {
            return passphraseEnv;
        }

        /**
         * Sets {@code passphrase-env}.
         *
         * @param passphraseEnv the environment variable holding the passphrase
         */
        public void setPassphraseEnv(String passphraseEnv) {
            this.passphraseEnv = passphraseEnv;
        }

        /** {@return the file holding the passphrase; one trailing line break is dropped} */
        public Path getPassphraseFile() {
            return passphraseFile;
        }

        /**
         * Sets {@code passphrase-file}.
         *
         * @param passphraseFile the file holding the passphrase; one trailing line break is dropped
         */
        public void setPassphraseFile(Path passphraseFile) {
            this.passphraseFile = passphraseFile;
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

        /** The server to restore drills on (a user allowed to create databases); unset: the backed-up database's server. */
        private DatabaseSettings server = new DatabaseSettings();

        /** Creates settings with no drills. */
        public VerificationSettings() {
        }

        /** {@return the least time between two drills; {@code null} with no every-nth-backup: no drills} */
        public Duration getEvery() {
            return every;
        }

        /**
         * Sets {@code every}.
         *
         * @param every the least time between two drills; {@code null} with no every-nth-backup: no drills
         */
        public void setEvery(Duration every) {
            this.every = every;
        }

        /** {@return drill after every Nth backup instead of on a time interval; {@code null}: not used} */
        public Integer getEveryNthBackup() {
            return everyNthBackup;
        }

        /**
         * Sets {@code every-nth-backup}.
         *
         * @param everyNthBackup drill after every Nth backup instead of on a time interval; {@code null}: not used
         */
        public void setEveryNthBackup(Integer everyNthBackup) {
            this.everyNthBackup = everyNthBackup;
        }

        /** {@return the SQL checks run on the restored copy, each {@code QUERY OP VALUE}} */
        public List<String> getChecks() {
            return checks;
        }

        /**
         * Sets {@code checks}.
         *
         * @param checks the SQL checks run on the restored copy, each {@code QUERY OP VALUE}
         */
        public void setChecks(List<String> checks) {
            this.checks = checks;
        }

        /** {@return the tables whose ordered primary-key hash is recorded and compared} */
        public List<String> getFingerprints() {
            return fingerprints;
        }

        /**
         * Sets {@code fingerprints}.
         *
         * @param fingerprints the tables whose ordered primary-key hash is recorded and compared
         */
        public void setFingerprints(List<String> fingerprints) {
            this.fingerprints = fingerprints;
        }

        /**
         * {@return how long the plan may go without a passed drill before it is flagged; {@code null}: not watched}
         */
        public Duration getMaxAge() {
            return maxAge;
        }

        /**
         * Sets {@code max-age}.
         *
         * @param maxAge how long the plan may go without a passed drill before it is flagged; {@code null}: not watched
         */
        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }

        /** {@return the server drills restore on; no URL: the backed-up database's server} */
        public DatabaseSettings getServer() {
            return server;
        }

        /**
         * Sets {@code server}.
         *
         * @param server the server drills restore on; no URL: the backed-up database's server
         */
        public void setServer(DatabaseSettings server) {
            this.server = server;
        }
    }

    /** Notification channels besides the log. Webhook URLs carry tokens: they are secrets. */
    public static class NotifierSettings {

        /** A Slack incoming-webhook URL, given as the value itself (the front end may refuse it: prefer slackUrl-env or slackUrl-file). */
        private String slackUrl;

        /** Environment variable holding a slack incoming-webhook url. */
        private String slackUrlEnv;

        /** File holding a slack incoming-webhook url (e.g. a systemd credential); one trailing line break is dropped. */
        private Path slackUrlFile;

        /** A Microsoft Teams webhook URL, given as the value itself (the front end may refuse it: prefer teamsUrl-env or teamsUrl-file). */
        private String teamsUrl;

        /** Environment variable holding a microsoft teams webhook url. */
        private String teamsUrlEnv;

        /** File holding a microsoft teams webhook url (e.g. a systemd credential); one trailing line break is dropped. */
        private Path teamsUrlFile;

        /** A Discord webhook URL, given as the value itself (the front end may refuse it: prefer discordUrl-env or discordUrl-file). */
        private String discordUrl;

        /** Environment variable holding a discord webhook url. */
        private String discordUrlEnv;

        /** File holding a discord webhook url (e.g. a systemd credential); one trailing line break is dropped. */
        private Path discordUrlFile;

        /** A URL that receives each event as generic JSON, given as the value itself (the front end may refuse it: prefer webhookUrl-env or webhookUrl-file). */
        private String webhookUrl;

        /** Environment variable holding a url that receives each event as generic json. */
        private String webhookUrlEnv;

        /** File holding a url that receives each event as generic json (e.g. a systemd credential); one trailing line break is dropped. */
        private Path webhookUrlFile;

        /** A healthchecks-style heartbeat URL, pinged after each run, given as the value itself (the front end may refuse it: prefer heartbeatUrl-env or heartbeatUrl-file). */
        private String heartbeatUrl;

        /** Environment variable holding a healthchecks-style heartbeat url, pinged after each run. */
        private String heartbeatUrlEnv;

        /** File holding a healthchecks-style heartbeat url, pinged after each run (e.g. a systemd credential); one trailing line break is dropped. */
        private Path heartbeatUrlFile;

        /** A Telegram bot posting to a chat. */
        private TelegramSettings telegram = new TelegramSettings();

        /** E-mail over SMTP. */
        private EmailSettings email = new EmailSettings();

        /** Creates settings with no channel: events go to the log only. */
        public NotifierSettings() {
        }

        /** {@return the Slack incoming-webhook URL given as the value itself (a front end may refuse it)} */
        public String getSlackUrl() {
            return slackUrl;
        }

        /**
         * Sets {@code slack-url}.
         *
         * @param slackUrl the Slack incoming-webhook URL given as the value itself (a front end may refuse it)
         */
        public void setSlackUrl(String slackUrl) {
            this.slackUrl = slackUrl;
        }

        /** {@return the environment variable holding the Slack webhook URL} */
        public String getSlackUrlEnv() {
            return slackUrlEnv;
        }

        /**
         * Sets {@code slack-url-env}.
         *
         * @param slackUrlEnv the environment variable holding the Slack webhook URL
         */
        public void setSlackUrlEnv(String slackUrlEnv) {
            this.slackUrlEnv = slackUrlEnv;
        }

        /** {@return the file holding the Slack webhook URL; one trailing line break is dropped} */
        public Path getSlackUrlFile() {
            return slackUrlFile;
        }

        /**
         * Sets {@code slack-url-file}.
         *
         * @param slackUrlFile the file holding the Slack webhook URL; one trailing line break is dropped
         */
        public void setSlackUrlFile(Path slackUrlFile) {
            this.slackUrlFile = slackUrlFile;
        }

        /** {@return the Microsoft Teams webhook URL given as the value itself (a front end may refuse it)} */
        public String getTeamsUrl() {
            return teamsUrl;
        }

        /**
         * Sets {@code teams-url}.
         *
         * @param teamsUrl the Microsoft Teams webhook URL given as the value itself (a front end may refuse it)
         */
        public void setTeamsUrl(String teamsUrl) {
            this.teamsUrl = teamsUrl;
        }

        /** {@return the environment variable holding the Teams webhook URL} */
        public String getTeamsUrlEnv() {
            return teamsUrlEnv;
        }

        /**
         * Sets {@code teams-url-env}.
         *
         * @param teamsUrlEnv the environment variable holding the Teams webhook URL
         */
        public void setTeamsUrlEnv(String teamsUrlEnv) {
            this.teamsUrlEnv = teamsUrlEnv;
        }

        /** {@return the file holding the Teams webhook URL; one trailing line break is dropped} */
        public Path getTeamsUrlFile() {
            return teamsUrlFile;
        }

        /**
         * Sets {@code teams-url-file}.
         *
         * @param teamsUrlFile the file holding the Teams webhook URL; one trailing line break is dropped
         */
        public void setTeamsUrlFile(Path teamsUrlFile) {
            this.teamsUrlFile = teamsUrlFile;
        }

        /** {@return the Discord webhook URL given as the value itself (a front end may refuse it)} */
        public String getDiscordUrl() {
            return discordUrl;
        }

        /**
         * Sets {@code discord-url}.
         *
         * @param discordUrl the Discord webhook URL given as the value itself (a front end may refuse it)
         */
        public void setDiscordUrl(String discordUrl) {
            this.discordUrl = discordUrl;
        }

        /** {@return the environment variable holding the Discord webhook URL} */
        public String getDiscordUrlEnv() {
            return discordUrlEnv;
        }

        /**
         * Sets {@code discord-url-env}.
         *
         * @param discordUrlEnv the environment variable holding the Discord webhook URL
         */
        public void setDiscordUrlEnv(String discordUrlEnv) {
            this.discordUrlEnv = discordUrlEnv;
        }

        /** {@return the file holding the Discord webhook URL; one trailing line break is dropped} */
        public Path getDiscordUrlFile() {
            return discordUrlFile;
        }

        /**
         * Sets {@code discord-url-file}.
         *
         * @param discordUrlFile the file holding the Discord webhook URL; one trailing line break is dropped
         */
        public void setDiscordUrlFile(Path discordUrlFile) {
            this.discordUrlFile = discordUrlFile;
        }

        /**
         * {@return the URL that receives each event as generic JSON, given as the value itself (a front end may refuse it)}
         */
        public String getWebhookUrl() {
            return webhookUrl;
        }

        /**
         * Sets {@code webhook-url}.
         *
         * @param webhookUrl the URL that receives each event as generic JSON, given as the value itself (a front end may refuse it)
         */
        public void setWebhookUrl(String webhookUrl) {
            this.webhookUrl = webhookUrl;
        }

        /** {@return the environment variable holding the generic JSON webhook URL} */
        public String getWebhookUrlEnv() {
            return webhookUrlEnv;
        }

        /**
         * Sets {@code webhook-url-env}.
         *
         * @param webhookUrlEnv the environment variable holding the generic JSON webhook URL
         */
        public void setWebhookUrlEnv(String webhookUrlEnv) {
            this.webhookUrlEnv = webhookUrlEnv;
        }

        /** {@return the file holding the generic JSON webhook URL; one trailing line break is dropped} */
        public Path getWebhookUrlFile() {
            return webhookUrlFile;
        }

        /**
         * Sets {@code webhook-url-file}.
         *
         * @param webhookUrlFile the file holding the generic JSON webhook URL; one trailing line break is dropped
         */
        public void setWebhookUrlFile(Path webhookUrlFile) {
            this.webhookUrlFile = webhookUrlFile;
        }

        /**
         * {@return the heartbeat URL pinged after each run, given as the value itself (a front end may refuse it)}
         */
        public String getHeartbeatUrl() {
            return heartbeatUrl;
        }

        /**
         * Sets {@code heartbeat-url}.
         *
         * @param heartbeatUrl the heartbeat URL pinged after each run, given as the value itself (a front end may refuse it)
         */
        public void setHeartbeatUrl(String heartbeatUrl) {
            this.heartbeatUrl = heartbeatUrl;
        }

        /** {@return the environment variable holding the heartbeat URL} */
        public String getHeartbeatUrlEnv() {
            return heartbeatUrlEnv;
        }

        /**
         * Sets {@code heartbeat-url-env}.
         *
         * @param heartbeatUrlEnv the environment variable holding the heartbeat URL
         */
        public void setHeartbeatUrlEnv(String heartbeatUrlEnv) {
            this.heartbeatUrlEnv = heartbeatUrlEnv;
        }

        /** {@return the file holding the heartbeat URL; one trailing line break is dropped} */
        public Path getHeartbeatUrlFile() {
            return heartbeatUrlFile;
        }

        /**
         * Sets {@code heartbeat-url-file}.
         *
         * @param heartbeatUrlFile the file holding the heartbeat URL; one trailing line break is dropped
         */
        public void setHeartbeatUrlFile(Path heartbeatUrlFile) {
            this.heartbeatUrlFile = heartbeatUrlFile;
        }

        /** {@return the Telegram bot that posts to a chat} */
        public TelegramSettings getTelegram() {
            return telegram;
        }

        /**
         * Sets {@code telegram}.
         *
         * @param telegram the Telegram bot that posts to a chat
         */
        public void setTelegram(TelegramSettings telegram) {
            this.telegram = telegram;
        }

        /** {@return the e-mail (SMTP) settings} */
        public EmailSettings getEmail() {
            return email;
        }

        /**
         * Sets {@code email}.
         *
         * @param email the e-mail (SMTP) settings
         */
        public void setEmail(EmailSettings email) {
            this.email = email;
        }
    }

    /** A Telegram bot; used when its token and chat id are set. */
    public static class TelegramSettings {

        /** The bot token BotFather gave, given as the value itself (the front end may refuse it: prefer botToken-env or botToken-file). */
        private String botToken;

        /** Environment variable holding the bot token botfather gave. */
        private String botTokenEnv;

        /** File holding the bot token botfather gave (e.g. a systemd credential); one trailing line break is dropped. */
        private Path botTokenFile;

        /** The chat's id, e.g. -1001234567890, or @channelname. */
        private String chatId;

        /** Creates settings with no bot: nothing is sent to Telegram. */
        public TelegramSettings() {
        }

        /** {@return the bot token BotFather gave, as the value itself (a front end may refuse it)} */
        public String getBotToken() {
            return botToken;
        }

        /**
         * Sets {@code bot-token}.
         *
         * @param botToken the bot token BotFather gave, as the value itself (a front end may refuse it)
         */
        public void setBotToken(String botToken) {
            this.botToken = botToken;
        }

        /** {@return the environment variable holding the bot token} */
        public String getBotTokenEnv() {
            return botTokenEnv;
        }

        /**
         * Sets {@code bot-token-env}.
         *
         * @param botTokenEnv the environment variable holding the bot token
         */
        public void setBotTokenEnv(String botTokenEnv) {
            this.botTokenEnv = botTokenEnv;
        }

        /** {@return the file holding the bot token; one trailing line break is dropped} */
        public Path getBotTokenFile() {
            return botTokenFile;
        }

        /**
         * Sets {@code bot-token-file}.
         *
         * @param botTokenFile the file holding the bot token; one trailing line break is dropped
         */
        public void setBotTokenFile(Path botTokenFile) {
            this.botTokenFile = botTokenFile;
        }

        /** {@return the chat's id, e.g. {@code -1001234567890}, or {@code @channelname}} */
        public String getChatId() {
            return chatId;
        }

        /**
         * Sets {@code chat-id}.
         *
         * @param chatId the chat's id, e.g. {@code -1001234567890}, or {@code @channelname}
         */
        public void setChatId(String chatId) {
            this.chatId = chatId;
        }
    }

    /** SMTP alerts; sent when host and to are set. */
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

        /** The SMTP password, given as the value itself (the front end may refuse it: prefer password-env or password-file). */
        private String password;

        /** Environment variable holding the smtp password. */
        private String passwordEnv;

        /** File holding the smtp password (e.g. a systemd credential); one trailing line break is dropped. */
        private Path passwordFile;

        /** Creates settings with no SMTP host (no e-mail is sent) and port 587. */
        public EmailSettings() {
        }

        /** {@return the SMTP server's host} */
        public String getHost() {
            return host;
        }

        /**
         * Sets {@code host}.
         *
         * @param host the SMTP server's host
         */
        public void setHost(String host) {
            this.host = host;
        }

        /** {@return the SMTP server's port (default 587)} */
        public int getPort() {
            return port;
        }

        /**
         * Sets {@code port}.
         *
         * @param port the SMTP server's port (default 587)
         */
        public void setPort(int port) {
            this.port = port;
        }

        /** {@return the sender address} */
        public String getFrom() {
            return from;
        }

        /**
         * Sets {@code from}.
         *
         * @param from the sender address
         */
        public void setFrom(String from) {
            this.from = from;
        }

        /** {@return the recipient addresses} */
        public List<String> getTo() {
            return to;
        }

        /**
         * Sets {@code to}.
         *
         * @param to the recipient addresses
         */
        public void setTo(List<String> to) {
            this.to = to;
        }

        /** {@return the SMTP login user; {@code null}: no login} */
        public String getUsername() {
            return username;
        }

        /**
         * Sets {@code username}.
         *
         * @param username the SMTP login user; {@code null}: no login
         */
        public void setUsername(String username) {
            this.username = username;
        }

        /** {@return the SMTP password given as the value itself (a front end may refuse it)} */
        public String getPassword() {
            return password;
        }

        /**
         * Sets {@code password}.
         *
         * @param password the SMTP password given as the value itself (a front end may refuse it)
         */
        public void setPassword(String password) {
            this.password = password;
        }

        /** {@return the environment variable holding the SMTP password} */
        public String getPasswordEnv() {
            return passwordEnv;
        }

        /**
         * Sets {@code password-env}.
         *
         * @param passwordEnv the environment variable holding the SMTP password
         */
        public void setPasswordEnv(String passwordEnv) {
            this.passwordEnv = passwordEnv;
        }

        /** {@return the file holding the SMTP password; one trailing line break is dropped} */
        public Path getPasswordFile() {
            return passwordFile;
        }

        /**
         * Sets {@code password-file}.
         *
         * @param passwordFile the file holding the SMTP password; one trailing line break is dropped
         */
        public void setPasswordFile(Path passwordFile) {
            this.passwordFile = passwordFile;
        }
    }

    /** A directory tree backed up beside the database, in the same backup. */
    public static class FilesSettings {

        /** The directory, e.g. /var/lib/app/uploads. */
        private Path path;

        /** The artifact's name (files-NAME.tar); unset: the directory's name. */
        private String name;

        /** Globs selecting the files to keep; empty keeps every file. */
        private List<String> include = new ArrayList<>();

        /** Globs of files and folders to leave out, e.g. cache/**. */
        private List<String> exclude = new ArrayList<>();

        /** Store only the files changed since the previous backup. */
        private boolean incremental;

        /** Skip files that cannot be read instead of failing the backup. */
        private boolean skipUnreadable;

        /** Creates settings with no directory yet; full copies, failing on unreadable files. */
        public FilesSettings() {
        }

        /** {@return the directory backed up} */
        public Path getPath() {
            return path;
        }

        /**
         * Sets {@code path}.
         *
         * @param path the directory backed up
         */
        public void setPath(Path path) {
            this.path = path;
        }

        /** {@return the artifact's name ({@code files-NAME.tar}); {@code null}: the directory's name} */
        public String getName() {
            return name;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the artifact's name ({@code files-NAME.tar}); {@code null}: the directory's name
         */
        public void setName(String name) {
            this.name = name;
        }

        /** {@return globs selecting the files to keep; empty keeps every file} */
        public List<String> getInclude() {
            return include;
        }

        /**
         * Sets {@code include}.
         *
         * @param include globs selecting the files to keep; empty keeps every file
         */
        public void setInclude(List<String> include) {
            this.include = include;
        }

        /** {@return globs of files and folders to leave out, e.g. {@code cache/**}} */
        public List<String> getExclude() {
            return exclude;
        }

        /**
         * Sets {@code exclude}.
         *
         * @param exclude globs of files and folders to leave out, e.g. {@code cache/**}
         */
        public void setExclude(List<String> exclude) {
            this.exclude = exclude;
        }

        /** {@return whether only the files changed since the previous backup are stored} */
        public boolean isIncremental() {
            return incremental;
        }

        /**
         * Sets {@code incremental}.
         *
         * @param incremental whether only the files changed since the previous backup are stored
         */
        public void setIncremental(boolean incremental) {
            this.incremental = incremental;
        }

        /** {@return whether files that cannot be read are skipped instead of failing the backup} */
        public boolean isSkipUnreadable() {
            return skipUnreadable;
        }

        /**
         * Sets {@code skip-unreadable}.
         *
         * @param skipUnreadable whether files that cannot be read are skipped instead of failing the backup
         */
        public void setSkipUnreadable(boolean skipUnreadable) {
            this.skipUnreadable = skipUnreadable;
        }
    }

    /** Continuous transaction-log shipping for point-in-time restores (PostgreSQL, MariaDB/MySQL). */
    public static class StreamingSettings {

        /** Whether the log is shipped continuously, beside the scheduled backups. */
        private boolean enabled;

        /** Ship the log file being written this often when it changed: the most a lost host loses. */
        private Duration partialInterval = Duration.ofSeconds(30);

        /** When the server does not allow log shipping, dump this often instead. */
        private Duration fallbackInterval = Duration.ofMinutes(15);

        /** Creates settings with shipping off, a 30-second partial interval and a 15-minute fallback. */
        public StreamingSettings() {
        }

        /** {@return whether the log is shipped continuously, beside the scheduled backups} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets {@code enabled}.
         *
         * @param enabled whether the log is shipped continuously, beside the scheduled backups
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return how often the log file being written is shipped when it changed: the most a lost host loses} */
        public Duration getPartialInterval() {
            return partialInterval;
        }

        /**
         * Sets {@code partial-interval}.
         *
         * @param partialInterval how often the log file being written is shipped when it changed: the most a lost host loses
         */
        public void setPartialInterval(Duration partialInterval) {
            this.partialInterval = partialInterval;
        }

        /** {@return how often to dump instead when the server does not allow log shipping} */
        public Duration getFallbackInterval() {
            return fallbackInterval;
        }

        /**
         * Sets {@code fallback-interval}.
         *
         * @param fallbackInterval how often to dump instead when the server does not allow log shipping
         */
        public void setFallbackInterval(Duration fallbackInterval) {
            this.fallbackInterval = fallbackInterval;
        }
    }
}
