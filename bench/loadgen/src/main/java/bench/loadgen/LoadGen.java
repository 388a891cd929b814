package bench.loadgen;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import bench.loadgen.HttpConnection.Failure;

/**
 * Runs browser visits against the server for a fixed time, with a fixed number of visitors at once (a thread pool
 * of that size, each visit on a new connection with no cookie), and prints the figures the way bench/lua/common.lua
 * does for wrk, one line:
 * <pre>BENCH_JSON {"requests":…,"duration_us":…,"p50_ms":…,"p90_ms":…,"p99_ms":…,"max_ms":…,"non2xx":…,"connect":…,…}</pre>
 * where a request is one visit (a sign-in is four HTTP requests at AuthForge, two at Keycloak), plus the median of each
 * step of a sign-in and, given the server's pid, the server's CPU ticks and RSS over the measured window only (the
 * warm-up is left out).
 * <p>
 * Arguments, name=value: {@code mode} (sign-in or login-page at AuthForge, keycloak-sign-in at Keycloak: {@link
 * KeycloakSignIn}), {@code realm} (Keycloak's realm, bench), {@code url} (http://127.0.0.1:PORT),
 * {@code connections} (visitors at once, 4), {@code warmup} and {@code duration} (seconds, 5 and 10; visits that end
 * during the warm-up are not counted), {@code users} (sign-in: users bench-00001 to bench-N, taken in turn, 2000),
 * {@code first-user} (the turn starts after that many users, 0: runs one after the other can spread their sign-ins
 * over all users, and none reaches the server's per-account sign-in limit),
 * {@code password}, {@code pid} (the server's process id, optional), {@code timeout} (ms per answer, 10000).
 */
public final class LoadGen {

    private static final int MAX_REPORTED_FAILURES = 5;

    private LoadGen() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("expected name=value, got " + arg);
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        String mode = options.getOrDefault("mode", "sign-in");
        URI url = URI.create(options.getOrDefault("url", "http://127.0.0.1:9000"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "4"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "5"));
        double duration = Double.parseDouble(options.getOrDefault("duration", "10"));
        int users = Integer.parseInt(options.getOrDefault("users", "2000"));
        long firstUser = Long.parseLong(options.getOrDefault("first-user", "0"));
        String password = options.get("password");
        String pid = options.get("pid");
        int timeout = Integer.parseInt(options.getOrDefault("timeout", "10000"));
        List<String> names = switch (mode) {
            case "sign-in" -> Visits.SIGN_IN_STEPS;
            case "keycloak-sign-in" -> KeycloakSignIn.STEPS;
            case "login-page" -> List.of("login_page");
            default -> throw new IllegalArgumentException("mode is sign-in, keycloak-sign-in or login-page, not " + mode);
        };
        boolean signIn = !"login-page".equals(mode);
        if (signIn && password == null) {
            throw new IllegalArgumentException(mode + " needs password=…");
        }

        Visits visits = new Visits(url.getHost(), url.getPort(), timeout);
        KeycloakSignIn keycloak = new KeycloakSignIn(url.getHost(), url.getPort(), timeout,
                options.getOrDefault("realm", "bench"));
        boolean atKeycloak = "keycloak-sign-in".equals(mode);
        int steps = names.size();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long end = measureFrom + (long) (duration * 1e9);
        AtomicLong nextUser = new AtomicLong(firstUser);
        AtomicLongArray failures = new AtomicLongArray(Failure.Kind.values().length);
        AtomicLong reported = new AtomicLong();
        Recorder[] recorders = new Recorder[connections];
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int i = 0; i < connections; i++) {
            Recorder recorder = new Recorder(steps);
            recorders[i] = recorder;
            pool.execute(() -> {
                long[] stepNanos = new long[steps];
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    Failure failure = null;
                    try {
                        if (signIn) {
                            long n = nextUser.getAndIncrement() % users + 1;
                            String user = String.format(Locale.ROOT, "bench-%05d", n);
                            if (atKeycloak) {
                                keycloak.signIn(user, password, stepNanos);
                            }
                            else {
                                visits.signIn(user, password, stepNanos);
                            }
                        }
                        else {
                            visits.loginPage(stepNanos);
                        }
                    }
                    catch (Failure ex) {
                        failure = ex;
                    }
                    long t1 = System.nanoTime();
                    if (t1 < measureFrom || t1 > end) {
                        continue;
                    }
                    if (failure != null) {
                        failures.incrementAndGet(failure.kind.ordinal());
                        if (reported.incrementAndGet() <= MAX_REPORTED_FAILURES) {
                            System.err.println("loadgen: " + failure.kind + ": " + failure.getMessage());
                        }
                    }
                    recorder.add(t1 - t0, failure == null ? stepNanos : null);
                }
            });
        }
        ServerSample before = ServerSample.at(measureFrom, pid);
        ServerSample after = ServerSample.at(end, pid);
        pool.shutdown();
        if (!pool.awaitTermination(timeout + 30_000L, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }

        long[] latencies = Recorder.merged(recorders, -1);
        StringBuilder json = new StringBuilder("{");
        json.append(String.format(Locale.ROOT,
                "\"requests\":%d,\"duration_us\":%d,\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,",
                latencies.length, (end - measureFrom) / 1000, percentile(latencies, 50), percentile(latencies, 90),
                percentile(latencies, 99), latencies.length == 0 ? 0.0 : latencies[latencies.length - 1] / 1e6));
        json.append(String.format(Locale.ROOT,
                "\"non2xx\":%d,\"connect\":%d,\"read\":%d,\"write\":%d,\"timeout\":%d,\"status\":%d,\"stopped_early\":false,",
                failures.get(Failure.Kind.UNEXPECTED.ordinal()), failures.get(Failure.Kind.CONNECT.ordinal()),
                failures.get(Failure.Kind.READ.ordinal()), failures.get(Failure.Kind.WRITE.ordinal()),
                failures.get(Failure.Kind.TIMEOUT.ordinal()), failures.get(Failure.Kind.UNEXPECTED.ordinal())));
        json.append("\"http_requests_per_visit\":").append(steps).append(",\"steps_p50_ms\":{");
        for (int step = 0; step < steps; step++) {
            json.append(step == 0 ? "" : ",").append('"').append(names.get(step)).append("\":")
                    .append(String.format(Locale.ROOT, "%.3f", percentile(Recorder.merged(recorders, step), 50)));
        }
        json.append('}');
        if (before != null && after != null) {
            Map<String, Long> threads = after.ticksSince(before);
            json.append(String.format(Locale.ROOT, ",\"server\":{\"cpu_ticks\":%d,\"rss_before_kb\":%d,\"rss_after_kb\":%d,"
                    + "\"threads_ticks\":{\"requests\":%d,\"jit\":%d,\"gc\":%d},\"loadgen_ticks\":%d}",
                    after.cpuTicks() - before.cpuTicks(), before.rssKb(), after.rssKb(), threads.get("requests"),
                    threads.get("jit"), threads.get("gc"), after.selfTicks() - before.selfTicks()));
        }
        json.append('}');
        System.out.println("BENCH_JSON " + json);
    }

    /** The value below which p percent of the sorted values lie, in milliseconds (nearest rank). */
    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }

    /** One visitor's latencies (whole visits, and each step of the successful ones), in nanoseconds. */
    private static final class Recorder {

        private long[] totals = new long[1024];

        private final long[][] steps;

        private int count;

        private int succeeded;

        Recorder(int stepCount) {
            steps = new long[stepCount][1024];
        }

        void add(long total, long[] stepNanos) {
            if (count == totals.length) {
                totals = Arrays.copyOf(totals, count * 2);
            }
            totals[count++] = total;
            if (stepNanos != null) {
                for (int step = 0; step < steps.length; step++) {
                    if (succeeded == steps[step].length) {
                        steps[step] = Arrays.copyOf(steps[step], succeeded * 2);
                    }
                    steps[step][succeeded] = stepNanos[step];
                }
                succeeded++;
            }
        }

        /** Every recorder's whole-visit latencies (step -1) or one step's, sorted. */
        static long[] merged(Recorder[] recorders, int step) {
            long[] all = new long[0];
            for (Recorder recorder : recorders) {
                long[] source = step < 0 ? recorder.totals : recorder.steps[step];
                int length = step < 0 ? recorder.count : recorder.succeeded;
                int offset = all.length;
                all = Arrays.copyOf(all, offset + length);
                System.arraycopy(source, 0, all, offset, length);
            }
            Arrays.sort(all);
            return all;
        }
    }
}
