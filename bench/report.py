#!/usr/bin/env python3
"""Turns one run of bench/run.sh into Markdown: prints it and writes it to RESULTS_DIR/<date>.md.

    python3 bench/report.py RUN_FOLDER RESULTS_DIR REPOSITORY

RUN_FOLDER holds results.jsonl (one wrk run a line), startup.jsonl and limits-*.tsv. Exits 1 when any request
of any run failed (a non-2xx answer or a socket error), 0 otherwise.
"""
import datetime
import json
import os
import subprocess
import sys

NAMES = {"authforge": "AuthForge", "minimal": "minimal Spring AS"}
LIMITS = {
    "jwt_rs256_sign": "JWT signatures, RS256 (RSA 2048)",
    "jwt_es256_sign": "JWT signatures, ES256 (P-256)",
    "argon2id_check": "password check, Argon2id m=19 MiB t=2 p=1 (the server's)",
    "bcrypt10_check": "password check, bcrypt cost 10 (what a re-encoded {noop} secret costs)",
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


def figures(row):
    w = row["wrk"]
    seconds = w["duration_us"] / 1e6
    requests = w["requests"]
    errors = w["non2xx"] + w["connect"] + w["read"] + w["write"] + w["timeout"]
    cpu = row["cpu_ticks"] / row["clk_tck"]
    return {
        "requests": requests,
        "seconds": seconds,
        "rps": requests / seconds if seconds else 0,
        "p50": w["p50_ms"], "p90": w["p90_ms"], "p99": w["p99_ms"],
        "errors": errors,
        "cpu_per_1k": cpu / requests * 1000 if requests else float("nan"),
        "rss0": row["rss_before_kb"] / 1024, "rss1": row["rss_after_kb"] / 1024,
        "early": w.get("stopped_early", False),
    }


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
    out.append(f"- servers' JVM: {' / '.join(m['java'])}; heap -Xmx{os.environ.get('BENCH_HEAP', '?')}")
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
                   f"| {f['rps']:,.0f} | {f['p50']:.1f} | {f['p90']:.1f} | {f['p99']:.1f} | {f['errors']} "
                   f"| {f['cpu_per_1k']:.2f} | {f['rss0']:.0f} | {f['rss1']:.0f} |")

    out.append("\n## AuthForge against the minimal Spring authorization server (ratio AuthForge ÷ minimal)\n")
    out.append("| Scenario | Conn. | Req/s | p99 latency | Server CPU / 1k req | RSS after |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: |")
    for (server, scenario, conns), a in by_key.items():
        b = by_key.get(("minimal", scenario, conns))
        if server != "authforge" or not b:
            continue
        out.append(f"| {scenario} | {conns} | {a['rps'] / b['rps']:.2f} | {a['p99'] / b['p99']:.2f} "
                   f"| {a['cpu_per_1k'] / b['cpu_per_1k']:.2f} | {a['rss1'] / b['rss1']:.2f} |")
    out.append("| refresh | | no baseline: the minimal server has no users, sign-in or refresh tokens | | | |")

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
        cells = f"| {label} | {rate:,.0f} | {ms:.2f} |"
        if key in limits_alt:
            cells += f" {limits_alt[key][0]:,.0f} | {limits_alt[key][1]:.2f} |"
        out.append(cells)
    if "jwt_rs256_sign" in limits:
        cores = int(m["nproc"]) if str(m["nproc"]).isdigit() else 1
        ceiling = limits["jwt_rs256_sign"][0] * cores
        best = max((f["rps"] for (s, sc, _), f in by_key.items() if s == "authforge" and sc.startswith("client_credentials")),
                   default=0)
        out.append(f"\nSigning alone would cap client_credentials at about {ceiling:,.0f} tokens/s on {cores} cores "
                   f"(RS256 per core × cores, with nothing else running); AuthForge's best client_credentials run "
                   f"reached {best:,.0f}/s with wrk on the same cores.")

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
