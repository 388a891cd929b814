"""Class-data sharing as the generated README describes it: the jar extracted (java -Djarmode=tools ... extract), one
training run to the end of start-up (spring.context.exit=onRefresh) on a copy of the first start's database, which
writes the archive. The later AuthForge starts use it (harness.servers.start_authforge): the ES256 server's on an
empty database, the stored authorizations' on existing ones. It runs in the background beside the sign-ins' warm-up,
where nothing is measured."""
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
        db = bench.path("authforge-cds-db")
        shutil.rmtree(db, ignore_errors=True)
        shutil.copytree(bench.path("authforge-empty", "data"), os.path.join(db, "data"))
        log("class-data sharing: the training run")
        # C1 only: the archive holds classes, not compiled code, and the run then leaves more of the cores to the
        # sign-ins
        with open(os.path.join(self.folder, "training.log"), "w") as out:
            process = subprocess.Popen(
                [s.java, f"-Xmx{s.heap}", *bench.server_jvm_options, "-XX:TieredStopAtLevel=1",
                 f"-XX:ArchiveClassesAtExit={self.archive}", "-Dspring.context.exit=onRefresh", "-jar", self.jar,
                 "--server.port=0", "--server.address=127.0.0.1"],
                cwd=db, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            bench.processes.append(process)  # stopped with the servers if the run ends first
            if process.wait() != 0:
                raise RuntimeError(f"the class-data sharing training run failed: see {self.folder}/training.log")
        shutil.rmtree(db, ignore_errors=True)
        log("class-data sharing: the archive is written")


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
