package dev.daprliberty.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux says a process has used: CPU time (all its threads) and resident memory, from /proc. */
final class ProcessUsage {

    /** The kernel's clock ticks per second (USER_HZ), the unit of /proc/PID/stat's times. */
    private static final long TICKS_PER_SECOND = Long.parseLong(Tools.run(Repository.ROOT, "getconf", "CLK_TCK").strip());

    private ProcessUsage() {
    }

    /** utime + stime of the process (its threads included), in microseconds. */
    static long cpuMicros(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        // The fields after the command name, which is in parentheses and may itself hold spaces and parentheses.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000 / TICKS_PER_SECOND;
    }

    /** VmRSS, in MiB. */
    static double rssMib(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "status")).lines()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst().orElseThrow() / 1024.0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (has the process ended?)", e);
        }
    }
}
