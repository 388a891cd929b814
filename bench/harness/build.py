"""What a run needs before it measures anything: wrk, the archetype installed from this repository, the server
generated from it and built, the bench's own programs built, and the servers' JVM options."""
import glob
import json
import os
import shutil
import subprocess

from harness.log import fail, log


def install_wrk():
    """wrk from Debian's packages (needs root); DPkg::Lock::Timeout waits for another apt-get instead of failing."""
    if shutil.which("wrk"):
        return
    log("installing wrk (apt-get install -y wrk)")
    apt = ["apt-get", "-o", "DPkg::Lock::Timeout=300"]
    quiet = {"stdout": subprocess.DEVNULL}
    try:
        if subprocess.run(apt + ["install", "-y", "wrk"], **quiet).returncode != 0 \
                and subprocess.run(apt + ["update"], **quiet).returncode == 0:
            subprocess.run(apt + ["install", "-y", "wrk"], **quiet)
    except OSError:
        pass  # no apt-get: the check below says what is missing
    if not shutil.which("wrk"):
        fail("wrk is missing and could not be installed (apt-get install -y wrk)")


def _authforge_jar(bench):
    jars = sorted(j for j in glob.glob(bench.bench_path("target", "bench-server", "target", "bench-server-*.jar"))
                  if "plain" not in j)
    return jars[0] if jars else None


def _mvn(command, cwd=None):
    if subprocess.run(command, cwd=cwd).returncode != 0:
        fail(f"Maven failed: {' '.join(command)}")


def build(bench):
    """Installs the archetype, generates bench/target/bench-server with the pinned plugin and builds it, then
    minimal-server, limits and loadgen in one Maven run (bench/pom.xml, an aggregator only). BENCH_SKIP_BUILD=1
    reuses the jars of the previous run."""
    bench.authforge_jar = _authforge_jar(bench)
    if bench.settings.skip_build and bench.authforge_jar:
        log("BENCH_SKIP_BUILD=1: reusing the jars of the previous build")
        return
    mvnw = os.path.join(bench.repo, "mvnw")
    target = bench.bench_path("target")
    log(f"installing the archetype from {bench.repo}")
    _mvn(["./mvnw", "-B", "-q", "install", "-DskipTests", "-Dinvoker.skip"], cwd=bench.repo)
    # bench/target has no pom.xml, so generating there cannot turn the project into a module of anything
    if os.path.exists(os.path.join(target, "pom.xml")):
        fail(f"{target} holds a pom.xml: generating there would add a module to it")
    shutil.rmtree(os.path.join(target, "bench-server"), ignore_errors=True)
    log("generating bench/target/bench-server")
    _mvn([mvnw, "-B", "-q", "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate",
          "-DarchetypeGroupId=dev.authforge", "-DarchetypeArtifactId=authforge-archetype",
          "-DarchetypeVersion=0.1.0-SNAPSHOT", "-DgroupId=bench", "-DartifactId=bench-server"], cwd=target)
    log("building bench-server, minimal-server, limits and loadgen (-DskipTests)")
    _mvn(["./mvnw", "-B", "-q", "package", "-DskipTests"], cwd=os.path.join(target, "bench-server"))
    _mvn([mvnw, "-B", "-q", "-f", bench.bench_path("pom.xml"), "package", "-DskipTests"])
    bench.authforge_jar = _authforge_jar(bench)
    if not bench.authforge_jar:
        fail("no bench-server jar after the build")


def _dockerfile_options(path):
    """The JVM options of the Dockerfile's ENTRYPOINT (["java", OPTION..., "-jar", JAR], over one or more lines),
    but its class-data sharing archive: the plain start is measured with these, the fast path on its own."""
    with open(path) as f:
        text = f.read().replace("\\\n", " ")
    line = next(l for l in text.splitlines() if l.startswith("ENTRYPOINT"))
    return [a for a in json.loads(line[len("ENTRYPOINT"):])[1:]
            if a.startswith("-") and a != "-jar" and not a.startswith("-XX:SharedArchiveFile=")]


def jvm_options(bench):
    """Those of the generated project's Dockerfile (what the image runs), unless BENCH_JVM_OPTIONS is set."""
    if bench.settings.jvm_options is not None:
        options = bench.settings.jvm_options.split()
    else:
        dockerfile = bench.bench_path("target", "bench-server", "Dockerfile")
        try:
            options = _dockerfile_options(dockerfile)
        except (OSError, StopIteration, ValueError):
            fail("could not read the JVM options of bench/target/bench-server/Dockerfile (its ENTRYPOINT)")
    bench.server_jvm_options = options
    log(f"JVM options of the servers and the limits: {' '.join(options) or 'none'}")
