package bench.loadgen;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server's CPU time (user + system, clock ticks) and resident memory, read from /proc at a given moment;
 * the CPU time of each of its threads with the kind of thread: request threads (Tomcat's http-nio-*, Keycloak's
 * executor-thread-* and vert.x-eventloop-thread-*), JIT
 * compiler threads, garbage collector threads (with the VM thread, where the serial collector runs), from
 * /proc/PID/task; and this load generator's own CPU time, which shares the machine's cores with the server.
 */
record ServerSample(long cpuTicks, long rssKb, Map<String, ThreadTicks> threads, long selfTicks) {

    record ThreadTicks(String kind, long ticks) {
    }

    /**
     * CPU ticks per kind of thread between an earlier sample and this one: a thread's ticks since the earlier
     * sample, or all of them if it started since. What threads that ended meanwhile used is left out (it stays
     * in the process's total, under "other").
     */
    Map<String, Long> ticksSince(ServerSample earlier) {
        Map<String, Long> byKind = new HashMap<>(Map.of("requests", 0L, "jit", 0L, "gc", 0L));
        threads.forEach((tid, now) -> {
            ThreadTicks then = earlier.threads.get(tid);
            byKind.computeIfPresent(now.kind, (kind, sum) -> sum + now.ticks - (then == null ? 0 : then.ticks));
        });
        return byKind;
    }

    static ServerSample at(long nanoTime, String pid) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (pid == null) {
            return null;
        }
        try {
            long ticks = ticks(Path.of("/proc", pid, "stat"));
            long rss = Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
            Map<String, ThreadTicks> threads = new HashMap<>();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", pid, "task"))) {
                for (Path task : tasks) {
                    try {
                        String name = Files.readString(task.resolve("comm")).strip();
                        String tid = task.getFileName().toString();
                        threads.put(tid, new ThreadTicks(kind(name), ticks(task.resolve("stat"))));
                    }
                    catch (IOException gone) {
                        // the thread ended meanwhile
                    }
                }
            }
            return new ServerSample(ticks, rss, threads, ticks(Path.of("/proc/self/stat")));
        }
        catch (IOException ex) {
            System.err.println("loadgen: cannot read the server's /proc entries: " + ex);
            return null;
        }
    }

    /**
     * The kind of a thread from its name, as /proc shows it (cut to 15 characters: "C2 CompilerThre"). Request
     * threads: Tomcat's (AuthForge, the minimal server), and Keycloak's (Quarkus): the worker pool that runs its
     * endpoints ("executor-thread-N") and Vert.x's event loops that read and write the connections
     * ("vert.x-eventloop-thread-N").
     */
    private static String kind(String name) {
        if (name.startsWith("http-nio-") || name.startsWith("executor-thread") || name.startsWith("vert.x-eventloo")) {
            return "requests";
        }
        if (name.contains("Compiler")) {
            return "jit";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return "gc";
        }
        return "other";
    }

    /** utime + stime of a process or thread, in clock ticks (fields 14 and 15 of its stat file). */
    private static long ticks(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
