package dev.planb.testing;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import dev.planb.engine.DatabaseEngine;
import dev.planb.engine.mariadb.MariaDbEngine;
import dev.planb.testing.server.MariaDbServer;

class MariaDbEngineContractTest extends AbstractDatabaseEngineContractTest implements CredentialsContract {

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
    public DatabaseSource databaseWithWrongPassword() {
        DatabaseSource database = MariaDbServer.shared().newDatabase();
        return DatabaseSource.of(database.jdbcUrl(), MariaDbServer.USER, Secret.of(WRONG_PASSWORD));
    }
}
