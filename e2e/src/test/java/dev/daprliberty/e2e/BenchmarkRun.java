package dev.daprliberty.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one measured run of one pair: what the load generator saw, and what each process of the chain spent
 * between two snapshots around it.
 *
 * @param greets     greets answered in the run
 * @param perSecond  greets answered per second
 * @param p50        median latency (sent to answered, as the client saw it)
 * @param errors     answers other than greeter's greeting (fallbacks, non-200, no answer)
 * @param cpuMicros  CPU time per greet, in µs, of each process by name, and {@value #LOAD}'s
 * @param spans      spans exported per greet, by emitter
 * @param rssMib     each process' resident memory at the end of the run
 */
record BenchmarkRun(long greets, double perSecond, Duration p50, Duration p90, Duration p99, long errors,
        Map<String, Double> cpuMicros, Map<String, Double> spans, Map<String, Double> rssMib) {

    static final String LOAD = "load generator";

    /** CPU time used so far by each process, and spans received so far. */
    record Snapshot(Map<String, Long> cpuMicros, Map<String, Long> spans) {

        static Snapshot of(List<ManagedProcess> processes, OtlpReceiver receiver) {
            Map<String, Long> cpu = new LinkedHashMap<>();
            processes.forEach(process -> cpu.put(process.name(), ProcessUsage.cpuMicros(process.pid())));
            return new Snapshot(cpu, receiver.counts());
        }
    }

    /**
     * What the processes spent while nobody greeted.
     *
     * @param cpuMillisPerSecond CPU ms per second of each process by name
     * @param spansPerMinute     spans exported per minute, by emitter
     */
    record Idle(Map<String, Double> cpuMillisPerSecond, Map<String, Double> spansPerMinute) {

        static Idle of(Snapshot before, Snapshot after, Duration took) {
            double seconds = took.toMillis() / 1000.0;
            Map<String, Double> cpu = new LinkedHashMap<>();
            after.cpuMicros().forEach((name, micros) -> cpu.put(name, (micros - before.cpuMicros().get(name)) / 1000.0 / seconds));
            Map<String, Double> spans = new LinkedHashMap<>();
            after.spans().forEach((emitter, total) -> spans.put(emitter, (total - before.spans().getOrDefault(emitter, 0L)) * 60 / seconds));
            return new Idle(cpu, spans);
        }
    }

    static BenchmarkRun of(GreetLoad load, Snapshot before, Snapshot after, List<ManagedProcess> processes) {
        long count = load.greets();
        Map<String, Double> cpu = new LinkedHashMap<>();
        after.cpuMicros().forEach((name, micros) -> cpu.put(name, (double) (micros - before.cpuMicros().get(name)) / count));
        cpu.put(LOAD, (double) load.cpuMicros() / count);
        Map<String, Double> spans = new LinkedHashMap<>();
        after.spans().forEach((emitter, total) -> spans.put(emitter, (double) (total - before.spans().getOrDefault(emitter, 0L)) / count));
        Map<String, Double> rss = new LinkedHashMap<>();
        processes.forEach(process -> rss.put(process.name(), ProcessUsage.rssMib(process.pid())));
        return new BenchmarkRun(count, load.perSecond(), millis(load.p50Millis()), millis(load.p90Millis()), millis(load.p99Millis()),
                load.errors(), cpu, spans, rss);
    }

    private static Duration millis(double millis) {
        return Duration.ofNanos(Math.round(millis * 1e6));
    }
    /** CPU per greet of the two apps together. */
    double appsCpu() {
        return cpuMicros.get("comms") + cpuMicros.get("greeter");
    }

    /** CPU per greet of the two sidecars together. */
    double sidecarsCpu() {
        return cpuMicros.get("comms-daprd") + cpuMicros.get("greeter-daprd");
    }

    String summary() {
        return String.format(Locale.ROOT, "%d greets, %.0f/s, p50 %.1f ms, p99 %.1f ms, %d errors, CPU per greet: apps %.0f µs, "
                + "sidecars %.0f µs, %s %.0f µs", greets, perSecond, millis(p50), millis(p99), errors, appsCpu(), sidecarsCpu(), LOAD,
                cpuMicros.get(LOAD));
    }

    static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
