#!/usr/bin/env bash
# Starts the authorization server and the samples together: server (9000), then, once its discovery document
# answers, api (8081) and web (8080) (and mcp (8090) where that module exists). Each one's output is prefixed with
# its name; Ctrl+C, or any one of them stopping, stops them all.
#
#   ./run.sh               build (./mvnw -q -DskipTests package), then start
#   ./run.sh --no-build    start what was built last (also SKIP_BUILD=1)
#
# Ports, from the environment: AUTHFORGE_PORT (server, 9000), API_PORT (8081), WEB_PORT (8080), MCP_PORT (8090),
# for example WEB_PORT=8085 ./run.sh. The issuer follows the server's port (http://localhost:$AUTHFORGE_PORT).
set -euo pipefail

# Ctrl+C is SIGINT, which a script cannot catch where whatever started it ignores SIGINT (a background job, some CI
# runners and build tools): start again once with SIGINT's default handling, where env can (GNU coreutils 8.31+)
if [ -z "${RUN_SH_SIGINT:-}" ] && env --default-signal=INT true 2>/dev/null; then
  exec env --default-signal=INT RUN_SH_SIGINT=1 bash "$0" "$@"
fi

root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"

server_port="${AUTHFORGE_PORT:-9000}"
api_port="${API_PORT:-8081}"
web_port="${WEB_PORT:-8080}"
mcp_port="${MCP_PORT:-8090}"
build=yes
[ "${SKIP_BUILD:-}" = "1" ] && build=no
server_wait="${SERVER_WAIT_SECONDS:-180}"

for arg in "$@"; do
  case "$arg" in
    --no-build) build=no ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $arg (./run.sh --help)" >&2; exit 2 ;;
  esac
done

say() { echo "[run] $*"; }
fail() { echo "[run] $*" >&2; exit 1; }

# each port a number from 1 to 65535: these values end up in the server's redirect URIs
for variable in AUTHFORGE_PORT API_PORT WEB_PORT MCP_PORT; do
  case "${!variable:-1}" in
    ''|*[!0-9]*) fail "$variable must be a port number (1-65535), not '${!variable}'" ;;
  esac
  value="${!variable:-1}"
  if [ "${#value}" -gt 5 ] || [ "$value" -lt 1 ] || [ "$value" -gt 65535 ]; then
    fail "$variable must be a port number (1-65535), not '$value'"
  fi
done

command -v java >/dev/null 2>&1 || fail "java was not found: install a JDK 17 or newer (java -version)"
modules=(server api web)
[ -d mcp ] && modules+=(mcp)

port_of() {
  case "$1" in
    server) echo "$server_port" ;;
    api) echo "$api_port" ;;
    web) echo "$web_port" ;;
    mcp) echo "$mcp_port" ;;
  esac
}

variable_of() {
  case "$1" in
    server) echo AUTHFORGE_PORT ;;
    api) echo API_PORT ;;
    web) echo WEB_PORT ;;
    mcp) echo MCP_PORT ;;
  esac
}

# true when something accepts connections on the port (on 127.0.0.1 or, where bash can tell, ::1)
port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
  (exec 3<>"/dev/tcp/::1/$1") 2>/dev/null && return 0
  return 1
}

for module in "${modules[@]}"; do
  port="$(port_of "$module")"
  if port_taken "$port"; then
    fail "port $port ($module) is taken by another program: stop it, or choose another port, for example" \
      "$(variable_of "$module")=$((port + 100)) ./run.sh"
  fi
done

if [ "$build" = yes ]; then
  say "Building the server and the samples: ./mvnw -q -DskipTests package (the first build downloads dependencies:" \
    "a few minutes; ./run.sh --no-build skips this step next time)"
  status=0
  ./mvnw -q -DskipTests package || status=$?
  case "$status" in
    0) ;;
    130 | 143) fail "stopped during the build" ;;
    *) fail "the build failed (see above); ./mvnw package shows more" ;;
  esac
fi

jar_of() {
  local jar
  for jar in "$1"/target/*.jar; do
    case "$jar" in
      *-sources.jar | *-javadoc.jar | *-plain.jar) ;;
      *) [ -f "$jar" ] && { echo "$jar"; return 0; } ;;
    esac
  done
  fail "no jar in $1/target: build first (./run.sh without --no-build)"
}

pids=()
names=()
printers=()
stopping=no
pid_files="$(mktemp -d "${TMPDIR:-/tmp}/run-sh.XXXXXX")"

stop_all() {
  [ "$stopping" = yes ] && return
  stopping=yes
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for _ in $(seq 1 40); do
    local alive=no
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null && alive=yes
    done
    [ "$alive" = no ] && break
    sleep 0.25
  done
  for pid in "${pids[@]}"; do
    kill -9 "$pid" 2>/dev/null || true
  done
  # the output prefixers end with their module's output
  for pid in "${printers[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$pid_files"
  say "stopped"
}
trap 'echo; stop_all; exit 130' INT TERM
trap 'stop_all' EXIT

# start MODULE ARGS...: java -jar the module's jar in its folder, its output prefixed with [MODULE]
start() {
  local module="$1"
  shift
  local jar pid_file
  jar="$(jar_of "$module")"
  pid_file="$pid_files/$module.pid"
  say "starting $module on port $(port_of "$module"): java -jar $jar $*"
  # sh notes its process id, which java then takes over (exec)
  (cd "$module" && exec sh -c 'echo $$ > "$0"; exec "$@"' "$pid_file" java -jar "${jar#"$module"/}" "$@") 2>&1 |
    sed -u "s/^/[$module] /" &
  printers+=("$!")
  for _ in $(seq 1 100); do
    [ -s "$pid_file" ] && break
    sleep 0.1
  done
  [ -s "$pid_file" ] || fail "$module did not start"
  pids+=("$(cat "$pid_file")")
  names+=("$module")
}

# true while every started module runs; else says which one stopped
all_running() {
  local i
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      say "${names[$i]} stopped: see its output above ([${names[$i]}] lines)"
      return 1
    fi
  done
  return 0
}

# wait_for NAME URL SECONDS: until the URL answers (any HTTP status), a module stops, or the time is up
wait_for() {
  local name="$1" url="$2" seconds="$3" waited=0
  until answers "$url"; do
    all_running || return 1
    if [ "$waited" -ge "$seconds" ]; then
      say "$name did not answer at $url within $seconds seconds (SERVER_WAIT_SECONDS=... waits longer)"
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

answers() {
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null --max-time 2 "$1"
  else
    local rest="${1#http://}"
    local hostport="${rest%%/*}"
    (exec 3<>"/dev/tcp/${hostport%%:*}/${hostport##*:}") 2>/dev/null
  fi
}

issuer="http://localhost:$server_port"
web="http://127.0.0.1:$web_port"
api="http://127.0.0.1:$api_port"

server_args=("--server.port=$server_port")
if [ "$web_port" != 8080 ]; then
  # the interactive client's addresses at the server follow the web application's port
  server_args+=(
    "--authforge.clients.interactive.redirect-uris=$web/login/oauth2/code/interactive"
    "--authforge.clients.interactive.post-logout-redirect-uris=$web/"
    "--authforge.clients.interactive.backchannel-logout-uri=$web/logout/connect/back-channel/interactive"
  )
fi
start server "${server_args[@]}"
say "waiting for the server's discovery document at $issuer/.well-known/openid-configuration"
wait_for server "$issuer/.well-known/openid-configuration" "$server_wait" || exit 1

start api "--server.port=$api_port" "--api.authorization-server=$issuer"
start web "--server.port=$web_port" \
  "--spring.security.oauth2.client.provider.interactive.issuer-uri=$issuer" \
  "--samples.api-url=$api"
if [ -d mcp ]; then
  start mcp "--server.port=$mcp_port" "--mcp.authorization-server=$issuer" \
    "--mcp.resource-uri=http://127.0.0.1:$mcp_port/mcp"
  if [ "$mcp_port" != 8090 ]; then
    say "note: the server knows the MCP resource http://127.0.0.1:8090/mcp; for port $mcp_port register" \
      "http://127.0.0.1:$mcp_port/mcp at the server too (authforge.clients.resources, see server/README.md)"
  fi
fi

wait_for api "$api/identity" 120 || exit 1
wait_for web "$web/" 120 || exit 1
if [ -d mcp ]; then
  wait_for mcp "http://127.0.0.1:$mcp_port/mcp" 120 || exit 1
fi

cat <<EOF

[run] Everything is up:
[run]   web application   $web   (open it; sign in as alice / Pass123\$ or bob / Pass123\$)
[run]   API               $api/identity   (needs an access token)
[run]   server            $issuer   (its home page, admin console for admin / Pass123\$)
EOF
if [ -d mcp ]; then
  echo "[run]   MCP server        http://127.0.0.1:$mcp_port/mcp"
fi
cat <<EOF
[run]   console client    java -jar console/target/*.jar --issuer=$issuer --api-url=$api
[run] Ctrl+C stops them all.

EOF

while all_running; do
  sleep 1
done
exit 1
