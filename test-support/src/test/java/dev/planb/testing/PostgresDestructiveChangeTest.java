package dev.planb.testing;

import dev.planb.DatabaseSource;
import dev.planb.testing.server.PostgresServer;

class PostgresDestructiveChangeTest extends AbstractDestructiveChangeTest {

    @Override
    protected DatabaseSource newDatabase() {
        return PostgresServer.shared().newDatabase();
    }
}
