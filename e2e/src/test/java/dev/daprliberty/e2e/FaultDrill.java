package dev.daprliberty.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fault drill (README, "Fault drills"; run it with e2e/fault-drill): the greet chain with real daprd and Sentry
 * under a steady load of 8 clients, and one fault at a time. For each it prints what the clients saw. It asserts
 * nothing: the end-to-end tests assert the behaviour, this measures the times.
 */
public final class FaultDrill {

    private static final int CLIENTS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration BEFORE_FAULT = Duration.ofSeconds(5);
    /** How long the drill waits, after the dependency is ready again, for 99% of greets to be greeter's. */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);
    /** Well above Dapr's per-attempt timeout (gitops/dapr-config/base/resiliency.yaml). */
    static final Duration SLOW = Duration.ofSeconds(1);

    /** One fault: how it starts, how it ends, and the process whose readiness says it is over. */
    private record Fault(String name, Runnable begin, Runnable end, ManagedProcess dependency, boolean takesCommsSidecar) {
    }

    private FaultDrill() {
    }

    public static void main(String[] args) {
        Duration faultLasts = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 20);
        System.out.printf("Fault drill: %d clients greet comms without pause; each fault lasts %d s.%n", CLIENTS,
                faultLasts.toSeconds());
        try (OtlpReceiver receiver = OtlpReceiver.start();
                Chain chain = Chain.start("fault-drill", Chain.Options.adapter("rest-client").withSlowableGreeter(), receiver);
                LoadGenerator load = new LoadGenerator(chain.comms("/greet"), CLIENTS);
                ReadinessWatch readiness = new ReadinessWatch(chain.comms("/health/ready"))) {
            System.out.printf("Chain ready (logs in %s); warming up for %d s...%n", chain.folder(), WARM_UP.toSeconds());
            ManagedProcess.sleep(WARM_UP);
            List<String> rows = new ArrayList<>();
            for (Fault fault : faults(chain)) {
                rows.add(drill(fault, faultLasts, load, readiness));
            }
            List<LoadGenerator.Greet> all = load.greets();
            System.out.println();
            System.out.println("| fault | requests | not 200 | fallback while it lasts | first greeting of greeter's after ready "
                    + "| 99% greeter's after ready | p99 / max while it lasts | readiness wrong |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
            rows.forEach(System.out::println);
            System.out.printf("%nIn all: %d greets, %d answered other than 200.%n", all.size(),
                    all.stream().filter(greet -> greet.status() != 200).count());
        }
    }

    private static List<Fault> faults(Chain chain) {
        return List.of(
                new Fault("greeter killed (SIGKILL), then started", chain.greeter::kill, chain.greeter::start, chain.greeter, false),
                new Fault("greeter hung (SIGSTOP), then resumed (SIGCONT)", chain.greeter::pause, chain.greeter::resume,
                        chain.greeter, false),
                new Fault("greeter's sidecar killed, then started", chain.greeterSidecar::kill, chain.greeterSidecar::start,
                        chain.greeterSidecar, false),
                new Fault("comms' sidecar killed, then started", chain.commsSidecar::kill, chain.commsSidecar::start,
                        chain.commsSidecar, true),
                new Fault("greeter slow (" + SLOW.toMillis() + " ms a request)", () -> chain.slowGreeter(SLOW),
                        () -> chain.slowGreeter(Duration.ZERO), chain.greeter, false));
    }

    private static String drill(Fault fault, Duration lasts, LoadGenerator load, ReadinessWatch readiness) {
        System.out.printf("%s: %s...%n", Instant.now(), fault.name());
        ManagedProcess.sleep(BEFORE_FAULT);
        long faultStart = System.nanoTime();
        fault.begin().run();
        ManagedProcess.sleep(lasts);
        long ended = System.nanoTime();
        fault.end().run();
        fault.dependency().awaitReady(Chain.READY_TIMEOUT);
        long readyAgain = System.nanoTime();
        long end = awaitMostlyReal(load, readyAgain);
        Optional<long[]> sidecarDown = fault.takesCommsSidecar() ? Optional.of(new long[] {faultStart, readyAgain}) : Optional.empty();
        DrillFigures figures = DrillFigures.of(load.greets(), faultStart, readyAgain, end, readiness.samples(), sidecarDown);
        System.out.printf("  ready again %.1f s after the fault ended; %s%n", seconds(readyAgain - ended), figures);
        return String.format(Locale.ROOT, "| %s | %d | %d | %.1f%% | %s | %s | %d / %d ms | %s |", fault.name(),
                figures.requests(), figures.notOk(), 100 * figures.fallbackShare(), seconds(figures.firstRealAfter()),
                seconds(figures.mostlyRealAfter()), figures.p99().toMillis(), figures.max().toMillis(),
                figures.readinessWrong().isZero() ? "0" : String.format(Locale.ROOT, "%.2f s", figures.readinessWrong().toMillis() / 1000.0));
    }

    /** Waits until a whole second of greets was 99% greeter's (and one more), or the recovery limit; returns when. */
    private static long awaitMostlyReal(LoadGenerator load, long readyAgain) {
        long limit = readyAgain + RECOVERY_LIMIT.toNanos();
        while (System.nanoTime() < limit) {
            ManagedProcess.sleep(Duration.ofSeconds(1));
            long now = System.nanoTime();
            List<LoadGenerator.Greet> lastSecond = DrillFigures.sentBetween(load.greets(), now - DrillFigures.WINDOW.toNanos() * 2,
                    now - DrillFigures.WINDOW.toNanos());
            long real = lastSecond.stream().filter(greet -> greet.outcome() == LoadGenerator.Outcome.GREETER).count();
            if (!lastSecond.isEmpty() && real >= DrillFigures.MOSTLY * lastSecond.size()) {
                return now;
            }
        }
        return limit;
    }

    private static String seconds(Optional<Duration> duration) {
        return duration.map(value -> String.format(Locale.ROOT, "%.1f s", value.toMillis() / 1000.0)).orElse("not within "
                + RECOVERY_LIMIT.toSeconds() + " s");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
