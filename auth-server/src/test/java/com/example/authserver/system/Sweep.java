package com.example.authserver.system;

import static org.assertj.core.api.Assertions.fail;

import com.example.authserver.support.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the cases of one endpoint against the server, a few at a time, and checks every answer. Case {@code i} of an
 * endpoint is generated from the seed, the endpoint's name and {@code i} alone, so a failure is reproduced with
 * {@code -Dsweep.seed=<seed> -Dsweep.case=<i>}; {@code -Dsweep.seed=random} draws a new seed, {@code
 * -Dsweep.tries=<n>} runs more cases. Failures name the seed and show each failing request and answer.
 */
final class Sweep {

    /** Fixed, so that every run (and every CI database) sends the same cases; a failure is reproducible. */
    static final long SEED = seed(System.getProperty("sweep.seed", "20261205"));

    static final int TRIES = Integer.getInteger("sweep.tries", 1000);

    private static final Integer ONLY = Integer.getInteger("sweep.case");

    /** Three senders keep both cores of the build machine busy while one waits for the network or the database. */
    private static final int PARALLEL = 3;

    private static final int REPORTED = 10;

    private static final Map<String, Integer> ENDPOINTS = new ConcurrentHashMap<>();

    /** One case at a time per session, as one browser tab sends them (see {@link #sendInTurn}). */
    private final Map<String, Object> sessionLocks = new ConcurrentHashMap<>();

    private static final AtomicLong CASES = new AtomicLong();

    private static final AtomicLong SERVER_ERRORS = new AtomicLong();

    private static final AtomicLong NANOS = new AtomicLong();

    private final RawHttp http;

    Sweep(RawHttp http) {
        this.http = http;
    }

    /** Sends {@link #TRIES} cases to the endpoint; fails, listing the first few, if any answer fails its check. */
    void run(String endpoint, Gen<Case> cases, SweepChecks.Check check) {
        run(endpoint, cases, check, () -> {});
    }

    /** The same, with {@code beforeEach} run before each case is sent (to keep a sender's state as the cases need). */
    void run(String endpoint, Gen<Case> cases, SweepChecks.Check check, Runnable beforeEach) {
        long started = System.nanoTime();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger pastCsrf = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(PARALLEL);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = ONLY == null ? 0 : ONLY; i < (ONLY == null ? TRIES : ONLY + 1); i++) {
            int number = i;
            sent.add(senders.submit(() -> {
                Case sample = cases.next(random(endpoint, number));
                if (sample.has(Case.Trait.CSRF_VALID)) {
                    pastCsrf.incrementAndGet();
                }
                List<String> problems = new ArrayList<>();
                RawHttp.Response answer;
                try {
                    beforeEach.run();
                    answer = sendInTurn(sample);
                    check.check(sample, answer, problems);
                } catch (java.io.UncheckedIOException ex) {
                    answer = null;
                    // the container may drop a connection whose request line or headers it refuses to read
                    if (!sample.has(Case.Trait.TRANSPORT)) {
                        problems.add("no answer: " + ex);
                    }
                }
                if (answer != null && answer.status() >= 500) {
                    SERVER_ERRORS.incrementAndGet();
                }
                if (!problems.isEmpty() && failed.incrementAndGet() <= REPORTED) {
                    failures.add(report(endpoint, number, sample, answer, problems));
                }
            }));
        }
        senders.shutdown();
        sent.forEach(Sweep::await);
        long nanos = System.nanoTime() - started;
        ENDPOINTS.merge(endpoint, sent.size(), Integer::sum);
        CASES.addAndGet(sent.size());
        NANOS.addAndGet(nanos);
        System.out.printf(
                "bad-input sweep: %s, %d cases (%d with a valid CSRF token), %d failed, %.1f s%n",
                endpoint, sent.size(), pastCsrf.get(), failed.get(), nanos / 1e9);
        if (failed.get() > 0) {
            fail(
                    "%d of %d cases of %s failed (seed %d%s):%n%n%s",
                    failed.get(),
                    sent.size(),
                    endpoint,
                    SEED,
                    failed.get() > REPORTED ? ", the first " + REPORTED + " shown" : "",
                    String.join("\n", failures));
        }
    }

    /**
     * Cases sent in the same session go one after the other: concurrent requests of one session race in the session
     * store (Spring Session's JDBC attributes, the security context a request saves back), which is no bad input.
     */
    private RawHttp.Response sendInTurn(Case sample) {
        String cookie = sample.request().header("Cookie").orElse(null);
        if (cookie == null) {
            return http.send(sample.request());
        }
        synchronized (sessionLocks.computeIfAbsent(cookie, key -> new Object())) {
            return http.send(sample.request());
        }
    }

    /** The line the test output carries: how many cases over how many endpoints, how many server errors. */
    static String summary() {
        return String.format(
                "bad-input sweep: %,d cases over %d endpoints, %d server errors (seed %d, %.1f s)",
                CASES.get(), ENDPOINTS.size(), SERVER_ERRORS.get(), SEED, NANOS.get() / 1e9);
    }

    private static SplittableRandom random(String endpoint, int number) {
        // each seed hashed (a SplittableRandom's first value): neighbouring cases share no stretch of their streams
        long base = new SplittableRandom(SEED * 31 + endpoint.hashCode()).nextLong();
        return new SplittableRandom(new SplittableRandom(base + number * 0x632BE59BD9B4E019L).nextLong());
    }

    private static String report(
            String endpoint, int number, Case sample, RawHttp.Response answer, List<String> problems) {
        String response = answer == null
                ? "(none)"
                : answer.status() + " " + answer.headers() + "\n    " + Case.printable(answer.body());
        return "case " + number + " of " + endpoint + " (-Dsweep.seed=" + SEED + " -Dsweep.case=" + number + "): "
                + problems + "\n" + sample.describe() + "\n  answer: " + response + "\n";
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static long seed(String value) {
        return value.equals("random") ? new SplittableRandom().nextLong() : Long.parseLong(value);
    }
}
