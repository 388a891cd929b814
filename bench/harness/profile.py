"""JFR recordings of a running server (settings "profile": execution samples every 10-20 ms), and the reading of
where its request threads spend their time (bench/jfr_top.py)."""
import contextlib
import os
import subprocess
import sys

from harness.log import fail, log


@contextlib.contextmanager
def recording(bench, server, name):
    """Records SERVER while the block runs, then writes profile-NAME.md and profile-NAME.json."""
    jcmd = os.path.join(bench.jdk_bin, "jcmd")
    jfr_file = bench.path(f"profile-{name}.jfr")
    if subprocess.run([jcmd, str(server.pid), "JFR.start", f"name=bench-{name}", "settings=profile",
                       f"filename={jfr_file}"], stdout=subprocess.DEVNULL).returncode != 0:
        fail("could not start the JFR recording")
    yield
    if subprocess.run([jcmd, str(server.pid), "JFR.stop", f"name=bench-{name}"],
                      stdout=subprocess.DEVNULL).returncode != 0:
        fail("could not stop the JFR recording")
    with open(bench.path(f"profile-{name}.md"), "w") as out:
        if subprocess.run([sys.executable, bench.bench_path("jfr_top.py"), jfr_file, "15",
                           "--jfr", os.path.join(bench.jdk_bin, "jfr"), "--json", bench.path(f"profile-{name}.json")],
                          stdout=out).returncode != 0:
            fail(f"could not read {jfr_file}")
    log(f"profile of {name}: {bench.path(f'profile-{name}.md')}")
