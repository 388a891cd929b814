"""The load: wrk with the Lua scripts of bench/lua (token endpoints), bench/loadgen (browser visits), and the tokens
they need from bench/tokens.py. Each run adds one row to results.jsonl, which report.py reads."""
import json
import os
import re
import subprocess
import sys

from harness.log import fail, log
from harness.settings import INTERACTIVE_AUTH, M2M_AUTH, BENCH_PASSWORD, THREADS


def _output(bench, tool, server, scenario, conns):
    return bench.path(f"{tool}-{server.name}-{re.sub(r'[^a-zA-Z0-9_-]', '_', scenario)}-c{conns}.txt")


def _figures(path, what):
    """The BENCH_JSON line both load generators print, as it is printed (it goes into the log and results.jsonl
    unchanged)."""
    with open(path, errors="replace") as f:
        line = next((l for l in f if l.startswith("BENCH_JSON ")), None)
    if line is None:
        fail(f"no figures from {what}: see {path}")
    return line[len("BENCH_JSON "):].strip()


def _record(bench, server, scenario, conns, ticks, rss0, rss1, figures, extra):
    """One row of results.jsonl: report.py's input. FIGURES, the load generator's JSON, goes in as "wrk"."""
    row = {"server": server.name, "scenario": scenario, "conns": conns, "cpu_ticks": ticks, "clk_tck": bench.clk_tck,
           "rss_before_kb": rss0, "rss_after_kb": rss1, **(extra or {})}
    with open(bench.path("results.jsonl"), "a") as f:
        f.write(json.dumps(row, separators=(",", ":"))[:-1] + f',"wrk":{figures}}}\n')


def wrk(bench, server, scenario, script, conns, seconds, env, extra=None):
    """One wrk run against SERVER, with the server's CPU time and RSS read before and after. ENV: the script's
    settings (BENCH_AUTH, BENCH_TOKENS ...); EXTRA: more fields for the results.jsonl row (e.g. "stored": 1000)."""
    out = _output(bench, "wrk", server, scenario, conns)
    rss0, cpu0 = server.rss_kb(), server.cpu_ticks()
    command = ["wrk", f"-t{THREADS}", f"-c{conns}", f"-d{seconds}s", "--timeout", "10s", "-s",
               bench.bench_path("lua", script), server.url]
    with open(out, "w") as f:
        try:
            done = subprocess.run(command, stdout=f, stderr=subprocess.STDOUT, timeout=seconds + 60,
                                  env={**os.environ, **env, "BENCH_THREADS": str(THREADS)})
        except subprocess.TimeoutExpired:
            done = None
    if not done or done.returncode != 0:
        fail(f"wrk failed: see {out}")
    rss1, cpu1 = server.rss_kb(), server.cpu_ticks()
    figures = _figures(out, "wrk")
    _record(bench, server, scenario, conns, cpu1 - cpu0, rss0, rss1, figures, extra)
    with open(out, errors="replace") as f:
        rate = " ".join(" ".join(l.split()) for l in f if l.startswith("Requests/sec"))
    log(f"{server.name} {scenario} c{conns}: {rate} ({figures})")


def client_credentials(bench, server, scenario, conns, seconds, save=None):
    env = {"BENCH_AUTH": M2M_AUTH, "BENCH_TOKEN_PATH": server.token_path}
    if save:
        env["BENCH_SAVE"] = save  # each wrk thread writes the access tokens it gets to SAVE.<thread>
    wrk(bench, server, scenario, "client_credentials.lua", conns, seconds, env)


def introspect(bench, server, scenario, conns, seconds, tokens, extra=None):
    wrk(bench, server, scenario, "introspect.lua", conns, seconds, {"BENCH_AUTH": M2M_AUTH, "BENCH_TOKENS": tokens},
        extra)


def revoke(bench, server, scenario, conns, seconds, tokens):
    wrk(bench, server, scenario, "revoke.lua", conns, seconds, {"BENCH_AUTH": M2M_AUTH, "BENCH_TOKENS": tokens})


def refresh(bench, server, scenario, conns, seconds, tokens, extra=None):
    wrk(bench, server, scenario, "refresh.lua", conns, seconds,
        {"BENCH_AUTH": INTERACTIVE_AUTH, "BENCH_TOKENS": tokens}, extra)


def loadgen(bench, server, scenario, mode, conns, warmup, seconds):
    """One run of bench/loadgen (browser visits, a new connection and session each); it reads the server's CPU time
    and RSS itself, over the measured seconds only."""
    s = bench.settings
    out = _output(bench, "loadgen", server, scenario, conns)
    command = [s.java, "-jar", bench.bench_path("loadgen", "target", "loadgen.jar"), f"mode={mode}",
               f"url={server.url}", f"connections={conns}", f"warmup={warmup}", f"duration={seconds}",
               f"users={s.users}", f"password={BENCH_PASSWORD}", f"pid={server.pid}"]
    with open(out, "w") as f:
        try:
            done = subprocess.run(command, stdout=f, stderr=subprocess.STDOUT, timeout=warmup + seconds + 90)
        except subprocess.TimeoutExpired:
            done = None
    if not done or done.returncode != 0:
        fail(f"the load generator failed: see {out}")
    figures = _figures(out, "the load generator")
    measured = json.loads(figures)["server"]
    _record(bench, server, scenario, conns, measured["cpu_ticks"], measured["rss_before_kb"],
            measured["rss_after_kb"], figures, None)
    log(f"{server.name} {scenario} c{conns}: {figures}")


def tokens_command(bench, url, count, output, access_tokens=False):
    """bench/tokens.py: COUNT refresh tokens (authorization-code flow with PKCE), or COUNT client_credentials access
    tokens, into OUTPUT, one a line."""
    return [sys.executable, bench.bench_path("tokens.py"), url, str(count), output] + \
        (["--access-tokens"] if access_tokens else [])


def fetch_tokens(bench, url, count, output):
    if subprocess.run(tokens_command(bench, url, count, output)).returncode != 0:
        fail(f"bench/tokens.py could not get {count} grants from {url}")
