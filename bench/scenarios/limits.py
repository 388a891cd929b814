"""The one-core limits (bench/limits): JWT signatures per second and one password check, with no server running,
with the servers' heap and JVM options (with Keycloak in the run, also one check with Keycloak's default hashing); on
the second JVM (Java 25) ES256 signatures only. beside(): one figure again, just before or after the load that the
targets divide by it (the machine's speed drifts by 20-30 % between parts of a run)."""
import os
import subprocess

from harness.log import fail, log


def _version(java):
    done = subprocess.run([java, "-version"], capture_output=True, text=True)
    return (done.stderr + done.stdout).splitlines()[0]


def _command(bench, java, *which):
    # 3 s of warm-up per figure: with 1 s the JIT had not finished, and one Argon2id check measured 60 ms instead of
    # 33; 2 s of measuring (60 password checks, thousands of signatures)
    return [java, f"-Xmx{bench.settings.heap}", *bench.server_jvm_options, "-jar",
            bench.bench_path("limits", "target", "limits.jar"), "3", "2", *which]


def _measure(bench, java, output, *which):
    with open(bench.path(output), "w") as out:
        if subprocess.run(_command(bench, java, *which), stdout=out).returncode != 0:
            fail(f"the limits failed on {java}")


def beside(bench, which, when):
    """WHICH (argon2 or rs256) measured once more on the servers' JVM, WHEN (e.g. "before the sign-ins"): a line
    "figure, when, per second, ms" of limits-beside.tsv; report.py divides by the mean of a figure's lines."""
    done = subprocess.run(_command(bench, bench.settings.java, which), capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"the limits ({which}) failed: {done.stderr.strip()[-300:]}")
    with open(bench.path("limits-beside.tsv"), "a") as out:
        for line in done.stdout.splitlines():
            name, rate, ms = line.split("\t")
            out.write(f"{name}\t{when}\t{rate}\t{ms}\n")
            log(f"limits, {when}: {name} {float(ms):.2f} ms")


def run(bench):
    s = bench.settings
    log(f"one-core limits on {_version(s.java)}")
    # with Keycloak in the run: also one password check with its default hashing (Argon2id, 7 MiB, t=5), the bound
    # its sign-ins meet, as the server's own check is AuthForge's
    _measure(bench, s.java, "limits-main.tsv", *(["keycloak"] if bench.wants("keycloak") else []))
    if s.java_alt != "none" and os.access(s.java_alt, os.X_OK):
        log(f"one-core limits on {_version(s.java_alt)}")
        # ES256 signatures only (what a newer JVM gains: RS256 and the password checks cost the same on both)
        _measure(bench, s.java_alt, "limits-alt.tsv", "es256")
