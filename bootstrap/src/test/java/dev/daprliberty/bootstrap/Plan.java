package dev.daprliberty.bootstrap;

import java.util.List;

/** What a --dry-run printed: its "+ " lines, each a command line a real run executes. */
record Plan(List<String> lines) {

    static Plan of(Execution dryRun) {
        return new Plan(dryRun.stdout().lines().filter(line -> line.startsWith("+ "))
                .map(line -> line.substring(2)).toList());
    }
}
