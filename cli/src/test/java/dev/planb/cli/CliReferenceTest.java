/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.testing.GeneratedDocs;
import org.junit.jupiter.api.Test;

/** {@code docs/reference/cli.md} is what {@link CliReference} generates from today's commands. */
class CliReferenceTest {

    @Test
    void theCommittedReferenceListsEveryCommandAndOptionAsTheyAre() {
        GeneratedDocs.check(GeneratedDocs.page("reference/cli.md"), CliReference.markdown(PlanBCommand.commandLine()));
    }
}
