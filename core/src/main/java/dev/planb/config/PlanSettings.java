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

    public DatabaseSettings getDatabase() {
        return database;
    }

    public void setDatabase(DatabaseSettings database) {
        this.database = database;
    }

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

    public void setEncryption(EncryptionSettings encryption) {
        this.encryption = encryption;
    }

    public VerificationSettings getVerification() {
        return verification;
    }

    public void setVerification(VerificationSettings verification) {
        this.verification = verification;
    }

    public NotifierSettings getNotifiers() {
        return notifiers;
    }

    public void setNotifiers(NotifierSettings notifiers) {
        this.notifiers = notifiers;
    }

    public List<FilesSettings> getFiles() {
        return files;
    }

    public void setFiles(List<FilesSettings> files) {
        this.files = files;
    }

    public StreamingSettings getStreaming() {
        return streaming;
    }

    public void setStreaming(StreamingSettings streaming) {
        this.streaming = streaming;
    }

    public DestructiveChangeSettings getDestructiveChange() {
        return destructiveChange;
    }

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

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public long getMinRows() {
            return minRows;
        }

        public void setMinRows(long minRows) {
            this.minRows = minRows;
        }

        public String getMaxLoss() {
            return maxLoss;
        }

        public void setMaxLoss(String maxLoss) {
            this.maxLoss = maxLoss;
        }

        public Map<String, TableThresholdSettings> getTables() {
            return tables;
        }

        public void setTables(Map<String, TableThresholdSettings> tables) {
            this.tables = tables;
        }

        public List<String> getIgnore() {
            return ignore;
        }

        public void setIgnore(List<String> ignore) {
            this.ignore = ignore;
        }

        public Duration getHold() {
            return hold;
        }

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

        public Long getMinRows() {
            return minRows;
        }

        public void setMinRows(Long minRows) {
            this.minRows = minRows;
        }

        public String getMaxLoss() {
            return maxLoss;
        }

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

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getPasswordEnv() {
            return passwordEnv;
        }

        public void setPasswordEnv(String passwordEnv) {
            this.passwordEnv = passwordEnv;
        }

        public Path getPasswordFile() {
            return passwordFile;
        }

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

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }

        public RetentionSettings getRetention() {
            return retention;
        }

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

        /** Whether any rule is set. */
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

        public List<Path> getPublicKeys() {
            return publicKeys;
        }

        public void setPublicKeys(List<Path> publicKeys) {
            this.publicKeys = publicKeys;
        }

        public String getPassphrase() {
            return passphrase;
        }

        public void setPassphrase(String passphrase) {
            this.passphrase = passphrase;
        }

        public String getPassphraseEnv() {
            return passphraseEnv;
        }

        public void setPassphraseEnv(String passphraseEnv) {
            this.passphraseEnv = passphraseEnv;
        }

        public Path getPassphraseFile() {
            return passphraseFile;
        }

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

        public DatabaseSettings getServer() {
            return server;
        }

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

        public String getSlackUrl() {
            return slackUrl;
        }

        public void setSlackUrl(String slackUrl) {
            this.slackUrl = slackUrl;
        }

        public String getSlackUrlEnv() {
            return slackUrlEnv;
        }

        public void setSlackUrlEnv(String slackUrlEnv) {
            this.slackUrlEnv = slackUrlEnv;
        }

        public Path getSlackUrlFile() {
            return slackUrlFile;
        }

        public void setSlackUrlFile(Path slackUrlFile) {
            this.slackUrlFile = slackUrlFile;
        }

        public String getTeamsUrl() {
            return teamsUrl;
        }

        public void setTeamsUrl(String teamsUrl) {
            this.teamsUrl = teamsUrl;
        }

        public String getTeamsUrlEnv() {
            return teamsUrlEnv;
        }

        public void setTeamsUrlEnv(String teamsUrlEnv) {
            this.teamsUrlEnv = teamsUrlEnv;
        }

        public Path getTeamsUrlFile() {
            return teamsUrlFile;
        }

        public void setTeamsUrlFile(Path teamsUrlFile) {
            this.teamsUrlFile = teamsUrlFile;
        }

        public String getDiscordUrl() {
            return discordUrl;
        }

        public void setDiscordUrl(String discordUrl) {
            this.discordUrl = discordUrl;
        }

        public String getDiscordUrlEnv() {
            return discordUrlEnv;
        }

        public void setDiscordUrlEnv(String discordUrlEnv) {
            this.discordUrlEnv = discordUrlEnv;
        }

        public Path getDiscordUrlFile() {
            return discordUrlFile;
        }

        public void setDiscordUrlFile(Path discordUrlFile) {
            this.discordUrlFile = discordUrlFile;
        }

        public String getWebhookUrl() {
            return webhookUrl;
        }

        public void setWebhookUrl(String webhookUrl) {
            this.webhookUrl = webhookUrl;
        }

        public String getWebhookUrlEnv() {
            return webhookUrlEnv;
        }

        public void setWebhookUrlEnv(String webhookUrlEnv) {
            this.webhookUrlEnv = webhookUrlEnv;
        }

        public Path getWebhookUrlFile() {
            return webhookUrlFile;
        }

        public void setWebhookUrlFile(Path webhookUrlFile) {
            this.webhookUrlFile = webhookUrlFile;
        }

        public String getHeartbeatUrl() {
            return heartbeatUrl;
        }

        public void setHeartbeatUrl(String heartbeatUrl) {
            this.heartbeatUrl = heartbeatUrl;
        }

        public String getHeartbeatUrlEnv() {
            return heartbeatUrlEnv;
        }

        public void setHeartbeatUrlEnv(String heartbeatUrlEnv) {
            this.heartbeatUrlEnv = heartbeatUrlEnv;
        }

        public Path getHeartbeatUrlFile() {
            return heartbeatUrlFile;
        }

        public void setHeartbeatUrlFile(Path heartbeatUrlFile) {
            this.heartbeatUrlFile = heartbeatUrlFile;
        }

        public TelegramSettings getTelegram() {
            return telegram;
        }

        public void setTelegram(TelegramSettings telegram) {
            this.telegram = telegram;
        }

        public EmailSettings getEmail() {
            return email;
        }

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

        public String getBotToken() {
            return botToken;
        }

        public void setBotToken(String botToken) {
            this.botToken = botToken;
        }

        public String getBotTokenEnv() {
            return botTokenEnv;
        }

        public void setBotTokenEnv(String botTokenEnv) {
            this.botTokenEnv = botTokenEnv;
        }

        public Path getBotTokenFile() {
            return botTokenFile;
        }

        public void setBotTokenFile(Path botTokenFile) {
            this.botTokenFile = botTokenFile;
        }

        public String getChatId() {
            return chatId;
        }

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

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getPasswordEnv() {
            return passwordEnv;
        }

        public void setPasswordEnv(String passwordEnv) {
            this.passwordEnv = passwordEnv;
        }

        public Path getPasswordFile() {
            return passwordFile;
        }

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

        public Path getPath() {
            return path;
        }

        public void setPath(Path path) {
            this.path = path;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public List<String> getInclude() {
            return include;
        }

        public void setInclude(List<String> include) {
            this.include = include;
        }

        public List<String> getExclude() {
            return exclude;
        }

        public void setExclude(List<String> exclude) {
            this.exclude = exclude;
        }

        public boolean isIncremental() {
            return incremental;
        }

        public void setIncremental(boolean incremental) {
            this.incremental = incremental;
        }

        public boolean isSkipUnreadable() {
            return skipUnreadable;
        }

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

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getPartialInterval() {
            return partialInterval;
        }

        public void setPartialInterval(Duration partialInterval) {
            this.partialInterval = partialInterval;
        }

        public Duration getFallbackInterval() {
            return fallbackInterval;
        }

        public void setFallbackInterval(Duration fallbackInterval) {
            this.fallbackInterval = fallbackInterval;
        }
    }
}
