package dev.planb.testing;

import dev.planb.Destination;
import dev.planb.destination.LocalDirectoryDestination;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryDestinationContractTest extends AbstractDestinationContractTest {

    @TempDir
    Path folder;

    @Override
    protected Destination destination() {
        return new LocalDirectoryDestination(folder.resolve("backups"));
    }
}
