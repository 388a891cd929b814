"""Optional (BENCH_CLEANUP=1): how long the clean-up job takes to purge the stored authorizations once all have
expired. With the server stopped, every row's expires_at is moved into the past; the server then starts with the job
every 30 s (its first run 30 s after start-up; a run stops when its 30 s lease ends and the next goes on) and
JdbcTemplate's debug log, whose lines time each run from taking the job lock to giving it back (bench/cleanup_time.py)."""
import json
import os
import subprocess
import sys
import time

from harness import h2
from harness.log import fail, log
from harness.servers import start_server


def run(bench, folder):
    count = h2.count_authorizations(bench, folder)
    log(f"clean-up: expiring all {count:,} stored authorizations (one update, server stopped)")
    script = bench.path("expire.sql")
    with open(script, "w") as f:
        f.write("update oauth2_authorization set expires_at = dateadd(minute, -1, current_timestamp);\n")
    t0 = time.time_ns()
    h2.run_script(bench, folder, script)
    expire_ms = (time.time_ns() - t0) // 1000000
    server_log = os.path.join(folder, "server.log")
    offset = os.path.getsize(server_log)  # cleanup_time.py reads this start's lines only
    server = start_server(bench, "authforge", "-", bench.authforge_jar, folder,
                          ["--authforge.authorizations.cleanup.interval=PT30S",
                           "--logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG"])
    log("clean-up: waiting for the job (first run 30 s after start-up)")
    done = subprocess.run([sys.executable, bench.bench_path("cleanup_time.py"), server_log, str(offset), str(count),
                           "900"], stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        fail("could not time the clean-up job (bench/cleanup_time.py)")
    job = json.loads(done.stdout)
    server.stop()
    with open(bench.path("cleanup.json"), "w") as f:
        f.write(json.dumps({"rows": count, "expire_ms": expire_ms, "job": job}, separators=(",", ":")) + "\n")
    log(f"clean-up: {done.stdout.strip()}")
