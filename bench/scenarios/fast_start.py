"""The fast start on Java 25 (the second JVM, BENCH_JAVA_ALT): AuthForge from the AOT cache of its training
(scenarios/class_data_sharing: beside scenario 5's fill, or here when that did not run) on a copy of the first
start's database, then the minimal server's plain start on the same JVM; each stops once it answered. On Java 17 the
fast start is server A's of scenario 5 (class-data sharing)."""
import os
import shutil

from harness.servers import start_server
from harness.settings import AUTHFORGE_ARGS
from scenarios import class_data_sharing

LABEL = "start on Java 25, existing database, AOT cache"


def run(bench):
    class_data_sharing.finish_aot(bench)
    if not bench.aot:
        return
    java, jar, cache = bench.aot
    folder = bench.path("authforge-aot")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(bench.path("authforge-empty", "data"), os.path.join(folder, "data"))
    # Java 25.0.3 warns at every start of adapters it could not take from the cache (as fast-start.sh, quiet)
    start_server(bench, "authforge", LABEL, jar, folder, AUTHFORGE_ARGS,
                 ["-Xlog:aot*=error", f"-XX:AOTCache={cache}"], java=java).stop()
    start_server(bench, "minimal", "start (in memory) on Java 25", bench.minimal_jar, bench.path("minimal-java25"),
                 java=java).stop()
