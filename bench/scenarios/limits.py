"""The one-core limits (bench/limits): JWT signatures per second and one password check, with no server running,
with the servers' heap and JVM options (with Keycloak in the run, also one check with Keycloak's default hashing); on
the second JVM (Java 25) ES256 signatures only."""
import os
import subprocess

from harness.log import fail, log


def _version(java):
    done = subprocess.run([java, "-version"], capture_output=True, text=True)
    return (done.stderr + done.stdout).splitlines()[0]


def _measure(bench, java, output, *which):
    # 3 s of warm-up per figure: with 1 s the JIT had not finished, and one Argon2id check measured 60 ms instead of
    # 33; 2 s of measuring (60 password checks, thousands of signatures)
    command = [java, f"-Xmx{bench.settings.heap}", *bench.server_jvm_options, "-jar",
               bench.bench_path("limits", "target", "limits.jar"), "3", "2", *which]
    with open(bench.path(output), "w") as out:
        if subprocess.run(command, stdout=out).returncode != 0:
            fail(f"the limits failed on {java}")


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
