package dev.planb.testing;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import dev.planb.engine.DatabaseEngine;
import dev.planb.engine.H2Engine;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

class H2EngineContractTest extends AbstractDatabaseEngineContractTest implements CredentialsContract {

    @TempDir
    Path folder;

    @Override
    public DatabaseEngine engine() {
        return new H2Engine();
    }

    @Override
    protected DatabaseSource newDatabase() {
        return DatabaseSource.of("jdbc:h2:" + folder.resolve(UUID.randomUUID().toString()), "sa", Secret.of("s3cret"));
    }

    @Override
    protected DatabaseSource unreadableDatabase() {
        return DatabaseSource.of("jdbc:h2:" + folder.resolve("missing"), "sa", Secret.of("s3cret"));
    }

    @Override
    public DatabaseSource databaseWithWrongPassword() throws Exception {
        DatabaseSource database = populatedDatabase();
        return DatabaseSource.of(database.jdbcUrl(), "sa", Secret.of(WRONG_PASSWORD));
    }
}
