package dev.daprliberty.e2e;

import dev.daprliberty.e2e.LoadGenerator.Greet;
import dev.daprliberty.e2e.LoadGenerator.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one fault of the drill did to the greets, from the timeline: the fault starts, it ends (the process is
 * started again, resumed, fast again), its dependency is ready again, the greets are back to greeter's.
 *
 * @param requests           greets sent from the fault's start to the end of the recovery
 * @param notOk              of those, answers other than 200 (or no answer)
 * @param fallbackShare      share of comms' fallback among the greets sent while the fault lasted
 * @param firstRealAfter     from the dependency ready again to the first greeting of greeter's answered
 * @param mostlyRealAfter    from the dependency ready again to the first second in which 99% of greets were greeter's
 * @param p99                99th percentile of the greets sent while the fault lasted
 * @param max                the slowest of them
 * @param readinessWrong     how long comms' readiness said otherwise than the truth (ready unless its sidecar is down)
 */
record DrillFigures(int requests, long notOk, double fallbackShare, Optional<Duration> firstRealAfter,
        Optional<Duration> mostlyRealAfter, Duration p99, Duration max, Duration readinessWrong) {

    static final double MOSTLY = 0.99;
    static final Duration WINDOW = Duration.ofSeconds(1);
    private static final long STEP = Duration.ofMillis(100).toNanos();

    /**
     * @param greets        every greet of the run
     * @param faultStart    when the fault began
     * @param readyAgain    when its dependency was ready again
     * @param end           when the drill stopped watching this fault
     * @param readiness     comms' readiness samples
     * @param sidecarDown   when comms' own sidecar was down, if this fault took it down (from, to), else empty
     */
    static DrillFigures of(List<Greet> greets, long faultStart, long readyAgain, long end,
            List<ReadinessWatch.Sample> readiness, Optional<long[]> sidecarDown) {
        List<Greet> scenario = sentBetween(greets, faultStart, end);
        List<Greet> duringFault = sentBetween(greets, faultStart, readyAgain);
        long notOk = scenario.stream().filter(greet -> greet.status() != 200).count();
        double fallbackShare = duringFault.isEmpty() ? 0
                : (double) duringFault.stream().filter(greet -> greet.outcome() == Outcome.FALLBACK).count() / duringFault.size();
        Optional<Duration> firstReal = scenario.stream()
                .filter(greet -> greet.outcome() == Outcome.GREETER && greet.answeredNanos() >= readyAgain)
                .mapToLong(Greet::answeredNanos).min().stream().mapToObj(at -> Duration.ofNanos(at - readyAgain)).findFirst();
        List<Duration> latencies = duringFault.stream().map(Greet::took).sorted().toList();
        Duration p99 = latencies.isEmpty() ? Duration.ZERO : latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
        Duration max = latencies.isEmpty() ? Duration.ZERO : latencies.get(latencies.size() - 1);
        return new DrillFigures(scenario.size(), notOk, fallbackShare, firstReal,
                mostlyRealAfter(scenario, readyAgain, end), p99, max, readinessWrong(readiness, faultStart, end, sidecarDown));
    }

    /** The first 1 s window from readyAgain on in which at least 99% of the greets sent were answered by greeter. */
    private static Optional<Duration> mostlyRealAfter(List<Greet> greets, long readyAgain, long end) {
        for (long from = readyAgain; from + WINDOW.toNanos() <= end; from += STEP) {
            List<Greet> window = sentBetween(greets, from, from + WINDOW.toNanos());
            long real = window.stream().filter(greet -> greet.outcome() == Outcome.GREETER).count();
            if (!window.isEmpty() && real >= MOSTLY * window.size()) {
                return Optional.of(Duration.ofNanos(from - readyAgain));
            }
        }
        return Optional.empty();
    }

    private static Duration readinessWrong(List<ReadinessWatch.Sample> samples, long from, long to, Optional<long[]> sidecarDown) {
        long wrong = samples.stream()
                .filter(sample -> sample.atNanos() >= from && sample.atNanos() < to)
                .filter(sample -> sample.ready() == sidecarDown
                        .map(down -> sample.atNanos() >= down[0] && sample.atNanos() < down[1]).orElse(false))
                .count();
        return ReadinessWatch.EVERY.multipliedBy(wrong);
    }

    static List<Greet> sentBetween(List<Greet> greets, long from, long to) {
        return greets.stream().filter(greet -> greet.sentNanos() >= from && greet.sentNanos() < to).toList();
    }
}
