#!/usr/bin/env python3
"""The AuthForge benchmark (about 10 minutes on 2 idle cores; see bench/README.md). bench/run.sh checks what it
needs and runs this; standard library only.

Installs the archetype from this repository, generates bench/target/bench-server from it and builds it, builds the
baseline (bench/minimal-server), the one-core limits (bench/limits) and the browser load generator (bench/loadgen),
with BENCH_SUITE=1 times the generated project's own test suite (suite), then runs the parts of bench/scenarios in
order:
  limits       the one-core limits (JWT signatures per second, one password hash), with no server running;
  authforge    start-up on an empty database and again on the existing one, then client_credentials, introspection,
               revocation (token_load), the password sign-ins and the login page (sign_in, part "sign-in"), refresh
               and a JFR profile of client_credentials; beside the sign-ins' warm-up, the class-data sharing
               training (class_data_sharing); then a server with ES256 keys (es256);
  stored       refresh and introspection with 1,000 and with BENCH_ROWS stored authorizations (stored, cleanup);
  minimal      the minimal Spring authorization server: start-up and the token scenarios where they apply; then,
               with a Java 25 second JVM, AuthForge's start from its AOT cache and the minimal server's plain start,
               both on that JVM (fast_start);
  keycloak     optionally (BENCH_KEYCLOAK=1) Keycloak 26 in dev mode: start-up, client_credentials and the password
               sign-ins through its login form (the same users and load as AuthForge's);
then client_credentials on every server still up, in alternation (alternation): the figures the targets are read
from. Prints the issue's targets and the Markdown tables (bench/report.py) and writes them to
bench/results/<date>.md. Exits 1 when any request failed (the figures are then not valid), 2 when a step failed, 130
when interrupted.
"""
import argparse
import os
import signal
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

from harness import build  # noqa: E402
from harness.context import Bench  # noqa: E402
from harness.log import Failure, Interrupted, elapsed, log  # noqa: E402
from scenarios import alternation, authforge, class_data_sharing, es256, fast_start, keycloak, limits  # noqa: E402
from scenarios import minimal, stored, suite  # noqa: E402

SETTINGS = """settings (environment):
  BENCH_DURATION       seconds of each measured run (5)
  BENCH_WARMUP         seconds of each warm-up run (10)
  BENCH_SIGNIN_WARMUP  seconds of the sign-ins' warm-up, AuthForge's and Keycloak's (9 x BENCH_WARMUP)
  BENCH_JVM_OPTIONS    JVM options of AuthForge, the minimal server and the limits (default: those of the generated
                       project's Dockerfile; set it empty for the JVM's defaults)
  BENCH_HEAP           the servers' -Xmx (512m)
  BENCH_GRANTS         grants per refresh run (32)
  BENCH_USERS          bench users for the sign-ins, AuthForge's and Keycloak's (2000)
  BENCH_ROWS           stored authorizations, large case (1000000)
  BENCH_PROFILE        seconds of each profiled run, client_credentials and sign-in (5; 0: no profile)
  BENCH_KEYCLOAK       1: also measure Keycloak 26, client_credentials and sign-ins (adds about 4 minutes; downloads
                       its distribution from Maven Central once, ~160 MB)
  BENCH_CLEANUP        1: also time the clean-up job purging the large case's rows once expired (adds 2-4 minutes)
  BENCH_FILL_LOBS      1: store the seeded authorizations' JSON as H2 stores the server's own (slower fill)
  BENCH_ONLY           parts to run, comma-separated, of limits,authforge,sign-in,stored,minimal,keycloak
                       (default: all but keycloak, which BENCH_KEYCLOAK=1 adds)
  BENCH_SKIP_BUILD     1: reuse the jars of the previous run (development of the bench only)
  BENCH_KEEP_DATA      1: keep the seeded database (several GB with 1,000,000 rows) in the run folder
  BENCH_SUITE          1: after the build, time the generated project's test suite (./mvnw -B -ntp verify in
                       bench/target/bench-server; about 5 minutes more)
  JAVA                 the JVM that runs the servers and the limits (java on the PATH)
  BENCH_JAVA_ALT       a second JVM for the limits and, when it is a Java 25 or later, the fast start from the AOT
                       cache (default: Temurin 25 where installed; "none" to skip)
  KEYCLOAK_JAVA_HOME   the JDK for Keycloak, 21 or later (default /usr/lib/jvm/temurin-25-jdk-amd64)"""


def interrupted(signum, frame):
    raise Interrupted()


def measure(bench):
    """Every part the settings ask for, in order; the servers compared at the end stay up until then."""
    if bench.wants("limits"):
        limits.run(bench)
    if bench.wants("authforge"):
        authforge.run(bench)
        # the class-data sharing archive (made beside the sign-ins' warm-up when they ran) for the AuthForge
        # starts that follow
        if not bench.cds:
            class_data_sharing.finish(bench)
        es256.run(bench)
    if bench.wants("stored"):
        stored.run(bench)
    if bench.wants("minimal"):
        minimal.run(bench)
        # with a Java 25 second JVM: AuthForge from its AOT cache and the minimal server, on that JVM
        fast_start.run(bench)
    if bench.wants("keycloak"):
        keycloak.run(bench)
    if len(bench.compared) >= 2:
        alternation.run(bench)


def report(bench):
    """bench/report.py: the tables, printed and written to bench/results/<date>.md; its exit status is the run's
    (1 when any request failed). A partial or quick run (BENCH_ONLY, BENCH_SKIP_BUILD) keeps them in its run folder."""
    s = bench.settings
    results = bench.work if s.only or s.skip_build else bench.bench_path("results")
    wall = elapsed()
    log(f"done in {wall} s; the table:")
    env = {**os.environ, "BENCH_JAVA": s.java, "BENCH_JAVA_ALT": s.java_alt, "BENCH_WALL": str(wall),
           "BENCH_HEAP": s.heap, "BENCH_DURATION": str(s.duration), "BENCH_WARMUP": str(s.warmup),
           "BENCH_SERVER_OPTIONS": " ".join(bench.server_jvm_options), "BENCH_GRANTS": str(s.grants),
           "BENCH_USERS": str(s.users), "BENCH_PARTS": s.parts, "BENCH_ONLY": s.only,
           "BENCH_SKIP_BUILD": "1" if s.skip_build else "0", "BENCH_RUN_LENGTH": s.run_length_changes(),
           "BENCH_JVM_OPTIONS_SET": "0" if s.jvm_options is None else "1"}
    return subprocess.run([sys.executable, bench.bench_path("report.py"), bench.work, results, bench.repo],
                          env=env).returncode


def main():
    argparse.ArgumentParser(description="The AuthForge benchmark: builds, measures, prints the tables.",
                            epilog=SETTINGS, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)
    bench = Bench()
    try:
        os.makedirs(bench.work)
        log(f"working folder {bench.work}; parts: {bench.settings.parts}")
        build.install_wrk()
        build.build(bench)
        build.jvm_options(bench)
        if bench.settings.suite:
            suite.run(bench)
        measure(bench)
        bench.stop_all()
        return report(bench)
    except Failure as e:
        log(f"FAILED: {e}")
        return 2
    except Interrupted:
        return 130
    finally:
        bench.stop_all()


if __name__ == "__main__":
    sys.exit(main())
