"""SQL straight into a stopped server's H2 file database (FOLDER/data/authserver), with the H2 jar the server itself
uses: the bench users (sql/seed-users.sql) and the stored authorizations (sql/fill-authorizations.sql)."""
import os
import subprocess
import time
import zipfile

from harness.log import fail, log
from harness.settings import BENCH_PASSWORD, ROWS_SMALL

MAX_LONG = 9223372036854775807


def _jar(bench):
    path = bench.path("h2.jar")
    if not os.path.exists(path):
        with zipfile.ZipFile(bench.authforge_jar) as jar:
            name = next(n for n in jar.namelist() if n.startswith("BOOT-INF/lib/h2-") and n.endswith(".jar"))
            with open(path, "wb") as out:
                out.write(jar.read(name))
    return path


def _url(folder):
    return f"jdbc:h2:file:{folder}/data/authserver;NON_KEYWORDS=VALUE"


def run_script(bench, folder, script):
    command = [bench.settings.java, "-Xmx2g", "-XX:+UseSerialGC", "-cp", _jar(bench), "org.h2.tools.RunScript",
               "-url", _url(folder), "-user", "sa", "-password", "", "-script", script]
    if subprocess.run(command).returncode != 0:
        fail(f"H2 could not run {script} on {folder}")


def count_authorizations(bench, folder):
    command = [bench.settings.java, "-cp", _jar(bench), "org.h2.tools.Shell", "-url", _url(folder), "-user", "sa",
               "-password", "", "-sql", "select count(*) from oauth2_authorization"]
    done = subprocess.run(command, capture_output=True, text=True)
    lines = done.stdout.splitlines()
    if done.returncode != 0 or len(lines) < 2:
        fail(f"H2 could not count the stored authorizations of {folder}")
    return int(lines[1].replace(" ", ""))


def seed_users(bench, folder):
    """The bench users, each with the same Argon2id hash of the bench password (from bench/limits)."""
    s = bench.settings
    script = bench.path("seed-users.sql")
    if not os.path.exists(script):
        done = subprocess.run([s.java, "-jar", bench.bench_path("limits", "target", "limits.jar"), "hash",
                               BENCH_PASSWORD], stdout=subprocess.PIPE, text=True)
        if done.returncode != 0:
            fail("bench/limits could not hash the bench password")
        with open(script, "w") as out, open(bench.bench_path("sql", "seed-users.sql")) as sql:
            out.write(f"set @USERS = {s.users}; set @HASH = '{done.stdout.strip()}';\n" + sql.read())
    log(f"seeding {s.users} bench users into {folder}")
    run_script(bench, folder, script)


def fill(bench, folder, first, last):
    """Stored authorizations number FIRST to LAST, in blocks of 20,000 rows. Unless BENCH_FILL_LOBS=1, H2 keeps their
    JSON in the row for the time of the fill (see README), and is given its default back at the end, so that the
    server stores its own rows as always."""
    s = bench.settings
    step = MAX_LONG // (max(s.rows, ROWS_SMALL) + 1)  # evenly spread keys over the whole range
    script = bench.path(f"fill-{first}-{last}.sql")
    with open(bench.bench_path("sql", "fill-authorizations.sql")) as f:
        block = f.read()
    with open(script, "w") as out:
        if not s.fill_lobs:
            out.write("set max_length_inplace_lob 8192;\n")
        for a in range(first, last + 1, 20000):
            b = min(a + 19999, last)
            out.write(f"set @STEP = {step}; set @USERS = {s.users}; set @FIRST = {a}; set @LAST = {b};\n" + block)
        if not s.fill_lobs:
            out.write("set max_length_inplace_lob 256;\n")
    t0 = time.time_ns()
    run_script(bench, folder, script)
    ms = (time.time_ns() - t0) // 1000000
    bench.append_json("fills.jsonl", {"first": first, "last": last, "fill_ms": ms, "lobs": s.fill_lobs})
    log(f"stored authorizations {first}..{last} inserted in {ms // 1000} s")
