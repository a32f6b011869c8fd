package dev.planb.spring.autoconfigure;

import static dev.planb.spring.autoconfigure.InvalidPlanBPropertyException.converting;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.planb.BackupPlan;
import dev.planb.Compression;
import dev.planb.DatabaseSource;
import dev.planb.Secret;
import dev.planb.crypto.Encryption;
import dev.planb.internal.Durations;
import dev.planb.notify.Email;
import dev.planb.notify.Heartbeat;
import dev.planb.notify.Webhook;
import dev.planb.retention.RetentionPolicy;
import dev.planb.schedule.Schedule;
import dev.planb.verify.VerificationPolicy;

/** Builds a {@link BackupPlan} from {@link PlanSettings}, naming the property of any bad setting. */
final class PlanFactory {

    private final Destinations destinations;
    private final List<BackupPlanCustomizer> customizers;

    PlanFactory(Destinations destinations, List<BackupPlanCustomizer> customizers) {
        this.destinations = destinations;
        this.customizers = customizers;
    }

    /**
     * @param prefix the settings' property prefix, e.g. {@code planb} or {@code planb.plans.reports}
     */
    BackupPlan create(String name, String prefix, PlanSettings settings, DatabaseSource database) {
        BackupPlan.Builder plan = converting(prefix + ".name", () -> BackupPlan.builder(name)).database(database);
        plan.schedule(converting(prefix + ".schedule", () -> schedule(settings.getSchedule())));
        plan.timeout(settings.getTimeout());
        if (settings.getMaxAge() != null) {
            plan.maxAge(settings.getMaxAge());
        }
        plan.compression(converting(prefix + ".compression", () -> Compression.fromId(settings.getCompression())));
        plan.encryption(converting(prefix + ".encryption", () -> encryption(settings.getEncryption())));
        if (settings.getDestinations().isEmpty()) {
            throw new InvalidPlanBPropertyException(prefix + ".destinations[0].uri",
                    "no destination: set it to a folder (file:./backups), sftp://… or s3://…");
        }
        for (int i = 0; i < settings.getDestinations().size(); i++) {
            String property = prefix + ".destinations[" + i + "]";
            PlanSettings.DestinationSettings destination = settings.getDestinations().get(i);
            var target = destinations.resolve(property + ".uri", destination.getUri());
            Optional<RetentionPolicy> retention = converting(property + ".retention",
                    () -> retention(destination.getRetention()));
            retention.ifPresentOrElse(policy -> plan.destination(target, policy), () -> plan.destination(target));
        }
        converting(prefix + ".verification", () -> verification(settings.getVerification()))
                .ifPresent(plan::verification);
        addNotifiers(prefix + ".notifiers", settings.getNotifiers(), plan);
        customizers.forEach(customizer -> customizer.customize(name, plan));
        return converting(prefix, plan::build);
    }

    /** A cron expression, or an interval such as {@code 10s} or {@code PT6H}. */
    static Schedule schedule(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("not set: use a cron expression (0 0 2 * * *) or an interval (1h)");
        }
        Optional<Duration> interval = text.trim().indexOf(' ') < 0 ? Durations.parse(text) : Optional.empty();
        return interval.map(Schedule::every).orElseGet(() -> Schedule.cron(text.trim()));
    }

    private static Encryption encryption(PlanSettings.EncryptionSettings settings) {
        boolean keys = !settings.getPublicKeys().isEmpty();
        boolean passphrase = settings.getPassphraseEnv() != null;
        if (keys && passphrase) {
            throw new IllegalArgumentException("set public-keys or passphrase-env, not both");
        }
        if (keys) {
            return Encryption.toPublicKeys(settings.getPublicKeys());
        }
        return passphrase ? Encryption.withPassphrase(Secret.fromEnvironment(settings.getPassphraseEnv()))
                : Encryption.none();
    }

    private static Optional<RetentionPolicy> retention(PlanSettings.RetentionSettings settings) {
        if (!settings.isSet()) {
            return Optional.empty();
        }
        RetentionPolicy.Builder policy = RetentionPolicy.builder();
        Optional.ofNullable(settings.getKeepLast()).ifPresent(policy::keepLast);
        Optional.ofNullable(settings.getKeepHourly()).ifPresent(policy::keepHourly);
        Optional.ofNullable(settings.getKeepDaily()).ifPresent(policy::keepDaily);
        Optional.ofNullable(settings.getKeepWeekly()).ifPresent(policy::keepWeekly);
        Optional.ofNullable(settings.getKeepMonthly()).ifPresent(policy::keepMonthly);
        Optional.ofNullable(settings.getKeepYearly()).ifPresent(policy::keepYearly);
        Optional.ofNullable(settings.getKeepWithin()).ifPresent(policy::keepWithin);
        return Optional.of(policy.build());
    }

    private static Optional<VerificationPolicy> verification(PlanSettings.VerificationSettings settings) {
        if (settings.getEvery() == null && settings.getEveryNthBackup() == null) {
            return Optional.empty();
        }
        if (settings.getEvery() != null && settings.getEveryNthBackup() != null) {
            throw new IllegalArgumentException("set every or every-nth-backup, not both");
        }
        VerificationPolicy.Builder policy = settings.getEvery() != null ? VerificationPolicy.every(settings.getEvery())
                : VerificationPolicy.everyNthBackup(settings.getEveryNthBackup());
        settings.getChecks().forEach(policy::check);
        settings.getFingerprints().forEach(policy::fingerprint);
        Optional.ofNullable(settings.getMaxAge()).ifPresent(policy::maxAge);
        return Optional.of(policy.build());
    }

    private static void addNotifiers(String prefix, PlanSettings.NotifierSettings settings, BackupPlan.Builder plan) {
        if (settings.getSlackUrlEnv() != null) {
            plan.notifier(converting(prefix + ".slack-url-env",
                    () -> Webhook.slack(Secret.fromEnvironment(settings.getSlackUrlEnv())).build()));
        }
        if (settings.getTeamsUrlEnv() != null) {
            plan.notifier(converting(prefix + ".teams-url-env",
                    () -> Webhook.teams(Secret.fromEnvironment(settings.getTeamsUrlEnv())).build()));
        }
        if (settings.getDiscordUrlEnv() != null) {
            plan.notifier(converting(prefix + ".discord-url-env",
                    () -> Webhook.discord(Secret.fromEnvironment(settings.getDiscordUrlEnv())).build()));
        }
        if (settings.getWebhookUrlEnv() != null) {
            plan.notifier(converting(prefix + ".webhook-url-env",
                    () -> Webhook.json(Secret.fromEnvironment(settings.getWebhookUrlEnv())).build()));
        }
        if (settings.getHeartbeatUrlEnv() != null) {
            plan.notifier(converting(prefix + ".heartbeat-url-env",
                    () -> Heartbeat.to(Secret.fromEnvironment(settings.getHeartbeatUrlEnv())).build()));
        }
        PlanSettings.EmailSettings email = settings.getEmail();
        if (email.getHost() != null) {
            plan.notifier(converting(prefix + ".email", () -> {
                Email.Builder mail = Email.smtp(email.getHost(), email.getPort()).to(email.getTo().toArray(String[]::new));
                Optional.ofNullable(email.getFrom()).ifPresent(mail::from);
                if (email.getUsername() != null) {
                    mail.login(email.getUsername(), email.getPasswordEnv() == null ? Secret.of("")
                            : Secret.fromEnvironment(email.getPasswordEnv()));
                }
                return mail.build();
            }));
        }
    }
}
