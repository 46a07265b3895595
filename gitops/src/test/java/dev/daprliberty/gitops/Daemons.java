package dev.daprliberty.gitops;

import java.util.ArrayList;
import java.util.List;

/** The daemons one part of the loop started, stopped together in reverse order. */
final class Daemons implements AutoCloseable {

    private final List<Daemon> started = new ArrayList<>();

    Daemon add(Daemon daemon) {
        started.add(daemon);
        return daemon;
    }

    /** Each daemon that is no longer running, with the end of its log; empty while all run. */
    String dead() {
        StringBuilder dead = new StringBuilder();
        for (Daemon daemon : started) {
            if (!daemon.isAlive()) {
                dead.append(daemon.name()).append(" exited; the end of its log:\n").append(daemon.logTail()).append('\n');
            }
        }
        return dead.toString();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}
