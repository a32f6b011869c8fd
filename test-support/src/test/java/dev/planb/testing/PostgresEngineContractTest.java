package dev.planb.testing;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import dev.planb.engine.DatabaseEngine;
import dev.planb.engine.postgres.PostgresEngine;
import dev.planb.testing.server.PostgresServer;

class PostgresEngineContractTest extends AbstractDatabaseEngineContractTest implements CredentialsContract {

    @Override
    public DatabaseEngine engine() {
        return new PostgresEngine();
    }

    @Override
    protected DatabaseSource newDatabase() {
        return PostgresServer.shared().newDatabase();
    }

    @Override
    protected DatabaseSource unreadableDatabase() throws Exception {
        return DatabaseSource.of("jdbc:postgresql://127.0.0.1:1/nothing", PostgresServer.USER, Secret.of("x"));
    }

    @Override
    protected String binaryType() {
        return "BYTEA";
    }

    @Override
    public DatabaseSource databaseWithWrongPassword() {
        DatabaseSource database = PostgresServer.shared().newDatabase();
        return DatabaseSource.of(database.jdbcUrl(), PostgresServer.USER, Secret.of(WRONG_PASSWORD));
    }
}
