#!/usr/bin/env python3
"""Turns one run of bench/run.sh into Markdown: prints it and writes it to RESULTS_DIR/<date>.md.

    python3 bench/report.py RUN_FOLDER RESULTS_DIR REPOSITORY

RUN_FOLDER holds results.jsonl (one wrk or loadgen run a line), startup.jsonl, limits-*.tsv, fills.jsonl (the seeded
stored authorizations) and profile-*.md (bench/jfr_top.py's readings). Exits 1 when any request of any run failed
(a non-2xx answer or a socket error), 0 otherwise.
"""
import datetime
import json
import os
import subprocess
import sys

NAMES = {"authforge": "AuthForge", "authforge-es256": "AuthForge, ES256 keys", "minimal": "minimal Spring AS",
         "keycloak": "Keycloak 26"}
LOGIN_PAGE_TARGET = 0.05   # the login page alone, as a share of a sign-in
STORED_TARGET = 1.25       # p50 with BENCH_ROWS stored authorizations, over p50 with 1,000
LIMITS = {
    "jwt_rs256_sign": "JWT signatures, RS256 (RSA 2048)",
    "jwt_es256_sign": "JWT signatures, ES256 (P-256)",
    "argon2id_check": "password check, Argon2id m=19 MiB t=2 p=1 (the server's)",
    "argon2id_check_all_cores": "password checks, the same, one thread per core at once (all together; ms: per check)",
    "bcrypt10_check": "password check, bcrypt cost 10 (what a re-encoded {noop} secret costs)",
    "argon2id_keycloak_check": "password check, Keycloak 26's default hashing: Argon2id m=7 MiB t=5 p=1",
}


def command(*args, any_status=False):
    try:
        out = subprocess.run(args, capture_output=True, text=True, timeout=30)
        return (out.stdout + out.stderr).strip() if out.returncode == 0 or any_status else None
    except (OSError, subprocess.TimeoutExpired):
        return None


def short_java(version_line):
    """'openjdk version "17.0.15" 2025-04-15' -> 'Java 17.0.15'"""
    parts = version_line.split('"')
    return f"Java {parts[1]}" if len(parts) > 2 else version_line


def read_jsonl(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def read_limits(path):
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return {name: (float(rate), float(ms)) for name, rate, ms in (line.split("\t") for line in f if line.strip())}


def read_beside(path):
    """limits-beside.tsv: {figure: [(when, ms), ...]}, each figure measured just before and after the load that a
    target divides by it."""
    out = {}
    if os.path.exists(path):
        with open(path) as f:
            for name, when, _, ms in (line.rstrip("\n").split("\t") for line in f if line.strip()):
                out.setdefault(name, []).append((when, float(ms)))
    return out


def divisor(beside, limits, name):
    """The figure a target divides by, and its text: the mean of the measurements beside the load when there are
    any, else the one-core limits' (measured at the start of the run)."""
    if beside.get(name):
        ms = sum(m for _, m in beside[name]) / len(beside[name])
        return ms, f"{ms:.2f} ms (alone, just {' and '.join(f'{w.split()[0]} ({m:.2f})' for w, m in beside[name])})"
    if name in limits:
        return limits[name][1], f"{limits[name][1]:.2f} ms (the limits, at the start of the run)"
    return None, None


def figures(row):
    w = row["wrk"]
    seconds = w["duration_us"] / 1e6
    requests = w["requests"]
    errors = w["non2xx"] + w["connect"] + w["read"] + w["write"] + w["timeout"]
    # CPU milliseconds per request (= CPU seconds per 1,000 requests), from clock ticks
    ms_each = lambda ticks: ticks / row["clk_tck"] / requests * 1000 if requests else float("nan")
    return {
        "requests": requests,
        "seconds": seconds,
        "rps": requests / seconds if seconds else 0,
        "p50": w["p50_ms"], "p90": w["p90_ms"], "p99": w["p99_ms"],
        "errors": errors,
        "cpu_per_1k": ms_each(row["cpu_ticks"]),
        "rss0": row["rss_before_kb"] / 1024, "rss1": row["rss_after_kb"] / 1024,
        "early": w.get("stopped_early", False),
        "steps": w.get("steps_p50_ms", {}),
        "statuses": w.get("statuses", {}),
        "stored": row.get("stored"), "kind": row.get("kind"),
        # the load generator's per-thread reading (bench/loadgen): ms of CPU per request by kind of thread
        "threads_ms": {kind: ms_each(ticks) for kind, ticks in w.get("server", {}).get("threads_ticks", {}).items()},
        "loadgen_ms": ms_each(w["server"]["loadgen_ticks"]) if "loadgen_ticks" in w.get("server", {}) else None,
    }


def errors_cell(f):
    """'0', or the count with the statuses of the non-2xx answers: '4 (503: 4)'."""
    if not f["errors"] or not f["statuses"]:
        return str(f["errors"])
    return f"{f['errors']} (" + ", ".join(f"{status}: {n}" for status, n in sorted(f["statuses"].items())) + ")"


def machine(repo, java):
    mem_kb = next((int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal:")), 0)
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    commit = command("git", "-C", repo, "rev-parse", "--short", "HEAD") or "unknown (not a git checkout)"
    return {
        "nproc": command("nproc") or "?",
        "memory": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "cpu": cpu,
        "java": (command(java, "-version") or "?").splitlines(),
        "wrk": (command("wrk", "-v", any_status=True) or "?").splitlines()[0].split(" Copyright")[0],
        "commit": commit,
    }


# Issue 19's targets, each a ratio of two figures from one run (same machine, same JVM options): (limit, True when
# higher is better). report.py prints them first, each with the two figures and "met", "missed" or "not measured".
TARGETS = {
    "start": (1.5, False),             # start to first discovery answer, existing database: AuthForge ÷ minimal
    "fast start": (1.0, False),        # AuthForge with class-data sharing ÷ the minimal server's plain start
    "rss": (1.5, False),               # RSS when ready: AuthForge ÷ minimal
    "sign-in cpu": (1.5, False),       # server CPU per sign-in ÷ one Argon2id check (the limits)
    "sign-in keycloak": (1.5, True),   # sign-ins/s: AuthForge ÷ Keycloak
    "client_credentials": (1.0, True),  # req/s in alternation, c4 and c16: AuthForge ÷ minimal
    "token cpu": (1.3, False),         # server CPU per client_credentials token ÷ one RS256-signed JWT (the limits)
}
SUITE_TARGET_S = 90    # the generated project's ./mvnw verify, on 2 cores
WALL_TARGET_S = 600    # the whole bench/run.sh


class Targets:
    """The rows of the targets table: what, AuthForge's figure, the figure it is divided by, the ratio, the target,
    the result."""

    def __init__(self):
        self.rows = []

    def ratio(self, what, key, a, a_text, b, b_text):
        limit, higher = TARGETS[key]
        value = a / b
        met = value >= limit if higher else value <= limit
        self.rows.append((what, a_text, b_text, f"**{value:.2f}**", better(higher), self.target(key),
                          "met" if met else "**missed**"))

    def reported(self, what, a, a_text, b, b_text):
        self.rows.append((what, a_text, b_text, f"{a / b:.2f}", better(False), "–", "reported, no target"))

    def plain(self, what, figure, target, met):
        self.rows.append((what, figure, "–", "–", better(False), target, "met" if met else "**missed**"))

    def missing(self, what, target, reason, higher=False):
        self.rows.append((what, "–", "–", "–", better(higher), target, f"not measured ({reason})"))

    @staticmethod
    def target(key):
        limit, higher = TARGETS[key]
        return f"{'≥' if higher else '≤'} {limit}"

    def lines(self):
        return ["| Target (issue 19) | AuthForge | divided by | ratio | better | target | result |",
                "| --- | ---: | ---: | ---: | --- | ---: | --- |"] + \
            ["| " + " | ".join(row) + " |" for row in self.rows]


def better(higher):
    return "higher" if higher else "lower"


def not_run(parts):
    """'part authforge did not run' / 'parts authforge and minimal did not run'"""
    return f"part{'s' if len(parts) > 1 else ''} {' and '.join(parts)} did not run"


def targets_section(by_key, starts, limits, beside, suite, env, java_name):
    """Issue 19's targets, first in the report: each a ratio from this run, with the two figures it comes from."""
    t = Targets()
    ran = {part: any(server == part for server, _, _ in by_key) or any(st["server"] == part for st in starts)
           for part in ("authforge", "minimal", "keycloak")}
    second = next((st for st in starts if st["server"] == "authforge" and st["start"].startswith("second start")),
                  None)
    minimal = next((st for st in starts if st["server"] == "minimal"), None)
    # the class-data sharing starts on an existing database: servers A (1,000 stored authorizations) and B of
    # scenario 5; A's database is the closer to the second start's
    cds = sorted((st for st in starts if st["server"] == "authforge" and "class-data sharing" in st["start"]
                  and "empty database" not in st["start"]), key=lambda st: "(A)" not in st["start"])
    cds = cds[0] if cds else None
    start_missing = not_run([p for p, st in (("authforge", second), ("minimal", minimal)) if not st])
    seconds = lambda st: f"{st['ready_ms'] / 1000:.1f} s"
    minimal_start = lambda st: f"{seconds(st)} (minimal server, plain start)"

    what = "Start to first discovery answer, existing database, the shipped JVM options"
    if second and minimal:
        t.ratio(what, "start", second["ready_ms"], f"{seconds(second)} (second start)", minimal["ready_ms"],
                minimal_start(minimal))
    else:
        t.missing(what, t.target("start"), start_missing)
    what = f"The same, AuthForge with the documented fast start (class-data sharing, {java_name}) ÷ the minimal " \
           "server's plain start"
    if cds and minimal:
        t.ratio(what, "fast start", cds["ready_ms"], f"{seconds(cds)} ({cds['start']})", minimal["ready_ms"],
                minimal_start(minimal))
    else:
        missing = [p for p, st in (("stored", cds), ("minimal", minimal)) if not st]
        t.missing(what, t.target("fast start"), not_run(missing) + (": the class-data sharing starts on existing "
                                                                    "databases are scenario 5's" if not cds else ""))
    aot = next((st for st in starts if st["server"] == "authforge" and "AOT cache" in st["start"]), None)
    minimal_25 = next((st for st in starts if st["server"] == "minimal" and "Java 25" in st["start"]), None)
    if aot and minimal_25:
        t.ratio("The same on Java 25, AuthForge from the AOT cache (fast-start.sh on that Java) ÷ the minimal "
                "server's plain start on Java 25", "fast start", aot["ready_ms"], f"{seconds(aot)} ({aot['start']})",
                minimal_25["ready_ms"], f"{seconds(minimal_25)} (minimal server, plain start on Java 25)")
    mib = lambda kb: f"{kb / 1024:,.0f} MiB"
    what = "RSS when ready, the starts of the first row"
    if second and minimal:
        t.ratio(what, "rss", second["rss_kb"], mib(second["rss_kb"]), minimal["rss_kb"], mib(minimal["rss_kb"]))
    else:
        t.missing(what, t.target("rss"), start_missing)
    what = "RSS of the idle server right after those starts, before any load, 1.5 s after a forced GC (jcmd GC.run)"
    if second and minimal and "idle_gc_rss_kb" in second and "idle_gc_rss_kb" in minimal:
        what = what.replace("1.5 s", f"{second.get('idle_gc_settle_ms', 1500) / 1000:g} s")
        t.reported(what, second["idle_gc_rss_kb"], mib(second["idle_gc_rss_kb"]), minimal["idle_gc_rss_kb"],
                   mib(minimal["idle_gc_rss_kb"]))
    else:
        t.missing(what, "–", start_missing if not (second and minimal)
                  else "startup.jsonl has no idle_gc_rss_kb: a run made before this measurement")

    sign_in = by_key.get(("authforge", "sign-in", 4))
    what = "Server CPU per password sign-in (its four requests, 4 connections) ÷ one Argon2id check (one thread)"
    check, check_text = divisor(beside, limits, "argon2id_check")
    if sign_in and check:
        t.ratio(what, "sign-in cpu", sign_in["cpu_per_1k"], f"{sign_in['cpu_per_1k']:.1f} ms", check, check_text)
    else:
        t.missing(what, t.target("sign-in cpu"), not_run([p for p, ok in (("limits", check), ("sign-in", sign_in))
                                                          if not ok]))
    what = "Sign-ins per second, 4 connections, AuthForge ÷ Keycloak"
    keycloak = by_key.get(("keycloak", "sign-in", 4))
    if sign_in and keycloak:
        t.ratio(what, "sign-in keycloak", sign_in["rps"], f"{sign_in['rps']:,.1f}/s", keycloak["rps"],
                f"{keycloak['rps']:,.1f}/s (Keycloak)")
    elif not ran["keycloak"]:
        t.missing(what, t.target("sign-in keycloak"), "BENCH_KEYCLOAK=1 runs Keycloak", True)
    elif not keycloak:
        t.missing(what, t.target("sign-in keycloak"), "Keycloak ran, but with no sign-in run at 4 connections", True)
    else:
        t.missing(what, t.target("sign-in keycloak"), not_run(["sign-in"]), True)

    runs = alternation_runs(by_key)
    mean = lambda key, name: sum(r[name] for r in runs[key]) / len(runs[key])
    for conns in (4, 16):
        what = f"client_credentials req/s, {conns} connections, in alternation (step 8), AuthForge ÷ minimal"
        a, b = ("authforge", conns), ("minimal", conns)
        if a in runs and b in runs:
            t.ratio(what, "client_credentials", mean(a, "rps"), f"{mean(a, 'rps'):,.0f}/s", mean(b, "rps"),
                    f"{mean(b, 'rps'):,.0f}/s")
        else:
            t.missing(what, t.target("client_credentials"), "no alternation: it runs when parts authforge and "
                                                            "minimal both run", True)
    for conns in (4, 16):
        what = f"Server CPU per client_credentials token, {conns} connections ÷ one RS256-signed JWT (one thread)"
        a = ("authforge", conns)
        own = by_key.get(("authforge", "client_credentials", conns))
        if a in runs:
            cpu, source = mean(a, "cpu_per_1k"), "in alternation"
        elif own:
            cpu, source = own["cpu_per_1k"], "its own run: no alternation in this run"
        else:
            cpu, source = None, None
        sign, sign_text = divisor(beside, limits, "jwt_rs256_sign")
        if cpu and sign:
            t.ratio(what, "token cpu", cpu, f"{cpu:.2f} ms ({source})", sign, sign_text)
        elif not ran["authforge"]:
            t.missing(what, t.target("token cpu"), not_run(["authforge"]))
        elif not cpu:
            t.missing(what, t.target("token cpu"), "no client_credentials run of AuthForge but its warm-up: its "
                                                   "runs are in the alternation, which did not run")
        else:
            t.missing(what, t.target("token cpu"), not_run(["limits"]))

    what = "The generated project's test suite, `./mvnw -B -ntp verify`"
    target = f"≤ {SUITE_TARGET_S} s on 2 cores"
    if suite:
        cores = suite.get("cores")
        where = f"{suite['seconds']:.0f} s on {cores} cores"
        if "tests" in suite:
            where += (f": {suite['tests']:,} tests, {suite['failures']} failures, {suite['errors']} errors, "
                      f"{suite['skipped']} skipped")
        if suite.get("browser_skipped"):
            where += f" ({suite['browser_skipped']})"
        elif suite.get("browser"):
            where += " (the browser tests ran: Chromium and its driver in /usr/bin)"
        else:
            where += " (no /usr/bin/chromium with /usr/bin/chromedriver: the browser tests were skipped)"
        passed = suite["exit"] == 0 and "tests" in suite and not suite["failures"] and not suite["errors"]
        if passed:
            t.plain(what, where, target, suite["seconds"] <= SUITE_TARGET_S)
        else:
            t.rows.append((what, where, "–", "–", better(False), target,
                           f"**missed**: the suite failed (exit {suite['exit']}; see suite.log)"))
    else:
        t.missing(what, target, "BENCH_SUITE=1 measures it, ~5 min")

    what = "Wall time of the whole `bench/run.sh`, builds included"
    target = f"< {WALL_TARGET_S} s"
    wall = env.get("BENCH_WALL")
    if not wall:
        t.missing(what, target, "no wall time: report.py was run by hand")
    elif env.get("BENCH_ONLY"):
        t.missing(what, target, f"a partial run, BENCH_ONLY={env['BENCH_ONLY']}: {wall} s")
    elif env.get("BENCH_SKIP_BUILD") == "1":
        t.missing(what, target, f"BENCH_SKIP_BUILD=1, no build: {wall} s")
    elif env.get("BENCH_RUN_LENGTH"):
        t.missing(what, target, f"settings that change the run's length, {env['BENCH_RUN_LENGTH']}: {wall} s")
    else:
        total = float(wall)
        figure = f"{total:.0f} s"
        if suite:  # opt-in, not part of the run the target is about
            total -= suite["seconds"]
            figure += f", {total:.0f} s without the test suite (BENCH_SUITE=1, {suite['seconds']:.0f} s)"
        if ran["keycloak"]:
            figure += ", Keycloak included (BENCH_KEYCLOAK=1)"
        t.plain(what, figure, target, total < WALL_TARGET_S)

    out = ["## Targets (issue 19)\n",
           "Each a ratio of two figures from this run (same machine, same JVM options): AuthForge's, divided by the "
           "one beside it; \"better\" says which way is better (higher for req/s, lower for time, CPU and RSS). "
           "The detailed tables below hold every figure.\n"]
    out += t.lines()
    if env.get("BENCH_JVM_OPTIONS_SET") == "1":
        out.append(f"\nBENCH_JVM_OPTIONS replaced the generated Dockerfile's JVM options in this run "
                   f"({env.get('BENCH_SERVER_OPTIONS') or 'none'}): the rows above are not measured with the options "
                   f"the generated project ships.")
    return out


def keycloak_section(by_key):
    if not any(server == "keycloak" for server, _, _ in by_key):
        return []
    out = ["\n## AuthForge, Keycloak and the minimal server\n",
           "| Scenario | Conn. | AuthForge req/s | Keycloak req/s | minimal req/s | AuthForge ÷ Keycloak "
           "| AuthForge ÷ minimal | CPU / 1k req: AuthForge ÷ Keycloak | RSS after: AuthForge ÷ Keycloak |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for (server, scenario, conns), k in by_key.items():
        if server != "keycloak" or scenario.startswith(ALTERNATION) or scenario.startswith("sign-in"):
            continue  # the sign-ins have their own section
        a = by_key.get(("authforge", scenario, conns))
        b = by_key.get(("minimal", scenario, conns))
        cell = lambda f: f"{f['rps']:,.0f}" if f else "–"
        ratio = lambda x, y: f"{x / y:.2f}" if x and y else "–"
        out.append(f"| {scenario} | {conns} | {cell(a)} | {cell(k)} | {cell(b)} "
                   f"| {ratio(a and a['rps'], k['rps'])} | {ratio(a and a['rps'], b and b['rps'])} "
                   f"| {ratio(a and a['cpu_per_1k'], k['cpu_per_1k'])} | {ratio(a and a['rss1'], k['rss1'])} |")
    out.append("\nAbove 1 for req/s means AuthForge is ahead; below 1 for CPU and RSS. Keycloak runs on its own JVM "
               "(Java 21+), AuthForge and the minimal server on the servers' JVM.")
    return out


# the scenario names of bench/scenarios/alternation.py: "client_credentials, in alternation (warm-up)", "(run 1)" ...
ALTERNATION = "client_credentials, in alternation ("


def alternation_runs(by_key):
    """{(server, conns): [figures of its measured runs in alternation]}"""
    runs = {}
    for (server, scenario, conns), f in by_key.items():
        if scenario.startswith(ALTERNATION + "run "):
            runs.setdefault((server, conns), []).append(f)
    return runs


def alternation_section(by_key):
    """The client_credentials runs of the servers in alternation (A B C, then C B A): the mean of each server's two
    runs, and the ratios the targets name."""
    means = alternation_runs(by_key)
    if not means:
        return []
    mean = lambda runs, key: sum(r[key] for r in runs) / len(runs)
    out = ["\n## client_credentials, the servers in alternation\n",
           "Each server kept running after its own scenarios; then each answers the same load in turn, in one order "
           "and then in the reverse one, at 4 and at 16 connections, so that the machine's drift during the run favours none. Means of "
           "each server's two runs; ratios AuthForge ÷ the other (above 1 for req/s, below 1 for CPU: AuthForge "
           "ahead).\n",
           "| Server | Conn. | req/s (run 1, run 2) | mean req/s | CPU s / 1k req | AuthForge ÷ it, req/s "
           "| AuthForge ÷ it, CPU |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for (server, conns), runs in sorted(means.items(), key=lambda item: (item[0][1], item[0][0] != "authforge",
                                                                           item[0][0])):
        a = means.get(("authforge", conns))
        rps = ", ".join(f"{r['rps']:,.0f}" for r in runs)
        ratios = ("| – | – |" if server == "authforge" or not a else
                  f"| **{mean(a, 'rps') / mean(runs, 'rps'):.2f}** | {mean(a, 'cpu_per_1k') / mean(runs, 'cpu_per_1k'):.2f} |")
        out.append(f"| {NAMES.get(server, server)} | {conns} | {rps} | {mean(runs, 'rps'):,.0f} "
                   f"| {mean(runs, 'cpu_per_1k'):.2f} {ratios}")
    es256 = [(conns, means[("authforge-es256", conns)], means[("minimal", conns)]) for conns in (4, 16)
             if ("authforge-es256", conns) in means and ("minimal", conns) in means]
    if es256:
        out.append("\nAuthForge with ES256 keys ÷ the minimal server (RS256), req/s: " + ", ".join(
            f"{mean(e, 'rps') / mean(m, 'rps'):.2f} at {conns} connections" for conns, e, m in es256)
                   + " (the ES256 server started minutes before the comparison, the others long before: its JIT "
                     "is the least warm).")
    return out


def by_thread(start, row):
    """One line: a sign-in's server CPU by thread (request threads, JIT, collector, other), and the load generator's."""
    t = row["threads_ms"]
    return (f"- {start} {t['requests']:.1f} ms, JIT compiler {t['jit']:.1f} ms, garbage collector {t['gc']:.1f} ms, "
            f"other {row['cpu_per_1k'] - sum(t.values()):.1f} ms; the load generator beside it "
            f"{row['loadgen_ms']:.1f} ms.")


def step_medians(row):
    """'authorize 7.7 ms, login page 9.8 ms, ...': the median of each request of a sign-in."""
    return ", ".join(f"{name.replace('_', ' ')} {value:.1f} ms" for name, value in row["steps"].items())


def sign_in_section(by_key, limits, cores):
    s = by_key.get(("authforge", "sign-in", 4))
    if not s:
        return []
    out = ["\n## Password sign-ins (scenario 2)\n"]
    ms = lambda f: f["cpu_per_1k"]  # CPU seconds per 1,000 = CPU milliseconds per one
    if "argon2id_check" in limits:
        hash_ms = limits["argon2id_check"][1]
        bound = cores / (hash_ms / 1000)
        out.append(f"- **{s['rps']:,.1f} sign-ins/s** at 4 connections (p50 {s['p50']:.0f} ms, p99 {s['p99']:.0f} ms, "
                   f"{s['errors']} errors): {100 * s['rps'] / bound:.0f} % of the hash bound, {cores} cores ÷ "
                   f"{hash_ms:.1f} ms per password check = {bound:,.1f}/s (the target is the CPU per sign-in over "
                   f"one check: see \"Targets\").")
        if "argon2id_check_all_cores" in limits:
            together = limits["argon2id_check_all_cores"][0]
            out.append(f"- With every core hashing at once the limits reach {together:,.1f} checks/s "
                       f"({100 * together / bound:.0f} % of the bound above): against that, the sign-ins reach "
                       f"{100 * s['rps'] / together:.0f} %.")
        capacity = 2000 / ms(s) * cores / 2 if ms(s) else 0
        out.append(f"- Server CPU per sign-in: {ms(s):.1f} ms, **{ms(s) / hash_ms:.2f}×** one password check; with the "
                   f"cores to itself (no load generator beside it) the server would reach about {capacity:,.1f} "
                   f"sign-ins/s ({100 * capacity / bound:.0f} % of the bound).")
    else:
        out.append(f"- {s['rps']:,.1f} sign-ins/s at 4 connections; no hash bound (the limits were not measured).")
    if s["threads_ms"]:
        out.append(by_thread("Where a sign-in's server CPU goes, by thread (from /proc/PID/task): request threads", s))
    page = by_key.get(("authforge", "login page", 4))
    if page:
        cpu_share = ms(page) / ms(s) if ms(s) else 0
        latency_share = page["p50"] / s["p50"] if s["p50"] else 0
        verdict = "meets" if cpu_share < LOGIN_PAGE_TARGET else "misses"
        out.append(f"- The login page alone (GET /login, new connection and session each): {page['rps']:,.0f}/s, "
                   f"p50 {page['p50']:.1f} ms, {ms(page):.2f} ms of server CPU: **{100 * cpu_share:.1f} %** of a "
                   f"sign-in's CPU ({100 * latency_share:.1f} % of its p50); target < {100 * LOGIN_PAGE_TARGET:.0f} %: "
                   f"{verdict} it.")
    if s["steps"]:
        out.append("- Median of each request of a sign-in: " + step_medians(s) + ".")
    return out


def keycloak_sign_in_section(by_key, limits, cores, users):
    """Keycloak's password sign-ins (scenarios/keycloak.py): the same load as AuthForge's, through its login form."""
    k = by_key.get(("keycloak", "sign-in", 4))
    if not k:
        return []
    ms = lambda f: f["cpu_per_1k"]
    out = ["\n## Password sign-ins, Keycloak\n",
           f"- **{k['rps']:,.1f} sign-ins/s** at 4 connections (p50 {k['p50']:.0f} ms, p99 {k['p99']:.0f} ms, "
           f"{k['errors']} errors), {ms(k):.1f} ms of server CPU per sign-in; its two requests' medians: "
           + step_medians(k) + "."]
    if "argon2id_keycloak_check" in limits:
        hash_ms = limits["argon2id_keycloak_check"][1]
        bound = cores / (hash_ms / 1000)
        out.append(f"- Keycloak's default hashing (Argon2id, 7 MiB, t=5, p=1) costs {hash_ms:.1f} ms per check in "
                   f"the limits: {cores} cores ÷ that = {bound:,.1f} sign-ins/s at best; Keycloak reaches "
                   f"{100 * k['rps'] / bound:.0f} % of it, and its CPU per sign-in is {ms(k) / hash_ms:.1f}× one "
                   f"check.")
    if k["threads_ms"]:
        out.append(by_thread("By thread: request threads (its worker pool and event loops)", k))
    a = by_key.get(("authforge", "sign-in", 4))
    if a and k["rps"]:
        ratio = a["rps"] / k["rps"]
        target = TARGETS["sign-in keycloak"][0]
        verdict = "meets" if ratio >= target else "misses"
        out.append(f"- AuthForge ÷ Keycloak, sign-ins/s: **{ratio:.2f}** ({a['rps']:,.1f} against {k['rps']:,.1f}; "
                   f"measured minutes apart, not in alternation); server CPU per sign-in: "
                   f"{ms(a) / ms(k):.2f}; target ≥ {target}: {verdict} it.")
    for made in users:
        out.append(f"- Its {made['users']:,} bench users were made in {made['seconds']:.1f} s (partial import, one "
                   f"hash with its default parameters: {made['hashing']}).")
    return out


def stored_section(by_key, fills, starts):
    """Scenario 5: the mean of each size's measured runs (two per size, alternated A B B A since the two servers run
    side by side; one per size in runs made before that)."""
    groups = {}
    for (server, scenario, conns), f in by_key.items():
        if f["stored"] and f["kind"] and not scenario.endswith("(warm-up)"):
            groups.setdefault((f["kind"], f["stored"]), []).append(f)
    if not groups:
        return []
    mean = lambda runs, key: sum(r[key] for r in runs) / len(runs)
    sizes = sorted({n for _, n in groups})
    small, large = sizes[0], sizes[-1]
    out = ["\n## Stored authorizations (scenario 5): refresh and introspection, 4 connections\n",
           f"| Scenario | p50 ms, {small:,} stored | p50 ms, {large:,} stored | ratio | req/s, {small:,} "
           f"| req/s, {large:,} | CPU s / 1k req, {small:,} | CPU s / 1k req, {large:,} | runs each |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for kind in ("refresh", "introspect"):
        a, b = groups.get((kind, small)), groups.get((kind, large))
        if not a or not b or small == large:
            continue
        ratio = mean(b, "p50") / mean(a, "p50") if mean(a, "p50") else float("nan")
        out.append(f"| {kind} | {mean(a, 'p50'):.2f} | {mean(b, 'p50'):.2f} | **{ratio:.2f}** "
                   f"{'(meets' if ratio <= STORED_TARGET else '(misses'} ≤ {STORED_TARGET}) | {mean(a, 'rps'):,.0f} "
                   f"| {mean(b, 'rps'):,.0f} | {mean(a, 'cpu_per_1k'):.2f} | {mean(b, 'cpu_per_1k'):.2f} "
                   f"| {len(a)} and {len(b)} |")
    notes = []
    for fill in fills:
        notes.append(f"rows {fill['first']:,}–{fill['last']:,} inserted in {fill['fill_ms'] / 1000:.0f} s"
                     + (" (JSON in H2's LOB store)" if fill.get("lobs") else " (JSON kept in the row during the fill)"))
    for start in starts:
        if "stored" in start["start"]:
            notes.append(f"{start['start']}: ready after {start['ready_ms'] / 1000:.1f} s")
    if notes:
        out.append("\n" + "; ".join(notes) + ". Each size also holds the grants and tokens the runs themselves "
                   "create (a few hundred rows).")
    return out


def main():
    run, results_dir, repo = sys.argv[1], sys.argv[2], sys.argv[3]
    java = os.environ.get("BENCH_JAVA", "java")
    java_alt = os.environ.get("BENCH_JAVA_ALT", "none")
    rows = read_jsonl(os.path.join(run, "results.jsonl"))
    starts = read_jsonl(os.path.join(run, "startup.jsonl"))
    limits = read_limits(os.path.join(run, "limits-main.tsv"))
    limits_alt = read_limits(os.path.join(run, "limits-alt.tsv"))
    m = machine(repo, java)
    now = datetime.datetime.now(datetime.timezone.utc)

    out = []
    out.append(f"# AuthForge benchmark, {now:%Y-%m-%d %H:%M} UTC\n")
    out.append(f"- commit: {m['commit']}")
    out.append(f"- machine: {m['nproc']} cores ({m['cpu']}), {m['memory']} memory")
    out.append(f"- servers' JVM: {' / '.join(m['java'])}; heap -Xmx{os.environ.get('BENCH_HEAP', '?')}; options of "
               f"AuthForge, the minimal server and the limits (those of the generated Dockerfile): "
               f"{os.environ.get('BENCH_SERVER_OPTIONS') or 'none'}")
    out.append(f"- load: {m['wrk']}, 2 threads, on 127.0.0.1, same machine as the server; "
               f"{os.environ.get('BENCH_DURATION', '?')} s per run after a {os.environ.get('BENCH_WARMUP', '?')} s "
               f"warm-up; refresh: {os.environ.get('BENCH_GRANTS', '?')} grants per run")
    out.append(f"- wall time of bench/run.sh: {os.environ.get('BENCH_WALL', '?')} s (builds included)\n")

    # every row of results.jsonl, by (server, scenario, connections): the tables and the targets read them
    by_key = {}
    total_errors = 0
    for row in rows:
        f = figures(row)
        by_key[(row["server"], row["scenario"], row["conns"])] = f
        total_errors += f["errors"]
    suite_path = os.path.join(run, "suite.json")
    suite = json.load(open(suite_path)) if os.path.exists(suite_path) else None
    beside = read_beside(os.path.join(run, "limits-beside.tsv"))
    out += targets_section(by_key, starts, limits, beside, suite, os.environ, short_java(m["java"][0]))

    out.append("\n## Load\n")
    out.append("| Server | Scenario | Conn. | Requests | Req/s | p50 ms | p90 ms | p99 ms | Errors "
               "| Server CPU s / 1k req | RSS before MiB | RSS after MiB |")
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        f = figures(row)
        requests = f"{f['requests']:,}" + (f" in {f['seconds']:.1f} s" if f["early"] else "")
        out.append(f"| {NAMES.get(row['server'], row['server'])} | {row['scenario']} | {row['conns']} | {requests} "
                   f"| {f['rps']:,.0f} | {f['p50']:.1f} | {f['p90']:.1f} | {f['p99']:.1f} | {errors_cell(f)} "
                   f"| {f['cpu_per_1k']:.2f} | {f['rss0']:.0f} | {f['rss1']:.0f} |")

    has_minimal = any(server == "minimal" for server, _, _ in by_key)
    if has_minimal:
        out.append("\n## AuthForge against the minimal Spring authorization server (ratio AuthForge ÷ minimal)\n")
        out.append("| Scenario | Conn. | Req/s | p99 latency | Server CPU / 1k req | RSS after |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        for (server, scenario, conns), a in by_key.items():
            b = by_key.get(("minimal", scenario, conns))
            if server != "authforge" or not b or scenario.startswith(ALTERNATION):
                continue
            out.append(f"| {scenario} | {conns} | {a['rps'] / b['rps']:.2f} | {a['p99'] / b['p99']:.2f} "
                       f"| {a['cpu_per_1k'] / b['cpu_per_1k']:.2f} | {a['rss1'] / b['rss1']:.2f} |")
        out.append("| refresh, sign-in, stored | | no baseline: the minimal server has no users, sign-in or refresh "
                   "tokens | | | |")

    cores = int(m["nproc"]) if str(m["nproc"]).isdigit() else 1
    out += alternation_section(by_key)
    out += keycloak_section(by_key)
    out += sign_in_section(by_key, limits, cores)
    out += keycloak_sign_in_section(by_key, limits, cores, read_jsonl(os.path.join(run, "keycloak-users.jsonl")))
    out += stored_section(by_key, read_jsonl(os.path.join(run, "fills.jsonl")), starts)
    for cleanup in read_jsonl(os.path.join(run, "cleanup.json")):
        job = cleanup["job"]
        rate = job["purged"] / job["busy_s"] if job["busy_s"] else 0
        out.append(f"\nClean-up job, all {cleanup['rows']:,} rows expired (moved into the past by one update in "
                   f"{cleanup['expire_ms'] / 1000:.0f} s, server stopped): purged {job['purged']:,} in "
                   f"{job['busy_s']:.1f} s of job time ({rate:,.0f} rows/s, {job['runs']} runs of at most 30 s, "
                   f"{job['deletes']:,} delete statements)" + ("" if job["finished"] else ", **not finished** "
                   "when the wait ended") + ".")

    out.append("\n## Start-up (process start to the first successful discovery answer)\n")
    out.append("| Server | Start | Seconds | RSS when ready MiB | idle RSS after a forced GC MiB |")
    out.append("| --- | --- | ---: | ---: | ---: |")
    for s in starts:
        idle = f"{s['idle_gc_rss_kb'] / 1024:.0f}" if "idle_gc_rss_kb" in s else "–"
        out.append(f"| {NAMES.get(s['server'], s['server'])} | {s['start']} | {s['ready_ms'] / 1000:.2f} "
                   f"| {s['rss_kb'] / 1024:.0f} | {idle} |")
    if any("idle_gc_rss_kb" in s for s in starts):
        out.append("\nIdle RSS after a forced GC: right after the start, before any load, `jcmd <pid> GC.run`, then "
                   "the server left idle for 1.5 s, then its VmRSS (AuthForge's second start and the minimal server's "
                   "start only).")

    out.append("\n## One-core limits (one thread, no server running)\n")
    alt_name = ""
    if limits_alt:
        alt_name = short_java((command(java_alt, "-version") or java_alt).splitlines()[0])
    header = f"| Operation | {short_java(m['java'][0])}: per s | ms each |"
    line = "| --- | ---: | ---: |"
    if limits_alt:
        header += f" {alt_name}: per s | ms each |"
        line += " ---: | ---: |"
    out.append(header)
    out.append(line)
    for key, label in LIMITS.items():
        if key not in limits:
            continue
        rate, ms = limits[key]
        scale = cores if key.endswith("_all_cores") else 1  # one check takes cores / total rate
        cells = f"| {label} | {rate:,.0f} | {ms * scale:.2f} |"
        if key in limits_alt:
            cells += f" {limits_alt[key][0]:,.0f} | {limits_alt[key][1] * scale:.2f} |"
        elif limits_alt:
            cells += " – | – |"  # the second JVM measures ES256 signatures only
        out.append(cells)
    if beside:
        out.append("\nMeasured again on the servers' JVM just before and after the loads the targets divide them by "
                   "(the servers idle): " + "; ".join(f"{LIMITS.get(name, name)}, {when}: {ms:.2f} ms"
                                                      for name, rows in beside.items() for when, ms in rows) + ".")
    if "jwt_rs256_sign" in limits and any(s == "authforge" and sc.startswith("client_credentials")
                                          for s, sc, _ in by_key):
        ceiling = limits["jwt_rs256_sign"][0] * cores
        best = max((f["rps"] for (s, sc, _), f in by_key.items() if s == "authforge" and sc.startswith("client_credentials")),
                   default=0)
        out.append(f"\nSigning alone would cap client_credentials at about {ceiling:,.0f} tokens/s on {cores} cores "
                   f"(RS256 per core × cores, with nothing else running); AuthForge's best client_credentials run "
                   f"reached {best:,.0f}/s with wrk on the same cores.")

    for name, title in (("client_credentials", "client_credentials, 4 connections"),
                        ("sign-in", "password sign-ins, 4 connections")):
        path = os.path.join(run, f"profile-{name}.md")
        if os.path.exists(path):
            out.append(f"\n## Profile: {title} (JFR execution samples of the request threads)\n")
            out.append(open(path).read().strip())

    if total_errors:
        out.append(f"\n**{total_errors} requests failed: these figures are not valid.** See the wrk-*.txt files "
                   f"and server.log in {run}.")

    text = "\n".join(out) + "\n"
    print(text)
    os.makedirs(results_dir, exist_ok=True)
    path = os.path.join(results_dir, f"{now:%Y-%m-%d}.md")
    with open(path, "w") as f:
        f.write(text)
    print(f"written to {path}", file=sys.stderr)
    sys.exit(1 if total_errors else 0)


if __name__ == "__main__":
    main()
