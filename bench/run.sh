#!/usr/bin/env bash
# The AuthForge benchmark, in one command (about 6 minutes on 2 cores; see bench/README.md):
#
#   bench/run.sh
#
# Installs the archetype from this repository, generates bench/target/bench-server from it and builds it,
# builds the baseline (bench/minimal-server) and the one-core limits (bench/limits), then measures:
#   - the one-core limits (JWT signatures per second, one password hash), with no server running;
#   - AuthForge: start-up on an empty database and again on the existing one, then the load scenarios;
#   - the minimal Spring authorization server: start-up, then the same load scenarios where they apply.
# The load comes from wrk (a separate process, 2 threads) with the Lua scripts in bench/lua, on 127.0.0.1
# only, each run bounded in time. Prints a Markdown table and writes it to bench/results/<date>.md.
# Exits 1 when any request failed (a non-2xx answer or a socket error): the figures are then not valid.
#
# Settings (environment):
#   BENCH_DURATION  seconds of each measured run (15)      BENCH_WARMUP  seconds of the warm-up run (15)
#   BENCH_HEAP      the servers' -Xmx (512m)               BENCH_GRANTS  grants per refresh run (32)
#   JAVA            the JVM that runs the servers and the limits (java on the PATH)
#   BENCH_JAVA_ALT  a second JVM for the limits only (default: Temurin 25 where installed; "none" to skip)
set -euo pipefail

bench="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$bench")"
duration="${BENCH_DURATION:-15}"
warmup="${BENCH_WARMUP:-15}"
heap="${BENCH_HEAP:-512m}"
grants="${BENCH_GRANTS:-32}"
java="${JAVA:-java}"
java_alt="${BENCH_JAVA_ALT:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
threads=2
started="$(date +%s)"
work="$bench/target/run-$(date -u +%Y%m%dT%H%M%SZ)"
results="$work/results.jsonl"
startups="$work/startup.jsonl"
clk_tck="$(getconf CLK_TCK)"
m2m_auth="Basic $(printf %s 'm2m.client:511536EF-F270-4058-80CA-1C89C192F69A' | base64 -w0)"
interactive_auth="Basic $(printf %s 'interactive:49C1A7E1-0C79-4A89-A3D6-A37998FB86B0' | base64 -w0)"

log() { echo "[bench +$(( $(date +%s) - started ))s] $*" >&2; }
fail() { log "FAILED: $*"; exit 2; }

# ---------------------------------------------------------------------------------------------------------
# servers: started directly (no Maven), each in its own folder, on a free loopback port; always stopped
server_pid=""
port=""

stop_server() {
  [ -n "$server_pid" ] || return 0
  local pid="$server_pid"
  server_pid=""
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
trap stop_server EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status"; }

# utime + stime of the server process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat)
cpu_ticks() { sed 's/^.*) //' "/proc/$server_pid/stat" | awk '{ print $12 + $13 }'; }

# start_server SERVER LABEL JAR FOLDER: starts the jar in FOLDER (its H2 database goes to FOLDER/data), waits
# for the discovery document and records the time from process start to that first answer, and the RSS then.
start_server() {
  local server="$1" label="$2" jar="$3" folder="$4"
  mkdir -p "$folder"
  port="$(free_port)"
  local t0
  t0="$(date +%s%N)"
  ( cd "$folder" && exec "$java" "-Xmx$heap" -jar "$jar" --server.port="$port" --server.address=127.0.0.1 ) \
    >>"$folder/server.log" 2>&1 &
  server_pid=$!
  local url="http://127.0.0.1:$port/.well-known/openid-configuration"
  local deadline=$(( $(date +%s) + 180 ))
  until curl -sf -o /dev/null --max-time 2 "$url"; do
    kill -0 "$server_pid" 2>/dev/null || { server_pid=""; fail "$server did not start: see $folder/server.log"; }
    [ "$(date +%s)" -lt "$deadline" ] || fail "$server not ready after 180 s: see $folder/server.log"
    sleep 0.05
  done
  local ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  local rss
  rss="$(rss_kb)"
  printf '{"server":"%s","start":"%s","ready_ms":%d,"rss_kb":%d}\n' "$server" "$label" "$ready_ms" "$rss" >>"$startups"
  log "$server $label: discovery after ${ready_ms} ms, RSS $(( rss / 1024 )) MiB (pid $server_pid, port $port)"
}

# load SERVER SCENARIO SCRIPT CONNECTIONS SECONDS [NAME=VALUE...]: one wrk run against the running server,
# with the server's CPU time and RSS read before and after.
load() {
  local server="$1" scenario="$2" script="$3" conns="$4" seconds="$5"
  shift 5
  local out="$work/wrk-$server-$scenario-c$conns.txt"
  local rss0 cpu0 rss1 cpu1
  rss0="$(rss_kb)"; cpu0="$(cpu_ticks)"
  env "$@" BENCH_THREADS="$threads" timeout "$(( seconds + 60 ))" \
    wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 10s -s "$bench/lua/$script" "http://127.0.0.1:$port" \
    >"$out" 2>&1 || fail "wrk failed: see $out"
  rss1="$(rss_kb)"; cpu1="$(cpu_ticks)"
  local json
  json="$(sed -n 's/^BENCH_JSON //p' "$out")"
  [ -n "$json" ] || fail "no figures from wrk: see $out"
  printf '{"server":"%s","scenario":"%s","conns":%d,"cpu_ticks":%d,"clk_tck":%d,"rss_before_kb":%d,"rss_after_kb":%d,"wrk":%s}\n' \
    "$server" "$scenario" "$conns" "$(( cpu1 - cpu0 ))" "$clk_tck" "$rss0" "$rss1" "$json" >>"$results"
  log "$server $scenario c$conns: $(grep -E '^Requests/sec' "$out" | tr -s ' ') ($json)"
}

# The load scenarios both servers answer (m2m.client): a warm-up whose access tokens are kept, client
# credentials at 4 and 16 connections, introspection and revocation of the kept tokens. AuthForge adds refresh.
load_scenarios() {
  local server="$1"
  local saved="$work/$server-tokens"
  load "$server" warm-up client_credentials.lua 4 "$warmup" BENCH_AUTH="$m2m_auth" BENCH_SAVE="$saved"
  cat "$saved".* >"$saved.txt"
  local harvested
  harvested="$(wc -l <"$saved.txt")"
  load "$server" client_credentials client_credentials.lua 4 "$duration" BENCH_AUTH="$m2m_auth"
  load "$server" client_credentials client_credentials.lua 16 "$duration" BENCH_AUTH="$m2m_auth"
  # introspection cycles through (at most) 1,000 tokens; revocation uses each token once, half per run
  head -n 1000 "$saved.txt" >"$saved.introspect"
  load "$server" introspect introspect.lua 4 "$duration" BENCH_AUTH="$m2m_auth" BENCH_TOKENS="$saved.introspect"
  load "$server" introspect introspect.lua 16 "$duration" BENCH_AUTH="$m2m_auth" BENCH_TOKENS="$saved.introspect"
  split -n "l/2" -d "$saved.txt" "$saved.revoke."
  log "$server: revoking $harvested tokens from the warm-up, half in each run"
  load "$server" revoke revoke.lua 4 "$duration" BENCH_AUTH="$m2m_auth" BENCH_TOKENS="$saved.revoke.00"
  load "$server" revoke revoke.lua 16 "$duration" BENCH_AUTH="$m2m_auth" BENCH_TOKENS="$saved.revoke.01"
  if [ "$server" = authforge ]; then
    log "authforge: $grants grants per refresh run, through the authorization-code flow (bench/tokens.py)"
    python3 "$bench/tokens.py" "http://127.0.0.1:$port" "$grants" "$work/refresh-c4.txt"
    python3 "$bench/tokens.py" "http://127.0.0.1:$port" "$grants" "$work/refresh-c16.txt"
    load "$server" refresh refresh.lua 4 "$duration" BENCH_AUTH="$interactive_auth" BENCH_TOKENS="$work/refresh-c4.txt"
    load "$server" refresh refresh.lua 16 "$duration" BENCH_AUTH="$interactive_auth" BENCH_TOKENS="$work/refresh-c16.txt"
  fi
  load "$server" "client_credentials (warm, again)" client_credentials.lua 4 "$duration" BENCH_AUTH="$m2m_auth"
}

# ---------------------------------------------------------------------------------------------------------
mkdir -p "$work"
log "working folder $work"
command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
command -v wrk >/dev/null || fail "wrk is missing and could not be installed (apt-get install -y wrk)"

log "installing the archetype from $repo"
(cd "$repo" && ./mvnw -B -q install -DskipTests -Dinvoker.skip)

# bench/target has no pom.xml, so generating there cannot turn the project into a module of anything
[ ! -f "$bench/target/pom.xml" ] || fail "$bench/target holds a pom.xml: generating there would add a module to it"
rm -rf "$bench/target/bench-server"
log "generating bench/target/bench-server"
(cd "$bench/target" && "$repo/mvnw" -B -q org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate \
  -DarchetypeGroupId=dev.authforge -DarchetypeArtifactId=authforge-archetype -DarchetypeVersion=0.1.0-SNAPSHOT \
  -DgroupId=bench -DartifactId=bench-server)
log "building bench-server, minimal-server and limits (-DskipTests)"
(cd "$bench/target/bench-server" && ./mvnw -B -q package -DskipTests)
"$repo/mvnw" -B -q -f "$bench/minimal-server/pom.xml" package -DskipTests
"$repo/mvnw" -B -q -f "$bench/limits/pom.xml" package -DskipTests
authforge_jar="$(ls "$bench"/target/bench-server/target/bench-server-*.jar | grep -v plain | head -n 1)"
minimal_jar="$bench/minimal-server/target/minimal-server.jar"

log "one-core limits on $("$java" -version 2>&1 | head -n 1)"
"$java" -jar "$bench/limits/target/limits.jar" 1 3 >"$work/limits-main.tsv"
if [ "$java_alt" != none ] && [ -x "$java_alt" ]; then
  log "one-core limits on $("$java_alt" -version 2>&1 | head -n 1)"
  "$java_alt" -jar "$bench/limits/target/limits.jar" 1 3 >"$work/limits-alt.tsv"
fi

rm -rf "$work/authforge"
start_server authforge "first start (empty database)" "$authforge_jar" "$work/authforge"
stop_server
start_server authforge "second start (existing database)" "$authforge_jar" "$work/authforge"
load_scenarios authforge
stop_server

start_server minimal "start (in memory)" "$minimal_jar" "$work/minimal"
load_scenarios minimal
stop_server

wall=$(( $(date +%s) - started ))
log "done in ${wall} s; the table:"
set +e
BENCH_JAVA="$java" BENCH_JAVA_ALT="$java_alt" BENCH_WALL="$wall" BENCH_HEAP="$heap" BENCH_DURATION="$duration" \
  BENCH_WARMUP="$warmup" BENCH_GRANTS="$grants" python3 "$bench/report.py" "$work" "$bench/results" "$repo"
