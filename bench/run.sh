#!/usr/bin/env bash
# The AuthForge benchmark, in one command (about 10 minutes on 2 idle cores; see bench/README.md):
#
#   bench/run.sh
#
# Installs the archetype from this repository, generates bench/target/bench-server from it and builds it,
# builds the baseline (bench/minimal-server), the one-core limits (bench/limits) and the browser load generator
# (bench/loadgen), then measures:
#   - the one-core limits (JWT signatures per second, one password hash), with no server running;
#   - AuthForge: start-up on an empty database and again on the existing one, then the load scenarios
#     (client_credentials, introspection, revocation, refresh) and a JFR profile of client_credentials;
#   - AuthForge with bench users and stored authorizations seeded straight into its H2 database: password sign-ins
#     through the real login form and the login page alone (scenario 2), refresh and introspection with 1,000 and
#     with BENCH_ROWS (1,000,000) stored authorizations (scenario 5);
#   - the minimal Spring authorization server: start-up, then the same load scenarios where they apply;
#   - optionally (BENCH_KEYCLOAK=1) Keycloak 26 in dev mode: start-up and the client_credentials load;
#   - then client_credentials on all of them (and AuthForge with ES256 keys) in alternation, one order then the
#     reverse one: the figures the targets are read from.
# The load comes from wrk (a separate process, 2 threads) with the Lua scripts in bench/lua, and for the browser
# scenarios from bench/loadgen (one new connection and session per visit), on 127.0.0.1 only, each run bounded in
# time. Prints Markdown tables and writes them to bench/results/<date>.md.
# Exits 1 when any request failed (a non-2xx answer or a socket error): the figures are then not valid.
#
# Settings (environment):
#   BENCH_DURATION  seconds of each measured run (5)       BENCH_WARMUP  seconds of each warm-up run (10)
#   BENCH_SIGNIN_WARMUP  seconds of the sign-ins' warm-up (9 x BENCH_WARMUP)
#   BENCH_JVM_OPTIONS  the JVM options of AuthForge and the minimal server (default: those of the generated
#                   project's Dockerfile; set it empty for the JVM's defaults)
#   BENCH_HEAP      the servers' -Xmx (512m)               BENCH_GRANTS  grants per refresh run (32)
#   BENCH_USERS     bench users for the sign-ins (2000)    BENCH_ROWS    stored authorizations, large case (1000000)
#   BENCH_PROFILE   seconds of each profiled run, client_credentials and sign-in (5; 0: no profile)
#   BENCH_KEYCLOAK  1: also measure Keycloak 26 (downloads its distribution from Maven Central once, ~160 MB)
#   BENCH_CLEANUP   1: also time the clean-up job purging the large case's rows once expired (adds 2-4 minutes)
#   BENCH_FILL_LOBS 1: store the seeded authorizations' JSON as H2 stores the server's own (slower fill; see README)
#   BENCH_ONLY      parts to run, comma-separated, of limits,authforge,sign-in,stored,minimal,keycloak
#                   (default: all but keycloak, which BENCH_KEYCLOAK=1 adds)
#   BENCH_SKIP_BUILD 1: reuse the jars of the previous run (development of the bench only)
#   BENCH_KEEP_DATA 1: keep the seeded database (several GB with 1,000,000 rows) in the run folder
#   JAVA            the JVM that runs the servers and the limits (java on the PATH)
#   BENCH_JAVA_ALT  a second JVM for the limits only (default: Temurin 25 where installed; "none" to skip)
#   KEYCLOAK_JAVA_HOME  the JDK for Keycloak, 21 or later (default /usr/lib/jvm/temurin-25-jdk-amd64)
set -euo pipefail

bench="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$bench")"
duration="${BENCH_DURATION:-5}"
warmup="${BENCH_WARMUP:-10}"
# a sign-in touches far more code than a token request and comes 50 times less often: on 2 cores the JIT is still
# compiling after 40 s of sign-ins on a new server (C2 took 15 ms of CPU per sign-in then), so their warm-up is longer;
# the sign-ins run on the server that has answered the other scenarios, whose shared code (Tomcat, the filters) is
# compiled by then, and the class-data sharing training run takes part of the cores during most of it
signin_warmup="${BENCH_SIGNIN_WARMUP:-$(( warmup * 9 ))}"
# revocation uses each token once: the tokens of a run last about 1-2.5 s, the rate is taken over the time they last
revoke_seconds=$(( duration < 3 ? duration : 3 ))
heap="${BENCH_HEAP:-512m}"
grants="${BENCH_GRANTS:-32}"
users="${BENCH_USERS:-2000}"
rows="${BENCH_ROWS:-1000000}"
rows_small=1000
# grants per run of scenario 5 (its runs last half as long; each grant is refreshed again and again, in turn)
stored_grants=$(( grants > 16 ? 16 : grants ))
profile_seconds="${BENCH_PROFILE:-5}"
keycloak_version=26.4.5
keycloak_java_home="${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="${JAVA:-java}"
java_alt="${BENCH_JAVA_ALT:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
parts="${BENCH_ONLY:-limits,authforge,sign-in,stored,minimal}"
if [ "${BENCH_KEYCLOAK:-0}" = 1 ] && [ -z "${BENCH_ONLY:-}" ]; then parts="$parts,keycloak"; fi
# the sign-ins run on the AuthForge server of part "authforge"
if [[ ",$parts," == *",sign-in,"* ]] && [[ ",$parts," != *",authforge,"* ]]; then parts="$parts,authforge"; fi
threads=2
started="$(date +%s)"
work="$bench/target/run-$(date -u +%Y%m%dT%H%M%SZ)"
results="$work/results.jsonl"
startups="$work/startup.jsonl"
clk_tck="$(getconf CLK_TCK)"
m2m_auth="Basic $(printf %s 'm2m.client:511536EF-F270-4058-80CA-1C89C192F69A' | base64 -w0)"
interactive_auth="Basic $(printf %s 'interactive:49C1A7E1-0C79-4A89-A3D6-A37998FB86B0' | base64 -w0)"
# the password of every bench user (scenario 2); the server's password policy does not matter: the rows are seeded
bench_password='Bench-sign-in-2026'
# all sign-ins come from 127.0.0.1: the per-address limit (100 per 10 minutes) is lifted, the per-account one kept
authforge_args=(--authforge.account.rate-limits.sign-in.per-ip.attempts=1000000000)
# where the JDK tools of the servers' JVM are (jcmd starts and stops the JFR recordings, jfr reads them)
jdk_bin="$(dirname "$(readlink -f "$(command -v "$java")")")"

log() { echo "[bench +$(( $(date +%s) - started ))s] $*" >&2; }
fail() { log "FAILED: $*"; exit 2; }
wants() { [[ ",$parts," == *",$1,"* ]]; }
thousands() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

# ---------------------------------------------------------------------------------------------------------
# servers: started directly (no Maven), each in its own folder, on a free loopback port; always stopped.
# server_pid is the JVM (whose CPU and memory are measured); wrapper_pid a script around it (Keycloak's kc.sh).
server_pid=""
wrapper_pid=""
port=""

stop_server() {
  local pid="$server_pid" wrapper="$wrapper_pid"
  server_pid=""
  wrapper_pid=""
  [ "$pid" != "$wrapper" ] || wrapper=""
  for p in $pid $wrapper; do
    kill -TERM "$p" 2>/dev/null || continue
    for _ in $(seq 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
}
# a server set aside while another one is measured (scenario 5 runs two at once, and the servers compared in
# alternation at the end stay up from their own scenarios): stopped at exit as well
parked_pids=""
stop_all() {
  stop_server
  for p in $parked_pids; do server_pid="$p"; stop_server; done
  parked_pids=""
}
# stop_parked PID: stops one parked server
stop_parked() {
  server_pid="$1"
  stop_server
  parked_pids="$(echo " $parked_pids " | sed "s/ $1 / /")"
}
# The servers kept running after their own scenarios for compare_in_alternation: "NAME PID PORT TOKEN_PATH".
compared=()
keep_for_comparison() {
  compared+=("$1 $server_pid $port ${2:-/oauth2/token}")
  parked_pids="$parked_pids $server_pid"
  server_pid=""
  wrapper_pid=""
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# The JVM of a server started through a script (Keycloak's kc.sh): the script's java child, or the script itself
# once it has exec'ed java (kc.sh does after its first start has built the application: exit code 10, relaunch).
wrapped_jvm() {
  if [ "$(cat "/proc/$wrapper_pid/comm" 2>/dev/null)" = java ]; then
    echo "$wrapper_pid"
  else
    pgrep -P "$wrapper_pid" java || true
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status"; }

# utime + stime of the server process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat)
cpu_ticks() { sed 's/^.*) //' "/proc/$server_pid/stat" | awk '{ print $12 + $13 }'; }

# wait_ready SERVER URL T0 LABEL FOLDER SECONDS: polls URL every 50 ms; records the time from T0 (ns) and the RSS,
# unless LABEL is "-".
wait_ready() {
  local server="$1" url="$2" t0="$3" label="$4" folder="$5" limit="$6"
  local deadline=$(( $(date +%s) + limit ))
  until curl -sf -o /dev/null --max-time 2 "$url"; do
    [ -z "$wrapper_pid" ] || server_pid="$(wrapped_jvm)"
    kill -0 "${server_pid:-$wrapper_pid}" 2>/dev/null || { server_pid=""; fail "$server did not start: see $folder/server.log"; }
    [ "$(date +%s)" -lt "$deadline" ] || fail "$server not ready after $limit s: see $folder/server.log"
    sleep 0.05
  done
  local ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  [ -z "$wrapper_pid" ] || server_pid="$(wrapped_jvm)"
  local rss
  rss="$(rss_kb)"
  if [ "$label" != - ]; then
    printf '{"server":"%s","start":"%s","ready_ms":%d,"rss_kb":%d}\n' "$server" "$label" "$ready_ms" "$rss" >>"$startups"
  fi
  log "$server ${label/#-/start}: ready after ${ready_ms} ms, RSS $(( rss / 1024 )) MiB (pid $server_pid, port $port)"
}

# JVM options of AuthForge and the minimal server (both the same: they are compared as servers, not as JVM
# settings), and of the limits; set once the generated project is there (see server_options_from_dockerfile)
server_jvm_options=()
# JVM options of the next start_server, besides those and the heap (the class-data sharing start sets them)
jvm_options=()
# once class_data_sharing_training has made it: the extracted jar and its archive, for the later AuthForge starts
# (ES256 on an empty database, the stored authorizations' on existing ones): what class-data sharing buys
cds_jar=""
cds_archive=""

# server_options_from_dockerfile DOCKERFILE: the JVM options of its ENTRYPOINT (["java", OPTION..., MAIN_CLASS])
server_options_from_dockerfile() {
  python3 - "$1" <<'PY'
import json, sys
line = next(l for l in open(sys.argv[1]) if l.startswith("ENTRYPOINT"))
print(" ".join(a for a in json.loads(line[len("ENTRYPOINT"):])[1:] if a.startswith("-")))
PY
}

# start_authforge LABEL FOLDER [ARGUMENT...]: AuthForge with class-data sharing once it is trained (the label then
# says so), with java -jar before
start_authforge() {
  local label="$1" folder="$2"
  shift 2
  if [ -n "$cds_archive" ]; then
    jvm_options=(-XX:SharedArchiveFile="$cds_archive" -Xshare:auto)
    [ "$label" = - ] || label="$label, with class-data sharing"
    start_server authforge "$label" "$cds_jar" "$folder" "$@"
    jvm_options=()
  else
    start_server authforge "$label" "$authforge_jar" "$folder" "$@"
  fi
}

# class_data_sharing_training: class-data sharing as the generated README describes it: the jar extracted
# (java -Djarmode=tools ... extract), one training run to the end of start-up (spring.context.exit=onRefresh) on a copy
# of the first start's database, which writes the archive (cds_jar, cds_archive). The later AuthForge starts use it
# (start_authforge): the ES256 server's on an empty database, the stored authorizations' on existing ones. It runs in
# the background (start_training), beside the sign-ins' warm-up (nothing is measured meanwhile), and sets no variable:
# finish_training waits for it and sets them.
cds_dir="$work/authforge-cds"
training_pid=""
start_training() {
  class_data_sharing_training &
  training_pid=$!
}
finish_training() {
  [ -n "$training_pid" ] || start_training
  wait "$training_pid" || fail "the class-data sharing training failed: see $cds_dir/training.log"
  training_pid=""
  cds_jar="$cds_dir/$(basename "$authforge_jar")"
  cds_archive="$cds_dir/app.jsa"
}
class_data_sharing_training() {
  local dir="$cds_dir"
  rm -rf "$dir"
  "$java" -Djarmode=tools -jar "$authforge_jar" extract --destination "$dir" >/dev/null
  local jar="$dir/$(basename "$authforge_jar")" db="$work/authforge-cds-db"
  rm -rf "$db"
  mkdir -p "$db"
  cp -r "$work/authforge-empty/data" "$db/data"
  log "class-data sharing: the training run"
  # C1 only: the archive holds classes, not compiled code, and the run then leaves more of the cores to the sign-ins
  ( cd "$db" && exec "$java" "-Xmx$heap" ${server_jvm_options[@]+"${server_jvm_options[@]}"} -XX:TieredStopAtLevel=1 \
      -XX:ArchiveClassesAtExit="$dir/app.jsa" \
      -Dspring.context.exit=onRefresh -jar "$jar" --server.port=0 --server.address=127.0.0.1 ) >"$dir/training.log" 2>&1 \
    || fail "the class-data sharing training run failed: see $dir/training.log"
  rm -rf "$db"
  log "class-data sharing: the archive is written"
}

# es256_runs: client_credentials with ES256 keys (authforge.keys.algorithm) instead of RS256, on a server of its own on
# a new database, whose first key signs at once (its start is the first start with class-data sharing). After its
# warm-up it waits for the comparison in alternation (step 8) with the others; without one, its runs come here.
es256_runs() {
  rm -rf "$work/authforge-es256"
  start_authforge "first start (empty database, ES256 keys)" "$work/authforge-es256" --authforge.keys.algorithm=ES256
  load authforge-es256 warm-up client_credentials.lua 4 "$warmup" BENCH_AUTH="$m2m_auth"
  if wants minimal; then
    keep_for_comparison authforge-es256
  else
    load authforge-es256 client_credentials client_credentials.lua 4 "$duration" BENCH_AUTH="$m2m_auth"
    load authforge-es256 client_credentials client_credentials.lua 16 "$duration" BENCH_AUTH="$m2m_auth"
    stop_server
  fi
}

# start_server SERVER LABEL JAR FOLDER [ARGUMENT...]: starts the jar in FOLDER (its H2 database goes to FOLDER/data),
# waits for the discovery document and records the time from process start to that first answer, and the RSS then.
# The JVM keeps 256 frames per JFR stack sample, so that a profile sees whole Spring stacks (no cost unless recording).
start_server() {
  local server="$1" label="$2" jar="$3" folder="$4"
  shift 4
  mkdir -p "$folder"
  port="$(free_port)"
  local t0
  t0="$(date +%s%N)"
  ( cd "$folder" && exec "$java" "-Xmx$heap" -XX:FlightRecorderOptions:stackdepth=256 \
      ${server_jvm_options[@]+"${server_jvm_options[@]}"} ${jvm_options[@]+"${jvm_options[@]}"} -jar "$jar" \
      --server.port="$port" --server.address=127.0.0.1 "$@" ) >>"$folder/server.log" 2>&1 &
  server_pid=$!
  wait_ready "$server" "http://127.0.0.1:$port/.well-known/openid-configuration" "$t0" "$label" "$folder" 180
}

# row_extra: more fields for the results.jsonl rows of the next runs (e.g. "stored":1000), empty otherwise
row_extra=""

record() {
  local server="$1" scenario="$2" conns="$3" ticks="$4" rss0="$5" rss1="$6" json="$7"
  printf '{"server":"%s","scenario":"%s","conns":%d,"cpu_ticks":%d,"clk_tck":%d,"rss_before_kb":%d,"rss_after_kb":%d,%s"wrk":%s}\n' \
    "$server" "$scenario" "$conns" "$ticks" "$clk_tck" "$rss0" "$rss1" "${row_extra:+$row_extra,}" "$json" >>"$results"
}

# load SERVER SCENARIO SCRIPT CONNECTIONS SECONDS [NAME=VALUE...]: one wrk run against the running server,
# with the server's CPU time and RSS read before and after.
load() {
  local server="$1" scenario="$2" script="$3" conns="$4" seconds="$5"
  shift 5
  local out="$work/wrk-$server-${scenario//[^a-zA-Z0-9_-]/_}-c$conns.txt"
  local rss0 cpu0 rss1 cpu1
  rss0="$(rss_kb)"; cpu0="$(cpu_ticks)"
  env "$@" BENCH_THREADS="$threads" timeout "$(( seconds + 60 ))" \
    wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 10s -s "$bench/lua/$script" "http://127.0.0.1:$port" \
    >"$out" 2>&1 || fail "wrk failed: see $out"
  rss1="$(rss_kb)"; cpu1="$(cpu_ticks)"
  local json
  json="$(sed -n 's/^BENCH_JSON //p' "$out")"
  [ -n "$json" ] || fail "no figures from wrk: see $out"
  record "$server" "$scenario" "$conns" "$(( cpu1 - cpu0 ))" "$rss0" "$rss1" "$json"
  log "$server $scenario c$conns: $(grep -E '^Requests/sec' "$out" | tr -s ' ') ($json)"
}

# load_java SERVER SCENARIO MODE CONNECTIONS WARMUP SECONDS: one run of bench/loadgen (browser visits, a new
# connection and session each); it reads the server's CPU time and RSS itself, over the measured seconds only.
load_java() {
  local server="$1" scenario="$2" mode="$3" conns="$4" before="$5" seconds="$6"
  local out="$work/loadgen-$server-${scenario//[^a-zA-Z0-9_-]/_}-c$conns.txt"
  timeout "$(( before + seconds + 90 ))" "$java" -jar "$bench/loadgen/target/loadgen.jar" mode="$mode" \
    url="http://127.0.0.1:$port" connections="$conns" warmup="$before" duration="$seconds" users="$users" \
    password="$bench_password" pid="$server_pid" >"$out" 2>&1 || fail "the load generator failed: see $out"
  local json
  json="$(sed -n 's/^BENCH_JSON //p' "$out")"
  [ -n "$json" ] || fail "no figures from the load generator: see $out"
  local figures
  figures="$(python3 -c 'import json, sys; s = json.loads(sys.argv[1])["server"]; print(s["cpu_ticks"], s["rss_before_kb"], s["rss_after_kb"])' "$json")"
  # shellcheck disable=SC2086
  record "$server" "$scenario" "$conns" $figures "$json"
  log "$server $scenario c$conns: $json"
}

# profile NAME start|stop: a JFR recording of the running server (settings "profile": execution samples every
# 10-20 ms), then the reading of where the request threads spend their time (bench/jfr_top.py)
profile() {
  local name="$1" action="$2" file="$work/profile-$1.jfr"
  if [ "$action" = start ]; then
    "$jdk_bin/jcmd" "$server_pid" JFR.start name="bench-$name" settings=profile filename="$file" >/dev/null \
      || fail "could not start the JFR recording"
  else
    "$jdk_bin/jcmd" "$server_pid" JFR.stop name="bench-$name" >/dev/null || fail "could not stop the JFR recording"
    python3 "$bench/jfr_top.py" "$file" 15 --jfr "$jdk_bin/jfr" --json "$work/profile-$name.json" \
      >"$work/profile-$name.md" || fail "could not read $file"
    log "profile of $name: $work/profile-$name.md"
  fi
}

# h2 FOLDER SCRIPT: runs an SQL script on the server's H2 file database (the server must be stopped), with the H2
# jar the server itself uses
h2() {
  [ -f "$work/h2.jar" ] || python3 -c 'import sys, zipfile
jar = zipfile.ZipFile(sys.argv[1])
name = next(n for n in jar.namelist() if n.startswith("BOOT-INF/lib/h2-") and n.endswith(".jar"))
open(sys.argv[2], "wb").write(jar.read(name))' "$authforge_jar" "$work/h2.jar"
  "$java" -Xmx2g -XX:+UseSerialGC -cp "$work/h2.jar" org.h2.tools.RunScript \
    -url "jdbc:h2:file:$1/data/authserver;NON_KEYWORDS=VALUE" -user sa -password "" -script "$2"
}

# fill FOLDER FIRST LAST: stored authorizations number FIRST to LAST (bench/sql/fill-authorizations.sql), in blocks
# of 20,000 rows. Unless BENCH_FILL_LOBS=1, H2 keeps their JSON in the row for the time of the fill (see README).
fill() {
  local folder="$1" first="$2" last="$3" script="$work/fill-$2-$3.sql"
  local step=$(( 9223372036854775807 / ((rows > rows_small ? rows : rows_small) + 1) ))
  {
    [ "${BENCH_FILL_LOBS:-0}" = 1 ] || echo "set max_length_inplace_lob 8192;"
    for (( a = first; a <= last; a += 20000 )); do
      local b=$(( a + 19999 < last ? a + 19999 : last ))
      echo "set @STEP = $step; set @USERS = $users; set @FIRST = $a; set @LAST = $b;"
      cat "$bench/sql/fill-authorizations.sql"
    done
    # H2's default, so that the server stores its own rows as always
    [ "${BENCH_FILL_LOBS:-0}" = 1 ] || echo "set max_length_inplace_lob 256;"
  } >"$script"
  local t0
  t0="$(date +%s%N)"
  h2 "$folder" "$script"
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  printf '{"first":%d,"last":%d,"fill_ms":%d,"lobs":%s}\n' "$first" "$last" "$ms" \
    "$([ "${BENCH_FILL_LOBS:-0}" = 1 ] && echo true || echo false)" >>"$work/fills.jsonl"
  log "stored authorizations $first..$last inserted in $(( ms / 1000 )) s"
}

# ---------------------------------------------------------------------------------------------------------
# The load scenarios both servers answer (m2m.client): a warm-up whose access tokens are kept (its figures show the
# cold server), introspection and revocation of the kept tokens (AuthForge's refresh runs and profiled
# client_credentials run come after its sign-ins: refresh_and_profile). A server compared with the others in
# alternation at the end (COMPARED_LATER=1) gets its client_credentials runs there, at 4 and 16 connections, warm: the
# figures the targets are read from; one that is not gets them here, at 4 and 16 connections and at 4 again.
load_scenarios() {
  local server="$1" compared_later="$2"
  local saved="$work/$server-tokens"
  load "$server" warm-up client_credentials.lua 4 "$warmup" BENCH_AUTH="$m2m_auth" BENCH_SAVE="$saved"
  cat "$saved".* >"$saved.txt"
  local harvested
  harvested="$(wc -l <"$saved.txt")"
  if [ "$compared_later" != 1 ]; then
    load "$server" client_credentials client_credentials.lua 4 "$duration" BENCH_AUTH="$m2m_auth"
    load "$server" client_credentials client_credentials.lua 16 "$duration" BENCH_AUTH="$m2m_auth"
  fi
  # introspection cycles through (at most) 1,000 tokens; revocation uses each token once, half per run
  head -n 1000 "$saved.txt" >"$saved.introspect"
  load "$server" introspect introspect.lua 4 "$duration" BENCH_AUTH="$m2m_auth" BENCH_TOKENS="$saved.introspect"
  # the minimal server finds a token by walking every stored authorization: one run of each shows that (c4)
  [ "$server" != authforge ] || \
    load "$server" introspect introspect.lua 16 "$duration" BENCH_AUTH="$m2m_auth" BENCH_TOKENS="$saved.introspect"
  split -n "l/2" -d "$saved.txt" "$saved.revoke."
  log "$server: revoking $harvested tokens from the warm-up, half in each run"
  load "$server" revoke revoke.lua 4 "$revoke_seconds" BENCH_AUTH="$m2m_auth" BENCH_TOKENS="$saved.revoke.00"
  [ "$server" != authforge ] || \
    load "$server" revoke revoke.lua 16 "$revoke_seconds" BENCH_AUTH="$m2m_auth" BENCH_TOKENS="$saved.revoke.01"
  # both servers have served the same scenarios before this run (AuthForge's refresh runs come later)
  [ "$compared_later" = 1 ] || \
    load "$server" "client_credentials (warm, again)" client_credentials.lua 4 "$duration" BENCH_AUTH="$m2m_auth"
}

# AuthForge's refresh runs (scenario 3), after the sign-ins when they run (a refresh reads the user and signs two
# tokens: the sign-ins have compiled the user store's code by then), and the profiled client_credentials run
refresh_and_profile() {
  log "authforge: $grants grants per refresh run, through the authorization-code flow (bench/tokens.py)"
  python3 "$bench/tokens.py" "http://127.0.0.1:$port" "$grants" "$work/refresh-c4.txt"
  python3 "$bench/tokens.py" "http://127.0.0.1:$port" "$grants" "$work/refresh-c16.txt"
  load authforge refresh refresh.lua 4 "$duration" BENCH_AUTH="$interactive_auth" BENCH_TOKENS="$work/refresh-c4.txt"
  load authforge refresh refresh.lua 16 "$duration" BENCH_AUTH="$interactive_auth" BENCH_TOKENS="$work/refresh-c16.txt"
  if [ "$profile_seconds" -gt 0 ]; then
    profile client_credentials start
    load authforge "client_credentials (JFR on)" client_credentials.lua 4 "$profile_seconds" BENCH_AUTH="$m2m_auth"
    profile client_credentials stop
  fi
}

# Scenario 2, on the AuthForge server that has answered the other scenarios (its database got the bench users before
# it started): password sign-ins through the login form after a warm-up, a profiled run apart, then the login page
sign_in_runs() {
  log "authforge: password sign-ins of $users users through the login form, then the login page alone"
  # the warm-up only compiles code: the class-data sharing training runs beside it, and ends before the measured run
  start_training
  load_java authforge "sign-in (warm-up)" sign-in 4 0 "$signin_warmup"
  finish_training
  load_java authforge sign-in sign-in 4 2 "$duration"
  # recorded apart from the measured run: JFR's profiling settings cost a sign-in about 40 % more CPU
  if [ "$profile_seconds" -gt 0 ]; then
    profile sign-in start
    load_java authforge "sign-in (JFR on)" sign-in 4 0 "$profile_seconds"
    profile sign-in stop
  fi
  # a warm-up of its own: this page alone comes 20-50 times as often as a sign-in's requests, and its code keeps
  # compiling for tens of seconds (on a server that had answered sign-ins, 3.1 ms of CPU per page after 5 s,
  # 2.5-4.2 ms after 15 s, 1.3 ms after 40 s, 0.9 ms after 60 s); with 10 s it measured 5.25 ms in a slow phase
  # (5.9 % of a sign-in)
  load_java authforge "login page" login-page 4 "$(( warmup * 3 / 2 ))" "$duration"
}

# seed_users FOLDER: the bench users (bench/sql/seed-users.sql), each with the same Argon2id hash of the bench
# password (from bench/limits), inserted into the stopped server's H2 database
seed_users() {
  if [ ! -f "$work/seed-users.sql" ]; then
    local hash
    hash="$("$java" -jar "$bench/limits/target/limits.jar" hash "$bench_password")"
    { echo "set @USERS = $users; set @HASH = '$hash';"; cat "$bench/sql/seed-users.sql"; } >"$work/seed-users.sql"
  fi
  log "seeding $users bench users into $1"
  h2 "$1" "$work/seed-users.sql"
}

# Scenario 5: refresh and introspection with 1,000 and with BENCH_ROWS stored authorizations, on two servers
# running side by side (A: a copy of the database with 1,000 rows, B: the filled one), so that a change in the
# machine's load cannot favour one size: after a 3 s warm-up of each, the measured runs alternate A B B A, half
# the run time each, and the report takes the mean of each size's two runs. Grants and access tokens come from
# the API, new for each run (refresh tokens rotate).

# stored_tokens N PORT: the grants (authorization-code flow) and access tokens of server N's runs, from the API
stored_tokens() {
  local n="$1" url="http://127.0.0.1:$2"
  python3 "$bench/tokens.py" "$url" 8 "$work/stored-$n-refresh-warm.txt" \
    && python3 "$bench/tokens.py" "$url" "$stored_grants" "$work/stored-$n-refresh-1.txt" \
    && python3 "$bench/tokens.py" "$url" "$stored_grants" "$work/stored-$n-refresh-2.txt" \
    && python3 "$bench/tokens.py" "$url" 200 "$work/stored-$n-access.txt" --access-tokens
}

# stored_warm_up N: the warm-up runs of the server in use
stored_warm_up() {
  local n="$1"
  local short=$(( warmup < 3 ? warmup : 3 )) label
  label="$(thousands "$n") stored"
  row_extra="\"stored\":$n,\"kind\":\"refresh\""
  load authforge "refresh, $label (warm-up)" refresh.lua 4 "$short" BENCH_AUTH="$interactive_auth" \
    BENCH_TOKENS="$work/stored-$n-refresh-warm.txt"
  row_extra="\"stored\":$n,\"kind\":\"introspect\""
  load authforge "introspect, $label (warm-up)" introspect.lua 4 "$short" BENCH_AUTH="$m2m_auth" \
    BENCH_TOKENS="$work/stored-$n-access.txt"
  row_extra=""
}

# stored_run KIND N RUN SECONDS: one measured run of the server in use
stored_run() {
  local kind="$1" n="$2" run="$3" seconds="$4" label
  label="$(thousands "$n") stored"
  row_extra="\"stored\":$n,\"kind\":\"$kind\""
  if [ "$kind" = refresh ]; then
    load authforge "refresh, $label (run $run)" refresh.lua 4 "$seconds" BENCH_AUTH="$interactive_auth" \
      BENCH_TOKENS="$work/stored-$n-refresh-$run.txt"
  else
    load authforge "introspect, $label (run $run)" introspect.lua 4 "$seconds" BENCH_AUTH="$m2m_auth" \
      BENCH_TOKENS="$work/stored-$n-access.txt"
  fi
  row_extra=""
}

# The databases of scenario 5 and their servers: the first start's database (copied when it stopped, or made by a
# start of its own) gets the bench users and 1,000 stored authorizations, and a copy of it becomes server A's; the
# original then gets the rest of the BENCH_ROWS stored authorizations and becomes server B's.
stored_authorizations() {
  local folder="$work/authforge-seeded" small="$work/authforge-1k" large="$rows"
  [ "$rows" -gt "$rows_small" ] || large=""
  rm -rf "$folder" "$small"
  mkdir -p "$folder" "$small"
  if [ -d "$work/authforge-empty/data" ]; then
    cp -r "$work/authforge-empty/data" "$folder/data"
  else
    start_authforge - "$folder"
    stop_server
  fi
  seed_users "$folder"
  fill "$folder" 1 "$rows_small"
  cp -r "$folder/data" "$small/data"
  if [ -n "$large" ]; then fill "$folder" "$(( rows_small + 1 ))" "$rows"; fi
  start_authforge "start: $(thousands "$rows_small") stored authorizations (A)" "$small" "${authforge_args[@]}"
  local a_pid="$server_pid" a_port="$port" b_pid="" b_port=""
  parked_pids="$parked_pids $a_pid"
  server_pid=""
  if [ -n "$large" ]; then
    start_authforge "start: $(thousands "$large") stored authorizations (B)" "$folder" "${authforge_args[@]}"
    b_pid="$server_pid" b_port="$port"
    parked_pids="$parked_pids $b_pid"
    server_pid=""
  fi
  log "authforge: refresh and introspection, $(thousands "$rows_small") (A) and $(thousands "${large:-0}") (B) stored authorizations"
  # the tokens of both servers at once (nothing is measured meanwhile)
  stored_tokens "$rows_small" "$a_port" >"$work/stored-tokens-a.log" 2>&1 &
  local tokens_a=$! tokens_b=""
  if [ -n "$large" ]; then
    stored_tokens "$large" "$b_port" >"$work/stored-tokens-b.log" 2>&1 &
    tokens_b=$!
  fi
  wait "$tokens_a" || fail "no tokens from server A: see $work/stored-tokens-a.log"
  [ -z "$tokens_b" ] || wait "$tokens_b" || fail "no tokens from server B: see $work/stored-tokens-b.log"
  server_pid="$a_pid" port="$a_port"; stored_warm_up "$rows_small"
  if [ -n "$large" ]; then server_pid="$b_pid" port="$b_port"; stored_warm_up "$large"; fi
  local half=$(( duration > 1 ? (duration + 1) / 2 : 1 )) kind
  for kind in refresh introspect; do
    server_pid="$a_pid" port="$a_port"; stored_run "$kind" "$rows_small" 1 "$half"
    if [ -n "$large" ]; then
      server_pid="$b_pid" port="$b_port"; stored_run "$kind" "$large" 1 "$half"
      server_pid="$b_pid" port="$b_port"; stored_run "$kind" "$large" 2 "$half"
    fi
    server_pid="$a_pid" port="$a_port"; stored_run "$kind" "$rows_small" 2 "$half"
  done
  stop_parked "$a_pid"
  [ -z "$b_pid" ] || stop_parked "$b_pid"
  if [ -n "$large" ] && [ "${BENCH_CLEANUP:-0}" = 1 ]; then cleanup_run "$folder"; fi
  # the seeded database takes gigabytes with 1,000,000 rows: kept only on request
  if [ "${BENCH_KEEP_DATA:-0}" != 1 ]; then rm -rf "$folder/data" "$small/data"; fi
}

# Optional (BENCH_CLEANUP=1): how long the clean-up job takes to purge the stored authorizations once all have
# expired. With the server stopped, every row's expires_at is moved into the past; the server then starts with the
# job every 30 s (its first run 30 s after start-up; a run stops when its 30 s lease ends and the next goes on) and
# JdbcTemplate's debug log, whose lines time each run from taking the job lock to giving it back (cleanup_time.py).
cleanup_run() {
  local folder="$1" count t0 offset
  count="$("$java" -cp "$work/h2.jar" org.h2.tools.Shell -url "jdbc:h2:file:$folder/data/authserver;NON_KEYWORDS=VALUE" \
    -user sa -password "" -sql "select count(*) from oauth2_authorization" | sed -n 2p | tr -d ' ')"
  log "clean-up: expiring all $(thousands "$count") stored authorizations (one update, server stopped)"
  echo "update oauth2_authorization set expires_at = dateadd(minute, -1, current_timestamp);" >"$work/expire.sql"
  t0="$(date +%s%N)"
  h2 "$folder" "$work/expire.sql"
  local expire_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  offset="$(stat -c %s "$folder/server.log")"
  start_server authforge - "$authforge_jar" "$folder" --authforge.authorizations.cleanup.interval=PT30S \
    --logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG
  log "clean-up: waiting for the job (first run 30 s after start-up)"
  local json
  json="$(python3 "$bench/cleanup_time.py" "$folder/server.log" "$offset" "$count" 900)"
  stop_server
  printf '{"rows":%d,"expire_ms":%d,"job":%s}\n' "$count" "$expire_ms" "$json" >"$work/cleanup.json"
  log "clean-up: $json"
}

# Keycloak 26 in dev mode (H2 file database), its distribution from Maven Central, on Java 21+; a realm with
# m2m.client (same secret, a client scope "scope1") made through the admin REST API; then the client_credentials load.
keycloak() {
  local home="$bench/target/keycloak/keycloak-$keycloak_version"
  local zip="$bench/target/keycloak/keycloak-quarkus-dist-$keycloak_version.zip"
  [ -x "$keycloak_java_home/bin/java" ] || fail "Keycloak needs Java 21 or later: set KEYCLOAK_JAVA_HOME"
  if [ ! -f "$zip" ]; then
    log "downloading org.keycloak:keycloak-quarkus-dist:$keycloak_version:zip (Maven Central)"
    "$repo/mvnw" -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$keycloak_version:zip" -DoutputDirectory="$bench/target/keycloak"
  fi
  # unpacked once and kept: its first start also builds (augments) the Quarkus application, stored beside it
  [ -x "$home/bin/kc.sh" ] || (cd "$bench/target/keycloak" && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall()' "$zip" && chmod +x "$home"/bin/*.sh)
  rm -rf "$home/data"
  local folder="$work/keycloak" admin_password
  mkdir -p "$folder"
  admin_password="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
  port="$(free_port)"
  local management_port t0
  management_port="$(free_port)"
  t0="$(date +%s%N)"
  JAVA_HOME="$keycloak_java_home" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
    JAVA_OPTS_KC_HEAP="-Xmx$heap" "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" \
    --http-management-port="$management_port" --hostname-strict=false >>"$folder/server.log" 2>&1 &
  wrapper_pid=$!
  server_pid=""
  wait_ready keycloak "http://127.0.0.1:$port/realms/master/.well-known/openid-configuration" "$t0" \
    "start-dev (H2 file, Java $("$keycloak_java_home/bin/java" -version 2>&1 | head -n1 | cut -d'"' -f2))" "$folder" 300
  local base="http://127.0.0.1:$port" token
  token="$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin --data-urlencode "password=$admin_password" \
    "$base/realms/master/protocol/openid-connect/token" | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')" \
    || fail "no admin token from Keycloak"
  kc_admin() {
    curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$2" "$base/admin/realms$1" \
      || fail "Keycloak admin API: POST /admin/realms$1 failed"
  }
  kc_admin "" '{"realm":"bench","enabled":true}'
  kc_admin /bench/client-scopes '{"name":"scope1","protocol":"openid-connect","attributes":{"include.in.token.scope":"true","display.on.consent.screen":"false"}}'
  kc_admin /bench/clients '{"clientId":"m2m.client","enabled":true,"protocol":"openid-connect","publicClient":false,"clientAuthenticatorType":"client-secret","secret":"511536EF-F270-4058-80CA-1C89C192F69A","serviceAccountsEnabled":true,"standardFlowEnabled":false,"directAccessGrantsEnabled":false,"optionalClientScopes":["scope1"]}'
  local path=/realms/bench/protocol/openid-connect/token
  load keycloak warm-up client_credentials.lua 4 "$warmup" BENCH_AUTH="$m2m_auth" BENCH_TOKEN_PATH="$path"
  # compared in alternation at the end when AuthForge or the minimal server is up for it
  if [ "${#compared[@]}" -gt 0 ]; then
    keep_for_comparison keycloak "$path"
  else
    load keycloak client_credentials client_credentials.lua 4 "$duration" BENCH_AUTH="$m2m_auth" BENCH_TOKEN_PATH="$path"
    load keycloak client_credentials client_credentials.lua 16 "$duration" BENCH_AUTH="$m2m_auth" BENCH_TOKEN_PATH="$path"
    load keycloak "client_credentials (warm, again)" client_credentials.lua 4 "$duration" BENCH_AUTH="$m2m_auth" \
      BENCH_TOKEN_PATH="$path"
    stop_server
  fi
}

# client_credentials, the servers in alternation: the servers kept running after their own scenarios (AuthForge,
# AuthForge with ES256 keys, the minimal server, Keycloak) answer the same load in turn, in one order and then in the
# reverse one, at 4 and at 16 connections. The
# machine's speed drifts by ±20 % from one part of a run to another, so figures taken minutes apart can favour
# either server; taken in alternation, a drift cannot. The report takes the mean of each server's two runs.
compare_in_alternation() {
  local forward=("${compared[@]}") backward=() i conns run entry
  # 3 s per run at most: each server runs twice at each number of connections, and up to four servers take part
  local alternation_seconds=$(( duration > 3 ? 3 : duration ))
  for (( i = ${#forward[@]} - 1; i >= 0; i-- )); do backward+=("${forward[i]}"); done
  log "client_credentials in alternation: ${#forward[@]} servers, at 4 and 16 connections"
  # each server idled while the others were measured (AuthForge for minutes): a short warm-up of each first (their
  # JIT has long compiled this path)
  for entry in "${forward[@]}"; do load_compared "$entry" warm-up 4 "$(( warmup < 5 ? warmup : 5 ))"; done
  for conns in 4 16; do
    for run in 1 2; do
      local order=("${forward[@]}")
      [ "$run" = 1 ] || order=("${backward[@]}")
      for entry in "${order[@]}"; do load_compared "$entry" "run $run" "$conns" "$alternation_seconds"; done
    done
  done
  server_pid=""
}

# load_compared ENTRY RUN CONNECTIONS SECONDS: one client_credentials run of a server of compared[] (report.py
# reads the runs by the scenario name "client_credentials, in alternation (RUN)")
load_compared() {
  local name pid p path
  read -r name pid p path <<<"$1"
  server_pid="$pid" port="$p"
  load "$name" "client_credentials, in alternation ($2)" client_credentials.lua "$3" "$4" \
    BENCH_AUTH="$m2m_auth" BENCH_TOKEN_PATH="$path"
}

# ---------------------------------------------------------------------------------------------------------
mkdir -p "$work"
log "working folder $work; parts: $parts"
# wrk from Debian's packages (needs root); DPkg::Lock::Timeout waits for another apt-get instead of failing at once
if ! command -v wrk >/dev/null; then
  log "installing wrk (apt-get install -y wrk)"
  apt-get -o DPkg::Lock::Timeout=300 install -y wrk >/dev/null \
    || { apt-get -o DPkg::Lock::Timeout=300 update >/dev/null && apt-get -o DPkg::Lock::Timeout=300 install -y wrk >/dev/null; } \
    || true
fi
command -v wrk >/dev/null || fail "wrk is missing and could not be installed (apt-get install -y wrk)"

authforge_jar="$(ls "$bench"/target/bench-server/target/bench-server-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)"
if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -n "$authforge_jar" ]; then
  log "BENCH_SKIP_BUILD=1: reusing the jars of the previous build"
else
  log "installing the archetype from $repo"
  (cd "$repo" && ./mvnw -B -q install -DskipTests -Dinvoker.skip)
  # bench/target has no pom.xml, so generating there cannot turn the project into a module of anything
  [ ! -f "$bench/target/pom.xml" ] || fail "$bench/target holds a pom.xml: generating there would add a module to it"
  rm -rf "$bench/target/bench-server"
  log "generating bench/target/bench-server"
  (cd "$bench/target" && "$repo/mvnw" -B -q org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate \
    -DarchetypeGroupId=dev.authforge -DarchetypeArtifactId=authforge-archetype -DarchetypeVersion=0.1.0-SNAPSHOT \
    -DgroupId=bench -DartifactId=bench-server)
  log "building bench-server, minimal-server, limits and loadgen (-DskipTests)"
  (cd "$bench/target/bench-server" && ./mvnw -B -q package -DskipTests)
  "$repo/mvnw" -B -q -f "$bench/pom.xml" package -DskipTests
  authforge_jar="$(ls "$bench"/target/bench-server/target/bench-server-*.jar | grep -v plain | head -n 1)"
fi
minimal_jar="$bench/minimal-server/target/minimal-server.jar"
if [ -n "${BENCH_JVM_OPTIONS+set}" ]; then
  read -r -a server_jvm_options <<<"$BENCH_JVM_OPTIONS"
else
  dockerfile_options="$(server_options_from_dockerfile "$bench/target/bench-server/Dockerfile")" \
    || fail "could not read the JVM options of bench/target/bench-server/Dockerfile (its ENTRYPOINT)"
  read -r -a server_jvm_options <<<"$dockerfile_options"
fi
log "JVM options of the servers and the limits: ${server_jvm_options[*]:-none}"

if wants limits; then
  # 3 s of warm-up per figure: with 1 s the JIT had not finished, and one Argon2id check measured 60 ms instead of 33;
  # 2 s of measuring (60 password checks, thousands of signatures)
  log "one-core limits on $("$java" -version 2>&1 | head -n 1)"
  "$java" "-Xmx$heap" ${server_jvm_options[@]+"${server_jvm_options[@]}"} -jar "$bench/limits/target/limits.jar" 3 2 \
    >"$work/limits-main.tsv"
  if [ "$java_alt" != none ] && [ -x "$java_alt" ]; then
    log "one-core limits on $("$java_alt" -version 2>&1 | head -n 1)"
    # ES256 signatures only (what a newer JVM gains: RS256 and the password checks cost the same on both)
    "$java_alt" "-Xmx$heap" ${server_jvm_options[@]+"${server_jvm_options[@]}"} -jar "$bench/limits/target/limits.jar" 3 2 \
      es256 >"$work/limits-alt.tsv"
  fi
fi

if wants authforge; then
  rm -rf "$work/authforge"
  start_server authforge "first start (empty database)" "$authforge_jar" "$work/authforge"
  stop_server
  # the database of scenario 5 and the class-data sharing training start from this one
  mkdir -p "$work/authforge-empty"
  cp -r "$work/authforge/data" "$work/authforge-empty/data"
  # scenario 2 runs on this server after the others: its bench users go into the database before the second start
  if wants sign-in; then seed_users "$work/authforge"; fi
  start_server authforge "second start (existing database)" "$authforge_jar" "$work/authforge" "${authforge_args[@]}"
  compared_later=0
  if wants minimal; then compared_later=1; fi
  load_scenarios authforge "$compared_later"
  if wants sign-in; then sign_in_runs; fi
  refresh_and_profile
  if [ "$compared_later" = 1 ]; then keep_for_comparison authforge; else stop_server; fi
fi

# the class-data sharing archive (made beside the sign-ins' warm-up when they ran) for the AuthForge starts that follow
if wants authforge; then
  [ -n "$cds_archive" ] || finish_training
  es256_runs
fi
if wants stored; then
  stored_authorizations
fi

if wants minimal; then
  start_server minimal "start (in memory)" "$minimal_jar" "$work/minimal"
  compared_later=0
  if [ "${#compared[@]}" -gt 0 ]; then compared_later=1; fi
  load_scenarios minimal "$compared_later"
  if [ "$compared_later" = 1 ]; then keep_for_comparison minimal; else stop_server; fi
fi

if wants keycloak; then
  keycloak
fi

if [ "${#compared[@]}" -ge 2 ]; then
  compare_in_alternation
fi
stop_all

# a partial or quick run (BENCH_ONLY, BENCH_SKIP_BUILD) keeps its tables in its run folder, not in bench/results
results_dir="$bench/results"
if [ -n "${BENCH_ONLY:-}" ] || [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then results_dir="$work"; fi
wall=$(( $(date +%s) - started ))
log "done in ${wall} s; the table:"
set +e
BENCH_JAVA="$java" BENCH_JAVA_ALT="$java_alt" BENCH_WALL="$wall" BENCH_HEAP="$heap" BENCH_DURATION="$duration" \
  BENCH_SERVER_OPTIONS="${server_jvm_options[*]}" \
  BENCH_WARMUP="$warmup" BENCH_GRANTS="$grants" BENCH_USERS="$users" BENCH_PARTS="$parts" \
  python3 "$bench/report.py" "$work" "$results_dir" "$repo"
