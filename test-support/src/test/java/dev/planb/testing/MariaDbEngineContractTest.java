package dev.planb.testing;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import dev.planb.engine.DatabaseEngine;
import dev.planb.engine.mariadb.MariaDbEngine;
import dev.planb.engine.mariadb.MariaDbOptions;
import dev.planb.testing.server.MariaDbServer;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class MariaDbEngineContractTest extends AbstractDatabaseEngineContractTest
        implements CredentialsContract, ExternalToolContract {

    @TempDir
    Path folder;

    @Override
    public DatabaseEngine engine() {
        return new MariaDbEngine();
    }

    @Override
    protected DatabaseSource newDatabase() {
        return MariaDbServer.shared().newDatabase();
    }

    @Override
    protected DatabaseSource unreadableDatabase() {
        return DatabaseSource.of("jdbc:mariadb://127.0.0.1:1/nothing", MariaDbServer.USER, Secret.of("x"));
    }

    @Override
    protected String binaryType() {
        return "LONGBLOB";
    }

    @Override
    public DatabaseEngine engineWithoutTools() {
        return new MariaDbEngine(new MariaDbOptions(folder));
    }

    @Override
    public DatabaseSource readableDatabase() {
        return newDatabase();
    }

    @Override
    public DatabaseSource databaseWithWrongPassword() {
        DatabaseSource database = MariaDbServer.shared().newDatabase();
        return DatabaseSource.of(database.jdbcUrl(), MariaDbServer.USER, Secret.of(WRONG_PASSWORD));
    }
}
