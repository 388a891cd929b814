"""Class-data sharing as the generated project's fast-start.sh does it: the jar extracted (java -Djarmode=tools ...
extract), one training run to the end of start-up (spring.context.exit=onRefresh) on a copy of the first start's
database, which writes the archive. The later AuthForge starts use it (harness.servers.start_authforge): the ES256
server's on an empty database, the stored authorizations' on existing ones. It runs in the background beside the
sign-ins' warm-up, where nothing is measured.

With a Java 25 or later as the second JVM (BENCH_JAVA_ALT), a second training run makes the AOT cache, as
fast-start.sh does on that Java (scenarios/fast_start starts from it); it runs beside the million-row fill of
scenario 5 (one core of H2 inserts, nothing measured), where it made the fill about 29 s longer (145 s against 116)
instead of adding its 50 s alone."""
import os
import shutil
import subprocess
import threading

from harness.log import fail, log


class Training(threading.Thread):
    """One training run, in the background: TRAIN() does it; RESULT is what the later starts use once it succeeded,
    LOG_NAME the log to read when it did not (failed says why)."""

    def __init__(self, train, result, log_name):
        super().__init__(daemon=True)
        self.train, self.result, self.log_name = train, result, log_name
        self.failed = None

    def run(self):
        try:
            self.train()
        except Exception as e:  # reported by finish()
            self.failed = str(e)
            log(f"FAILED: {e}")


def _folder(bench):
    return bench.path("authforge-cds")


def _jar(bench):
    return os.path.join(_folder(bench), os.path.basename(bench.authforge_jar))


def _archive(bench):
    return os.path.join(_folder(bench), "app.jsa")


def _cache(bench):
    return os.path.join(_folder(bench), "app.aot")


def _extract_and_train(bench):
    s = bench.settings
    shutil.rmtree(_folder(bench), ignore_errors=True)
    if subprocess.run([s.java, "-Djarmode=tools", "-jar", bench.authforge_jar, "extract", "--destination",
                       _folder(bench)], stdout=subprocess.DEVNULL).returncode != 0:
        raise RuntimeError(f"could not extract {bench.authforge_jar}")
    log("class-data sharing: the training run")
    # C1 only: the archive holds classes, not compiled code, and the run then leaves more of the cores to the
    # sign-ins
    _run(bench, s.java, ["-XX:TieredStopAtLevel=1", "-Xlog:cds=error,cds+dynamic=error",
                         f"-XX:ArchiveClassesAtExit={_archive(bench)}"], "training")
    log("class-data sharing: the archive is written")


def _train_aot(bench, java):
    log("the AOT cache (Java 25): the training run")
    # both compilers: on Java 25 the cache keeps the training's method profiles too
    _run(bench, java, ["-Xlog:aot=error,cds=error", f"-XX:AOTCacheOutput={_cache(bench)}"], "training-aot")
    log("the AOT cache is written")


def _run(bench, java, options, name):
    """One training run on a fresh copy of the first start's database, with the servers' heap and options."""
    s = bench.settings
    db = bench.path(f"authforge-{name}-db")
    shutil.rmtree(db, ignore_errors=True)
    shutil.copytree(bench.path("authforge-empty", "data"), os.path.join(db, "data"))
    with open(os.path.join(_folder(bench), f"{name}.log"), "w") as out:
        process = subprocess.Popen(
            [java, f"-Xmx{s.heap}", *bench.server_jvm_options, *options, "-Dspring.context.exit=onRefresh",
             "-jar", _jar(bench), "--server.port=0", "--server.address=127.0.0.1"],
            cwd=db, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        bench.processes.append(process)  # stopped with the servers if the run ends first
        if process.wait() != 0:
            raise RuntimeError(f"a class-data sharing training run failed: see {_folder(bench)}/{name}.log")
    shutil.rmtree(db, ignore_errors=True)


def aot_java(settings):
    """The second JVM when it is a Java 25 or later (the AOT cache's command-line options), else None."""
    java = settings.java_alt
    if java == "none" or not os.access(java, os.X_OK):
        return None
    out = subprocess.run([java, "-XshowSettings:properties", "-version"], capture_output=True, text=True).stderr
    version = next((line.split("=")[1].strip() for line in out.splitlines()
                    if line.strip().startswith("java.specification.version")), "0")
    return java if int(version.split(".")[0]) >= 25 else None


def start(bench):
    bench.training = Training(lambda: _extract_and_train(bench), (_jar(bench), _archive(bench)), "training")
    bench.training.start()


def _wait(bench, training, what):
    """TRAINING's result once it ended; the run stops when it failed."""
    training.join()
    if training.failed:
        fail(f"{what} failed: see {_folder(bench)}/{training.log_name}.log")
    return training.result


def finish(bench):
    """Waits for the training (starting it first if it never was) and makes its archive the AuthForge starts' one."""
    if bench.training is None:
        start(bench)
    bench.cds = _wait(bench, bench.training, "the class-data sharing training")


def start_aot(bench):
    """The AOT cache's training, in the background, once the archive's is done (it uses the same extracted jar);
    nothing when the second JVM is not a Java 25 or later."""
    java = aot_java(bench.settings)
    if java and bench.cds and bench.aot_training is None:
        bench.aot_training = Training(lambda: _train_aot(bench, java), (java, _jar(bench), _cache(bench)),
                                      "training-aot")
        bench.aot_training.start()


def finish_aot(bench):
    """Waits for the AOT cache's training (starting it first if it never was); bench.aot: (java, jar, cache)."""
    start_aot(bench)
    if bench.aot_training is not None:
        bench.aot = _wait(bench, bench.aot_training, "the AOT cache's training")
