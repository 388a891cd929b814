"""The generated project's own test suite (BENCH_SUITE=1): `./mvnw -B -ntp verify` in bench/target/bench-server,
right after the build (its main classes are compiled by then: what is timed is mostly compiling and running the
tests), with nothing else of the bench running. Records the wall time and surefire's totals (tests run, failures, errors, skipped) in suite.json; the
output goes to suite.log. A failing suite is recorded, not a failure of the run: the report says so."""
import json
import os
import re
import subprocess
import time

from harness.log import log

# surefire's summary after "Results:" (the per-class lines go on with ", Time elapsed: ..."); one per execution
SUMMARY = re.compile(r"Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)(?:, Flakes: (\d+))?\s*$")
# the browser tests' condition (support/RealBrowser in the generated tests): they are skipped without them, and the
# suite's output then says so once, on a line with BROWSER_SKIPPED
BROWSER = ("/usr/bin/chromium", "/usr/bin/chromedriver")
BROWSER_SKIPPED = "Browser tests skipped"


def browser_skipped(log_path):
    """The line of LOG_PATH that says why the browser tests were skipped, or None."""
    with open(log_path, errors="replace") as f:
        return next((line[line.index(BROWSER_SKIPPED):].strip() for line in f if BROWSER_SKIPPED in line), None)


def totals(log_path):
    """Surefire's summary lines of LOG_PATH added up, or None when there is none (the build failed before)."""
    found = None
    with open(log_path, errors="replace") as f:
        for line in f:
            match = SUMMARY.search(line)
            if match and "Time elapsed" not in line:
                run, failures, errors, skipped, flakes = (int(g or 0) for g in match.groups())
                found = found or {"tests": 0, "failures": 0, "errors": 0, "skipped": 0, "flakes": 0}
                for key, value in zip(("tests", "failures", "errors", "skipped", "flakes"),
                                      (run, failures, errors, skipped, flakes)):
                    found[key] += value
    return found


def run(bench):
    project = bench.bench_path("target", "bench-server")
    output = bench.path("suite.log")
    command = ["./mvnw", "-B", "-ntp", "verify"]
    log(f"the generated project's test suite: {' '.join(command)} in {project} (about 5 minutes)")
    t0 = time.monotonic()
    with open(output, "w") as out:
        process = subprocess.Popen(command, cwd=project, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
        bench.processes.append(process)  # stopped with the servers if the run is interrupted
        status = process.wait()
        bench.processes.remove(process)
    seconds = time.monotonic() - t0
    counted = totals(output)
    row = {"command": " ".join(command), "seconds": round(seconds, 1), "exit": status, "cores": os.cpu_count(),
           "browser": all(os.access(p, os.X_OK) for p in BROWSER), "browser_skipped": browser_skipped(output),
           **(counted or {})}
    with open(bench.path("suite.json"), "w") as f:
        json.dump(row, f)
    summary = (f"{counted['tests']} tests, {counted['failures']} failures, {counted['errors']} errors, "
               f"{counted['skipped']} skipped" if counted else "no test summary")
    log(f"the suite: {seconds:.0f} s, exit {status}, {summary} (output: {output})")
