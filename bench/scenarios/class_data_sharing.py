"""Class-data sharing as the generated project's fast-start.sh does it: the jar extracted (java -Djarmode=tools ...
extract), one training run to the end of start-up (spring.context.exit=onRefresh) on a copy of the first start's
database, which writes the archive. The later AuthForge starts use it (harness.servers.start_authforge): the ES256
server's on an empty database, the stored authorizations' on existing ones. With a Java 25 or later as the second JVM
(BENCH_JAVA_ALT), a second training run makes the AOT cache, as fast-start.sh does on that Java (scenarios/fast_start
starts from it). Both run in the background beside the sign-ins' warm-up, where nothing is measured."""
import os
import shutil
import subprocess
import threading

from harness.log import fail, log


class Training(threading.Thread):
    def __init__(self, bench):
        super().__init__(daemon=True)
        self.bench = bench
        self.folder = bench.path("authforge-cds")
        self.jar = os.path.join(self.folder, os.path.basename(bench.authforge_jar))
        self.archive = os.path.join(self.folder, "app.jsa")
        self.aot_cache = os.path.join(self.folder, "app.aot")
        self.aot_java = aot_java(bench.settings)
        self.failed = None

    def run(self):
        try:
            self._train()
        except Exception as e:  # reported by finish()
            self.failed = str(e)
            log(f"FAILED: {e}")

    def _train(self):
        bench, s = self.bench, self.bench.settings
        shutil.rmtree(self.folder, ignore_errors=True)
        if subprocess.run([s.java, "-Djarmode=tools", "-jar", bench.authforge_jar, "extract", "--destination",
                           self.folder], stdout=subprocess.DEVNULL).returncode != 0:
            raise RuntimeError(f"could not extract {bench.authforge_jar}")
        log("class-data sharing: the training run")
        # C1 only: the archive holds classes, not compiled code, and the run then leaves more of the cores to the
        # sign-ins
        self._run(s.java, ["-XX:TieredStopAtLevel=1", "-Xlog:cds=error,cds+dynamic=error",
                           f"-XX:ArchiveClassesAtExit={self.archive}"], "training.log")
        log("class-data sharing: the archive is written")
        if self.aot_java:
            # with both compilers: on Java 25 the cache keeps the training's method profiles too
            log("the AOT cache (Java 25): the training run")
            self._run(self.aot_java, ["-Xlog:aot=error,cds=error", f"-XX:AOTCacheOutput={self.aot_cache}"],
                      "training-aot.log")
            log("the AOT cache is written")

    def _run(self, java, options, log_name):
        """One training run on a fresh copy of the first start's database, with the servers' heap and options."""
        bench, s = self.bench, self.bench.settings
        db = bench.path("authforge-cds-db")
        shutil.rmtree(db, ignore_errors=True)
        shutil.copytree(bench.path("authforge-empty", "data"), os.path.join(db, "data"))
        with open(os.path.join(self.folder, log_name), "w") as out:
            process = subprocess.Popen(
                [java, f"-Xmx{s.heap}", *bench.server_jvm_options, *options, "-Dspring.context.exit=onRefresh",
                 "-jar", self.jar, "--server.port=0", "--server.address=127.0.0.1"],
                cwd=db, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            bench.processes.append(process)  # stopped with the servers if the run ends first
            if process.wait() != 0:
                raise RuntimeError(f"a class-data sharing training run failed: see {self.folder}/{log_name}")
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
    bench.training = Training(bench)
    bench.training.start()


def finish(bench):
    """Waits for the training (starting it first if it never was) and makes its archive the AuthForge starts' one."""
    if bench.training is None:
        start(bench)
    training = bench.training
    training.join()
    if training.failed:
        fail(f"the class-data sharing training failed: see {training.folder}/training.log")
    bench.cds = (training.jar, training.archive)
    bench.aot = (training.aot_java, training.jar, training.aot_cache) if training.aot_java else None
