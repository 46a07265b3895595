package dev.daprliberty.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fault drill's faults on greeter's side under a steady load (greeter killed, hung, slow; its sidecar killed),
 * their behaviour asserted (e2e/fault-drill measures the times; CommsSidecarStoppedIT covers comms' sidecar): nothing
 * but 200 answers at any time, comms' fallback while greeter cannot answer, greeter's greetings back once it can,
 * and comms' readiness true throughout (comms stays ready: its sidecar is there, and the fallback answers).
 */
class FaultsUnderLoadIT {

    private static final int CLIENTS = 4;
    private static final Duration FAULT_LASTS = Duration.ofSeconds(5);
    /** A bound on "it comes back", generous for a loaded CI machine; e2e/fault-drill prints the real figure. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(30);

    @RegisterExtension
    static final OwnChain OWN = new OwnChain("faults-under-load", Chain.Options.adapter("rest-client").withSlowableGreeter());

    private final Chain chain = OWN.chain();

    @Test
    void greeterKilledAndStartedAgain() {
        DrillFigures figures = underLoad(chain.greeter::kill, chain.greeter::start, chain.greeter);

        assertFallbackThenBack(figures);
    }

    @Test
    void greeterHungAndResumed() {
        DrillFigures figures = underLoad(chain.greeter::pause, chain.greeter::resume, chain.greeter);

        assertFallbackThenBack(figures);
    }

    @Test
    void greeterSidecarKilledAndStartedAgain() {
        DrillFigures figures = underLoad(chain.greeterSidecar::kill, chain.greeterSidecar::start, chain.greeterSidecar);

        assertFallbackThenBack(figures);
    }

    @Test
    void greeterSlowThenFastAgain() {
        DrillFigures figures = underLoad(() -> chain.slowGreeter(FaultDrill.SLOW), () -> chain.slowGreeter(Duration.ZERO), chain.greeter);

        assertFallbackThenBack(figures);
    }

    private static void assertFallbackThenBack(DrillFigures figures) {
        System.out.println(figures);
        assertThat(figures.notOk()).as("answers other than 200").isZero();
        assertThat(figures.fallbackShare()).as("share of fallbacks while greeter could not answer").isGreaterThan(0.5);
        assertThat(figures.firstRealAfter()).as("greeter's greetings back once it can answer").isPresent();
        assertThat(figures.readinessWrong()).as("time comms said it was not ready").isZero();
    }

    private DrillFigures underLoad(Runnable begin, Runnable end, ManagedProcess dependency) {
        try (LoadGenerator load = new LoadGenerator(chain.comms("/greet"), CLIENTS);
                ReadinessWatch readiness = new ReadinessWatch(chain.comms("/health/ready"))) {
            ManagedProcess.sleep(Duration.ofSeconds(2));
            long faultStart = System.nanoTime();
            begin.run();
            ManagedProcess.sleep(FAULT_LASTS);
            end.run();
            dependency.awaitReady(Chain.READY_TIMEOUT);
            long readyAgain = System.nanoTime();
            long limit = readyAgain + BACK_WITHIN.toNanos();
            while (System.nanoTime() < limit && DrillFigures.sentBetween(load.greets(), readyAgain, System.nanoTime()).stream()
                    .noneMatch(greet -> greet.outcome() == LoadGenerator.Outcome.GREETER)) {
                ManagedProcess.sleep(Duration.ofMillis(200));
            }
            ManagedProcess.sleep(Duration.ofSeconds(1));
            return DrillFigures.of(load.greets(), faultStart, readyAgain, System.nanoTime(), readiness.samples(), Optional.empty());
        }
    }
}
