package dev.daprliberty.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's figures as Markdown tables: every run, each pair's medians with their range, the spans per
 * greet, and the project's figures over the floor's, run by run, next to the goals of issue 10.
 */
final class BenchmarkReport {

    private static final String FLOOR = "floor";
    private static final String PROJECT = "liberty";

    private final Map<String, List<BenchmarkRun>> runs;
    private final Map<String, BenchmarkRun.Idle> idle;
    private final Map<String, List<Duration>> ready;

    /**
     * @param runs  each pair's measured runs, in order ({@value #FLOOR} and {@value #PROJECT})
     * @param idle  each pair's figures while nobody greets
     * @param ready each "pair app" start's time to ready
     */
    BenchmarkReport(Map<String, List<BenchmarkRun>> runs, Map<String, BenchmarkRun.Idle> idle, Map<String, List<Duration>> ready) {
        this.runs = runs;
        this.idle = idle;
        this.ready = ready;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("Every run (CPU: utime+stime of the process and its threads over the run, per greet):\n\n");
        out.append("| pair | run | greets | greets/s | p50 ms | p90 ms | p99 ms | errors | comms µs | greeter µs | comms' daprd µs "
                + "| greeter's daprd µs | load generator µs |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        runs.forEach((pair, list) -> {
            for (int i = 0; i < list.size(); i++) {
                BenchmarkRun run = list.get(i);
                out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %d | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
                        pair, i + 1, run.greets(), run.perSecond(), BenchmarkRun.millis(run.p50()), BenchmarkRun.millis(run.p90()),
                        BenchmarkRun.millis(run.p99()), run.errors(), run.cpuMicros().get("comms"), run.cpuMicros().get("greeter"),
                        run.cpuMicros().get("comms-daprd"), run.cpuMicros().get("greeter-daprd"), run.cpuMicros().get(BenchmarkRun.LOAD)));
            }
        });
        out.append("\nEach pair, median (min–max) of its runs; RSS at the end of each run; ready: a start of the app alone, "
                + "as run-local starts it, to the first 2xx of its health path:\n\n");
        out.append("| pair | greets/s | p99 ms | apps' CPU µs/greet | sidecars' CPU µs/greet | RSS MiB comms | RSS MiB greeter "
                + "| RSS MiB comms' daprd | RSS MiB greeter's daprd | comms ready s | greeter ready s |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        runs.forEach((pair, list) -> out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", pair,
                range(list, BenchmarkRun::perSecond, "%.0f"), range(list, run -> BenchmarkRun.millis(run.p99()), "%.1f"),
                range(list, BenchmarkRun::appsCpu, "%.0f"), range(list, BenchmarkRun::sidecarsCpu, "%.0f"),
                range(list, run -> run.rssMib().get("comms"), "%.0f"), range(list, run -> run.rssMib().get("greeter"), "%.0f"),
                range(list, run -> run.rssMib().get("comms-daprd"), "%.0f"), range(list, run -> run.rssMib().get("greeter-daprd"), "%.0f"),
                range(seconds(ready.get(pair + " comms")), "%.2f"), range(seconds(ready.get(pair + " greeter")), "%.2f"))));
        out.append("\nSpans exported per greet (health probes and other requests included), median of the runs:\n\n");
        out.append("| pair | comms | comms' daprd | greeter's daprd | greeter |\n| --- | ---: | ---: | ---: | ---: |\n");
        runs.forEach((pair, list) -> out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", pair,
                range(list, run -> run.spans().getOrDefault("comms", 0.0), "%.2f"),
                range(list, run -> run.spans().getOrDefault("comms-daprd", 0.0), "%.2f"),
                range(list, run -> run.spans().getOrDefault("greeter-daprd", 0.0), "%.2f"),
                range(list, run -> run.spans().getOrDefault("greeter", 0.0), "%.2f"))));
        out.append("\nIdle (nobody greets; the sidecars probe each app's health every second): CPU ms per second, spans per minute:\n\n");
        out.append("| pair | comms | greeter | comms' daprd | greeter's daprd | spans/min comms | greeter | comms' daprd | greeter's daprd |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        idle.forEach((pair, figures) -> out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %.0f |%n",
                pair, figures.cpuMillisPerSecond().get("comms"), figures.cpuMillisPerSecond().get("greeter"),
                figures.cpuMillisPerSecond().get("comms-daprd"), figures.cpuMillisPerSecond().get("greeter-daprd"),
                figures.spansPerMinute().getOrDefault("comms", 0.0), figures.spansPerMinute().getOrDefault("greeter", 0.0),
                figures.spansPerMinute().getOrDefault("comms-daprd", 0.0), figures.spansPerMinute().getOrDefault("greeter-daprd", 0.0))));
        if (runs.containsKey(FLOOR) && runs.containsKey(PROJECT)) {
            out.append(goals());
        }
        return out.toString();
    }

    private String goals() {
        List<BenchmarkRun> floor = runs.get(FLOOR);
        List<BenchmarkRun> project = runs.get(PROJECT);
        StringBuilder out = new StringBuilder("\nThe project over the floor, run by run (each project run over the floor run just "
                + "before it), median (min–max), against issue 10's goals:\n\n| figure | liberty / floor | goal | met |\n"
                + "| --- | ---: | --- | --- |\n");
        ratio(out, "greets/s", floor, project, BenchmarkRun::perSecond, "≥ 0.6", value -> value >= 0.6);
        ratio(out, "p99", floor, project, run -> BenchmarkRun.millis(run.p99()), "≤ 1.8", value -> value <= 1.8);
        ratio(out, "apps' CPU per greet", floor, project, BenchmarkRun::appsCpu, "≤ 1.8", value -> value <= 1.8);
        ratio(out, "sidecars' CPU per greet", floor, project, BenchmarkRun::sidecarsCpu, "≤ 1.2", value -> value <= 1.2);
        long errors = project.stream().mapToLong(BenchmarkRun::errors).sum();
        out.append(String.format(Locale.ROOT, "| errors (all runs) | %d | 0 | %s |%n", errors, yes(errors == 0)));
        double spread = spread(values(project, BenchmarkRun::perSecond));
        out.append(String.format(Locale.ROOT, "| spread of greets/s over the runs | %.0f%% | ≤ 10%% | %s |%n", 100 * spread, yes(spread <= 0.10)));
        for (String app : List.of("comms", "greeter")) {
            List<Double> times = seconds(ready.get(PROJECT + " " + app));
            out.append(String.format(Locale.ROOT, "| %s ready (s, alone) | %s | < 3 s | %s |%n", app, range(times, "%.2f"),
                    yes(median(times) < 3)));
            List<Double> rss = values(project, run -> run.rssMib().get(app));
            out.append(String.format(Locale.ROOT, "| %s RSS after load (MiB) | %s | ≤ 128 | %s |%n", app, range(rss, "%.0f"),
                    yes(rss.stream().allMatch(value -> value <= 128))));
        }
        return out.toString();
    }

    private static void ratio(StringBuilder out, String figure, List<BenchmarkRun> floor, List<BenchmarkRun> project,
            ToDoubleFunction<BenchmarkRun> value, String goal, java.util.function.DoublePredicate met) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(floor.size(), project.size()); i++) {
            ratios.add(value.applyAsDouble(project.get(i)) / value.applyAsDouble(floor.get(i)));
        }
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", figure, range(ratios, "%.2f"), goal, yes(met.test(median(ratios)))));
    }

    private static String yes(boolean met) {
        return met ? "yes" : "no";
    }

    private static List<Double> values(List<BenchmarkRun> list, ToDoubleFunction<BenchmarkRun> value) {
        return list.stream().map(value::applyAsDouble).toList();
    }

    private static String range(List<BenchmarkRun> list, ToDoubleFunction<BenchmarkRun> value, String format) {
        return range(values(list, value), format);
    }

    private static String range(List<Double> values, String format) {
        if (values == null || values.isEmpty()) {
            return "–";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(values), min, max);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** (max - min) / median. */
    private static double spread(List<Double> values) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return (max - min) / median(values);
    }

    private static List<Double> seconds(List<Duration> durations) {
        return durations == null ? List.of() : durations.stream().map(duration -> duration.toNanos() / 1e9).toList();
    }

    /** Cores and processor model, from /proc/cpuinfo. */
    static String machine() {
        String cpuinfo = read(Path.of("/proc/cpuinfo"));
        long cores = cpuinfo.lines().filter(line -> line.startsWith("processor")).count();
        String model = cpuinfo.lines().filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown processor");
        return cores + " vCPU (" + model + ")";
    }

    static String loadAverage() {
        String[] fields = read(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
