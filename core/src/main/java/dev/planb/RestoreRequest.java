package dev.planb;

import dev.planb.crypto.Decryption;
import java.util.Objects;
import java.util.Optional;

/**
 * What to restore, from where, into which database.
 *
 * <pre>{@code
 * RestoreResult result = PlanB.restore(RestoreRequest.builder()
 *         .from(new LocalDirectoryDestination(Path.of("/var/backups/app")))
 *         .plan("app")
 *         .backup("latest")
 *         .target(DatabaseSource.of("jdbc:sqlite:/tmp/restored.db"))
 *         .build());
 * }</pre>
 *
 * @param from the destination to read the backup from; any one holding it will do
 * @param plan the plan's name, or {@code null} when the destination holds a single plan
 * @param backup a backup id, or {@code latest}
 * @param target the database to restore into
 * @param force whether to replace the content of a database that already holds data
 * @param progress receives progress reports
 * @param decryption the key or passphrase that opens an encrypted backup; {@link Decryption#none()} if not needed
 */
public record RestoreRequest(Destination from, String plan, String backup, DatabaseSource target, boolean force,
        ProgressListener progress, Decryption decryption) {

    /** The word that selects the newest backup. */
    public static final String LATEST = "latest";

    /** Checks the required settings. */
    public RestoreRequest {
        if (from == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "restore source is not set: give the destination to restore from");
        }
        if (target == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "restore target is not set: give the JDBC URL of the database to restore into");
        }
        backup = backup == null ? LATEST : backup;
        progress = Objects.requireNonNullElse(progress, ProgressListener.NONE);
        decryption = Objects.requireNonNullElse(decryption, Decryption.none());
    }

    /** The plan, if one was named. */
    public Optional<String> planName() {
        return Optional.ofNullable(plan);
    }

    /** Starts a request. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RestoreRequest}. */
    public static final class Builder {
        private Destination from;
        private String plan;
        private String backup = LATEST;
        private DatabaseSource target;
        private boolean force;
        private ProgressListener progress = ProgressListener.NONE;
        private Decryption decryption = Decryption.none();

        private Builder() {
        }

        /** The destination to read from (required). */
        public Builder from(Destination from) {
            this.from = from;
            return this;
        }

        /** The plan (optional when the destination holds only one). */
        public Builder plan(String plan) {
            this.plan = plan;
            return this;
        }

        /** A backup id, or {@code latest} (the default). */
        public Builder backup(String backup) {
            this.backup = backup;
            return this;
        }

        /** The database to restore into (required). */
        public Builder target(DatabaseSource target) {
            this.target = target;
            return this;
        }

        /** Replace the content of a database that already holds data (default: refuse). */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /** Receives progress reports. */
        public Builder progress(ProgressListener progress) {
            this.progress = progress;
            return this;
        }

        /** The secret key or passphrase that opens an encrypted backup (not needed otherwise). */
        public Builder decryption(Decryption decryption) {
            this.decryption = decryption;
            return this;
        }

        /** Makes the request. */
        public RestoreRequest build() {
            return new RestoreRequest(from, plan, backup, target, force, progress, decryption);
        }
    }
}
