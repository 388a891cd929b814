"""Scenario 5: refresh and introspection with 1,000 and with BENCH_ROWS stored authorizations, on two servers running
side by side (A: a copy of the database with 1,000 rows, B: the filled one), so that a change in the machine's load
cannot favour one size: after a 3 s warm-up of each, the measured runs alternate A B B A, half the run time each, and
the report takes the mean of each size's two runs. Grants and access tokens come from the API, new for each run
(refresh tokens rotate)."""
import concurrent.futures
import os
import shutil
import subprocess

from harness import h2, load
from harness.log import fail, log
from harness.servers import start_authforge
from harness.settings import AUTHFORGE_ARGS, ROWS_SMALL
from scenarios import class_data_sharing, cleanup


def _label(n):
    return f"{n:,} stored"


def _fetch_tokens(bench, n, url, log_path):
    """Server N's grants (authorization-code flow) and access tokens, from the API; False if one fetch failed."""
    s = bench.settings
    wanted = [(8, "refresh-warm", False), (s.stored_grants, "refresh-1", False), (s.stored_grants, "refresh-2", False),
              (200, "access", True)]
    with open(log_path, "w") as out:
        for count, name, access in wanted:
            command = load.tokens_command(bench, url, count, bench.path(f"stored-{n}-{name}.txt"), access)
            if subprocess.run(command, stdout=out, stderr=subprocess.STDOUT).returncode != 0:
                return False
    return True


def _warm_up(bench, server, n):
    short = min(bench.settings.warmup, 3)
    load.refresh(bench, server, f"refresh, {_label(n)} (warm-up)", 4, short,
                 bench.path(f"stored-{n}-refresh-warm.txt"), {"stored": n, "kind": "refresh"})
    load.introspect(bench, server, f"introspect, {_label(n)} (warm-up)", 4, short,
                    bench.path(f"stored-{n}-access.txt"), {"stored": n, "kind": "introspect"})


def _measured(bench, server, kind, n, run, seconds):
    extra = {"stored": n, "kind": kind}
    if kind == "refresh":
        load.refresh(bench, server, f"refresh, {_label(n)} (run {run})", 4, seconds,
                     bench.path(f"stored-{n}-refresh-{run}.txt"), extra)
    else:
        load.introspect(bench, server, f"introspect, {_label(n)} (run {run})", 4, seconds,
                        bench.path(f"stored-{n}-access.txt"), extra)


def _databases(bench, seeded, small, large):
    """The first start's database (copied when it stopped, or made by a start of its own) gets the bench users and
    1,000 stored authorizations, and a copy of it becomes server A's; the original then gets the rest of the
    BENCH_ROWS stored authorizations and becomes server B's."""
    if os.path.isdir(bench.path("authforge-empty", "data")):
        shutil.copytree(bench.path("authforge-empty", "data"), os.path.join(seeded, "data"))
    else:
        start_authforge(bench, "-", seeded).stop()
    h2.seed_users(bench, seeded)
    h2.fill(bench, seeded, 1, ROWS_SMALL)
    shutil.copytree(os.path.join(seeded, "data"), os.path.join(small, "data"))
    if large:
        h2.fill(bench, seeded, ROWS_SMALL + 1, large)


def run(bench):
    s = bench.settings
    seeded, small = bench.path("authforge-seeded"), bench.path("authforge-1k")
    large = s.rows if s.rows > ROWS_SMALL else None
    for folder in (seeded, small):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
    # the AOT cache's training (Java 25) beside the fill: one core of H2 inserts, nothing measured
    class_data_sharing.start_aot(bench)
    _databases(bench, seeded, small, large)
    class_data_sharing.finish_aot(bench)  # done before the starts below are timed
    a = start_authforge(bench, f"start: {ROWS_SMALL:,} stored authorizations (A)", small, AUTHFORGE_ARGS)
    b = start_authforge(bench, f"start: {large:,} stored authorizations (B)", seeded, AUTHFORGE_ARGS) if large else None
    log(f"authforge: refresh and introspection, {ROWS_SMALL:,} (A) and {large or 0:,} (B) stored authorizations")
    # the tokens of both servers at once (nothing is measured meanwhile)
    sides = [(ROWS_SMALL, a, "a")] + ([(large, b, "b")] if b else [])
    with concurrent.futures.ThreadPoolExecutor(len(sides)) as pool:
        fetches = [(side, pool.submit(_fetch_tokens, bench, n, server.url, bench.path(f"stored-tokens-{side}.log")))
                   for n, server, side in sides]
    for side, fetch in fetches:
        if not fetch.result():
            fail(f"no tokens from server {side.upper()}: see {bench.path(f'stored-tokens-{side}.log')}")
    for n, server, _ in sides:
        _warm_up(bench, server, n)
    half = (s.duration + 1) // 2 if s.duration > 1 else 1
    for kind in ("refresh", "introspect"):
        _measured(bench, a, kind, ROWS_SMALL, 1, half)
        if b:
            _measured(bench, b, kind, large, 1, half)
            _measured(bench, b, kind, large, 2, half)
        _measured(bench, a, kind, ROWS_SMALL, 2, half)
    a.stop()
    if b:
        b.stop()
    if b and s.cleanup:
        cleanup.run(bench, seeded)
    # the seeded database takes gigabytes with 1,000,000 rows: kept only on request
    if not s.keep_data:
        for folder in (seeded, small):
            shutil.rmtree(os.path.join(folder, "data"), ignore_errors=True)
