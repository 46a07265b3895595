package dev.daprliberty.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark (README, "Performance"; run it with e2e/benchmark): the project's pair and the zero-work floor pair
 * (two Go net/http apps, e2e/floor) each in the same chain of real daprd and Sentry that dapr.yaml describes, both
 * chains up at once and measured in turns, so each run of the project is compared with a run of the floor made
 * moments before on the same noisy machine. Prints figures and ratios; it asserts nothing.
 */
public final class Benchmark {

    /** A greet load between two measured runs, so that the loaded pair starts warm. */
    private static final int REWARM_GREETS = 2_000;
    private static final Duration READY_LIMIT = Duration.ofMinutes(3);
    /** After the load, before the idle measurement: the spans of the last greets are exported by then. */
    private static final Duration IDLE_SETTLE = Duration.ofSeconds(3);
    private static final Duration IDLE = Duration.ofSeconds(20);

    /** One pair of apps in its chain. */
    private record Pair(String name, Chain chain, OtlpReceiver receiver) {
    }

    private Benchmark() {
    }

    public static void main(String[] args) {
        BenchmarkSettings settings = BenchmarkSettings.parse(args);
        System.out.printf("Benchmark: %s%n", settings);
        System.out.printf("Machine: %s; load average at start %s%n", BenchmarkReport.machine(), BenchmarkReport.loadAverage());
        System.out.printf("Apps' JVM: %s %s (the harness' own)%n", System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
        Chain.Options floorApps = Chain.Options.adapter("rest-client").withCommands(Map.of(
                "comms", List.of(settings.floor().resolve("comms").toString()),
                "greeter", List.of(settings.floor().resolve("greeter").toString())));
        try (OtlpReceiver floorReceiver = OtlpReceiver.counting();
                OtlpReceiver projectReceiver = OtlpReceiver.counting();
                Chain floor = Chain.start("benchmark-floor", floorApps, floorReceiver);
                Chain project = Chain.start("benchmark-liberty", Chain.Options.adapter("rest-client"), projectReceiver)) {
            List<Pair> pairs = List.of(new Pair("floor", floor, floorReceiver), new Pair("liberty", project, projectReceiver));
            System.out.printf("Chains ready (logs in %s and %s).%n", floor.folder(), project.folder());
            Map<String, List<BenchmarkRun>> runs = new LinkedHashMap<>();
            for (Pair pair : pairs) {
                System.out.printf("Warming up %s: %d greets...%n", pair.name(), settings.warmUp());
                GreetLoad.run(settings.loader(), pair.chain().comms("/greet"), settings.clients(), settings.warmUp());
                runs.put(pair.name(), new ArrayList<>());
            }
            for (int run = 1; run <= settings.runs(); run++) {
                for (Pair pair : pairs) {
                    BenchmarkRun figures = measure(pair, settings);
                    System.out.printf("  %s run %d: %s%n", pair.name(), run, figures.summary());
                    runs.get(pair.name()).add(figures);
                }
            }
            Map<String, BenchmarkRun.Idle> idle = new LinkedHashMap<>();
            for (Pair pair : pairs) {
                idle.put(pair.name(), idle(pair));
            }
            Map<String, List<Duration>> ready = new LinkedHashMap<>();
            for (Pair pair : pairs) {
                for (ManagedProcess app : List.of(pair.chain().greeter, pair.chain().comms)) {
                    List<Duration> times = new ArrayList<>();
                    for (int start = 0; start < settings.runs(); start++) {
                        times.add(timeToReady(app));
                    }
                    System.out.printf("  %s %s ready after %s%n", pair.name(), app.name(), times);
                    ready.put(pair.name() + " " + app.name(), times);
                }
            }
            System.out.println();
            System.out.print(new BenchmarkReport(runs, idle, ready).render());
            System.out.printf("%nLoad average at the end: %s%n", BenchmarkReport.loadAverage());
        }
    }

    /** Loads the pair's comms: a re-warm-up, then the measured greets (CPU and spans counted around them). */
    private static BenchmarkRun measure(Pair pair, BenchmarkSettings settings) {
        List<ManagedProcess> processes = processes(pair);
        GreetLoad.run(settings.loader(), pair.chain().comms("/greet"), settings.clients(), REWARM_GREETS);
        BenchmarkRun.Snapshot before = BenchmarkRun.Snapshot.of(processes, pair.receiver());
        GreetLoad load = GreetLoad.run(settings.loader(), pair.chain().comms("/greet"), settings.clients(), settings.greets());
        BenchmarkRun.Snapshot after = BenchmarkRun.Snapshot.of(processes, pair.receiver());
        if (load.firstError() != null) {
            System.out.printf("  %s: %d errors, the first: %s%n", pair.name(), load.errors(), load.firstError());
        }
        return BenchmarkRun.of(load, before, after, processes);
    }

    /** What the pair's processes spend while nobody greets: the sidecars' app health probes, the JVMs' own work. */
    private static BenchmarkRun.Idle idle(Pair pair) {
        List<ManagedProcess> processes = processes(pair);
        ManagedProcess.sleep(IDLE_SETTLE);
        BenchmarkRun.Snapshot before = BenchmarkRun.Snapshot.of(processes, pair.receiver());
        ManagedProcess.sleep(IDLE);
        return BenchmarkRun.Idle.of(before, BenchmarkRun.Snapshot.of(processes, pair.receiver()), IDLE);
    }

    private static List<ManagedProcess> processes(Pair pair) {
        return List.of(pair.chain().comms, pair.chain().greeter, pair.chain().commsSidecar, pair.chain().greeterSidecar);
    }

    /** Stops the app, starts it again as run-local does, and times its start to the first 2xx of its health path. */
    private static Duration timeToReady(ManagedProcess app) {
        app.stop();
        long start = System.nanoTime();
        app.start();
        while (!app.isReady()) {
            if (!app.alive() || System.nanoTime() - start > READY_LIMIT.toNanos()) {
                throw new IllegalStateException(app.name() + " did not get ready:\n" + app.logTail());
            }
            ManagedProcess.sleep(Duration.ofMillis(10));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The command line: numbers of greets and clients, and where the floor's binaries (and the load generator) are. */
    record BenchmarkSettings(int clients, int warmUp, int greets, int runs, Path floor) {

        Path loader() {
            return floor.resolve("load");
        }

        static BenchmarkSettings parse(String[] args) {
            Map<String, String> options = new LinkedHashMap<>(Map.of("--clients", "32", "--warm-up", "20000",
                    "--greets", "20000", "--runs", "3"));
            String floor = null;
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (args[i].equals("--floor")) {
                    floor = args[i + 1];
                } else if (options.containsKey(args[i])) {
                    options.put(args[i], args[i + 1]);
                } else {
                    throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (floor == null) {
                throw new IllegalArgumentException("--floor DIR (the floor's binaries and the load generator, built by e2e/benchmark) "
                        + "is required");
            }
            return new BenchmarkSettings(Integer.parseInt(options.get("--clients")), Integer.parseInt(options.get("--warm-up")),
                    Integer.parseInt(options.get("--greets")), Integer.parseInt(options.get("--runs")), Path.of(floor));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d clients without pause, %d greets of warm-up per pair, then %d runs of %d greets "
                    + "per pair in turns (each after %d greets of re-warm-up)", clients, warmUp, runs, greets, REWARM_GREETS);
        }
    }
}
