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
SIGN_IN_TARGET = 0.85      # sign-ins/s at 4 connections, as a share of (cores / one password check)
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
KEYCLOAK_SIGN_IN_TARGET = 1.5  # AuthForge's sign-ins/s over Keycloak's, both with their default password hashing


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


def keycloak_section(by_key):
    if not any(server == "keycloak" for server, _, _ in by_key):
        return []
    out = ["\n## AuthForge, Keycloak and the minimal server: client_credentials\n",
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


def alternation_section(by_key):
    """The client_credentials runs of the servers in alternation (A B C, then C B A): the mean of each server's two
    runs, and the ratios the targets name."""
    means = {}
    for (server, scenario, conns), f in by_key.items():
        if scenario.startswith(ALTERNATION + "run "):
            means.setdefault((server, conns), []).append(f)
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


def sign_in_section(by_key, limits, cores):
    s = by_key.get(("authforge", "sign-in", 4))
    if not s:
        return []
    out = ["\n## Password sign-ins (scenario 2)\n"]
    ms = lambda f: f["cpu_per_1k"]  # CPU seconds per 1,000 = CPU milliseconds per one
    if "argon2id_check" in limits:
        hash_ms = limits["argon2id_check"][1]
        bound = cores / (hash_ms / 1000)
        verdict = "meets" if s["rps"] >= SIGN_IN_TARGET * bound else "misses"
        out.append(f"- **{s['rps']:,.1f} sign-ins/s** at 4 connections (p50 {s['p50']:.0f} ms, p99 {s['p99']:.0f} ms, "
                   f"{s['errors']} errors): **{100 * s['rps'] / bound:.0f} %** of the hash bound, {cores} cores ÷ "
                   f"{hash_ms:.1f} ms per password check = {bound:,.1f}/s; target ≥ {100 * SIGN_IN_TARGET:.0f} %: "
                   f"{verdict} it.")
        if "argon2id_check_all_cores" in limits:
            together = limits["argon2id_check_all_cores"][0]
            out.append(f"- With every core hashing at once the limits reach {together:,.1f} checks/s "
                       f"({100 * together / bound:.0f} % of the bound above): against that, the sign-ins reach "
                       f"{100 * s['rps'] / together:.0f} %.")
        capacity = 2000 / ms(s) * cores / 2 if ms(s) else 0
        out.append(f"- Server CPU per sign-in: {ms(s):.1f} ms, {ms(s) / hash_ms:.1f}× one password check; with the "
                   f"cores to itself (no load generator beside it) the server would reach about {capacity:,.1f} "
                   f"sign-ins/s ({100 * capacity / bound:.0f} % of the bound).")
    else:
        out.append(f"- {s['rps']:,.1f} sign-ins/s at 4 connections; no hash bound (the limits were not measured).")
    if s["threads_ms"]:
        t = s["threads_ms"]
        other = ms(s) - sum(t.values())
        out.append(f"- Where a sign-in's server CPU goes, by thread (from /proc/PID/task): request threads "
                   f"{t['requests']:.1f} ms, JIT compiler {t['jit']:.1f} ms, garbage collector {t['gc']:.1f} ms, "
                   f"other {other:.1f} ms; the load generator beside it {s['loadgen_ms']:.1f} ms.")
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
        out.append("- Median of each request of a sign-in: " + ", ".join(
            f"{name.replace('_', ' ')} {value:.1f} ms" for name, value in s["steps"].items()) + ".")
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
           + ", ".join(f"{name.replace('_', ' ')} {value:.1f} ms" for name, value in k["steps"].items()) + "."]
    if "argon2id_keycloak_check" in limits:
        hash_ms = limits["argon2id_keycloak_check"][1]
        bound = cores / (hash_ms / 1000)
        out.append(f"- Keycloak's default hashing (Argon2id, 7 MiB, t=5, p=1) costs {hash_ms:.1f} ms per check in "
                   f"the limits: {cores} cores ÷ that = {bound:,.1f} sign-ins/s at best; Keycloak reaches "
                   f"{100 * k['rps'] / bound:.0f} % of it, and its CPU per sign-in is {ms(k) / hash_ms:.1f}× one "
                   f"check.")
    if k["threads_ms"]:
        t = k["threads_ms"]
        out.append(f"- By thread: request threads (its worker pool and event loops) {t['requests']:.1f} ms, JIT "
                   f"compiler {t['jit']:.1f} ms, garbage collector {t['gc']:.1f} ms, other "
                   f"{ms(k) - sum(t.values()):.1f} ms; the load generator beside it {k['loadgen_ms']:.1f} ms.")
    a = by_key.get(("authforge", "sign-in", 4))
    if a and k["rps"]:
        ratio = a["rps"] / k["rps"]
        verdict = "meets" if ratio >= KEYCLOAK_SIGN_IN_TARGET else "misses"
        out.append(f"- AuthForge ÷ Keycloak, sign-ins/s: **{ratio:.2f}** ({a['rps']:,.1f} against {k['rps']:,.1f}; "
                   f"measured minutes apart, not in alternation); server CPU per sign-in: "
                   f"{ms(a) / ms(k):.2f}; target ≥ {KEYCLOAK_SIGN_IN_TARGET}: {verdict} it.")
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

    out.append("## Load\n")
    out.append("| Server | Scenario | Conn. | Requests | Req/s | p50 ms | p90 ms | p99 ms | Errors "
               "| Server CPU s / 1k req | RSS before MiB | RSS after MiB |")
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    by_key = {}
    total_errors = 0
    for row in rows:
        f = figures(row)
        by_key[(row["server"], row["scenario"], row["conns"])] = f
        total_errors += f["errors"]
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
    out.append("| Server | Start | Seconds | RSS when ready MiB |")
    out.append("| --- | --- | ---: | ---: |")
    for s in starts:
        out.append(f"| {NAMES.get(s['server'], s['server'])} | {s['start']} | {s['ready_ms'] / 1000:.2f} "
                   f"| {s['rss_kb'] / 1024:.0f} |")

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
