package dev.daprliberty.comms;

import java.util.concurrent.ThreadLocalRandom;

/** W3C trace ids for tests. */
final class TraceIds {

    private TraceIds() {
    }

    /** A trace id no earlier request used, so the server must have continued this very trace. */
    static String fresh() {
        return String.format("%016x%016x", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), System.nanoTime());
    }
}
