"""The state one run shares between its parts: settings, folders, jars, and the servers and processes it started
(every one is stopped at the end, whatever happens)."""
import datetime
import json
import os
import shutil

from harness.settings import Settings

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Bench:
    def __init__(self):
        self.settings = Settings()
        self.dir = BENCH
        self.repo = os.path.dirname(BENCH)
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        self.work = os.path.join(BENCH, "target", f"run-{stamp}")
        self.clk_tck = os.sysconf("SC_CLK_TCK")
        java = shutil.which(self.settings.java) or self.settings.java
        # where the JDK tools of the servers' JVM are (jcmd starts and stops JFR recordings, jfr reads them)
        self.jdk_bin = os.path.dirname(os.path.realpath(java))
        self.authforge_jar = None
        self.minimal_jar = os.path.join(BENCH, "minimal-server", "target", "minimal-server.jar")
        # JVM options of AuthForge, the minimal server and the limits (the same: they are compared as servers, not
        # as JVM settings); set once the generated project is there (harness/build.py)
        self.server_jvm_options = []
        # once the class-data sharing training has made them: (extracted jar, archive), for later AuthForge starts
        self.cds = None
        self.aot = None  # (java, jar, cache): the AOT cache on Java 25 (scenarios/class_data_sharing)
        self.aot_training = None
        self.training = None
        self.running = []      # servers started and not yet stopped
        self.processes = []    # other background processes (the training run), stopped at the end too
        self.compared = []     # servers kept up after their own scenarios for the alternation (scenarios/alternation)

    def wants(self, part):
        return self.settings.wants(part)

    def path(self, *names):
        return os.path.join(self.work, *names)

    def bench_path(self, *names):
        return os.path.join(self.dir, *names)

    def append_json(self, name, row):
        with open(self.path(name), "a") as f:
            f.write(json.dumps(row, separators=(",", ":")) + "\n")

    def keep_for_comparison(self, server):
        """Leaves SERVER up after its own scenarios: it answers client_credentials in alternation at the end."""
        self.compared.append(server)

    def stop_all(self):
        for server in list(self.running):
            server.stop()
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait()
        self.processes = []
