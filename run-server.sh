#!/usr/bin/env bash
# Installs this archetype, generates a server from it in a folder outside the repository, builds it and
# runs it, saying what it does at each step. Run ./run-server.sh --help for the options.
#
# Only the repository's ./mvnw is used: no Maven needs to be installed, only Java 17 or newer.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: ./run-server.sh [--port N] [--samples] [folder]

Installs the AuthForge archetype from this repository, generates a project from it in folder
(default $HOME/authforge-projects), builds it and runs it. Run it again and it starts the project
it generated before (delete the project's folder to generate it afresh). Ctrl+C stops it.

  --port N    the server's port, 1-65535 (default: $SERVER_PORT if set, else 9000); the issuer
              and every URL follow it: http://localhost:N
  --samples   generate auth-server-samples (archetype property samples=true: the server with a
              sample API and web client) and start them all with its ./run.sh
  -h, --help  this text

Examples:
  ./run-server.sh
  ./run-server.sh --port 9100 ~/code
  SERVER_PORT=9100 ./run-server.sh
EOF
}

fail() {
  echo "run-server.sh: $*" >&2
  exit 1
}

usage_error() {
  echo "run-server.sh: $*" >&2
  echo >&2
  usage >&2
  exit 2
}

step() {
  echo "==> $*"
}

# --- options ------------------------------------------------------------------------------------------

port="${SERVER_PORT:-}"
port_from="SERVER_PORT"
samples=false
folder=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help)
      usage
      exit 0 ;;
    --port)
      [ $# -ge 2 ] || usage_error "--port needs a port number, for example --port 9100"
      port="$2"
      port_from="--port"
      shift 2 ;;
    --port=*)
      port="${1#--port=}"
      port_from="--port"
      shift ;;
    --samples)
      samples=true
      shift ;;
    --)
      shift
      [ $# -le 1 ] || usage_error "one folder at most, not: $*"
      [ $# -eq 0 ] || folder="$1"
      break ;;
    -*)
      usage_error "unknown option: $1" ;;
    *)
      [ -z "$folder" ] || usage_error "one folder at most, not both $folder and $1"
      folder="$1"
      shift ;;
  esac
done

if [ -z "$port" ]; then
  port=9000
  port_from=""
fi
case "$port" in
  '' | *[!0-9]*) port_ok=false ;;
  *) if [ ${#port} -le 5 ] && [ "$((10#$port))" -ge 1 ] && [ "$((10#$port))" -le 65535 ]; then
       port_ok=true
     else
       port_ok=false
     fi ;;
esac
if [ "$port_ok" != true ]; then
  fail "${port_from:-the port}: '$port' is not a port number: give digits only, from 1 to 65535 (for example --port 9100)"
fi
port="$((10#$port))"

# Something answers on 127.0.0.1 (or ::1) at this port: another program listens there.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
  (exec 3<>"/dev/tcp/::1/$1") 2>/dev/null && return 0
  return 1
}

refuse_taken_port() {
  local free=$(($1 + 1))
  while [ "$free" -le 65535 ] && [ "$free" -le $(($1 + 50)) ] && port_in_use "$free"; do
    free=$((free + 1))
  done
  {
    echo "run-server.sh: port $1 is in use by another program: the server cannot listen there."
    echo "Choose another port with --port (the issuer and every URL follow it), for example:"
    echo "  ./run-server.sh --port $free${folder:+ $folder}"
    echo "or set SERVER_PORT=$free; or stop the program that holds port $1."
  } >&2
  exit 1
}

port_in_use "$port" && refuse_taken_port "$port"

# Java 17 or newer, as the server needs (./mvnw finds the same one: JAVA_HOME first, else the PATH).
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_cmd="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  java_cmd="$(command -v java)"
else
  fail "no Java found (neither \$JAVA_HOME/bin/java nor java on the PATH): install a JDK 17 or newer"
fi
# "17.0.15", "21", or "1.8.0_402" for Java 8
java_version="$("$java_cmd" -version 2>&1 | sed -n 's/.* version "\(1\.\)\{0,1\}\([0-9][0-9]*\)[."].*/\2/p' | head -n 1)"
if [ -n "$java_version" ] && [ "$java_version" -lt 17 ]; then
  fail "$java_cmd is Java $java_version; the server needs Java 17 or newer (set JAVA_HOME to one)"
fi

# --- folders ------------------------------------------------------------------------------------------

repo="$(cd "$(dirname "$0")" && pwd)"
folder="${folder:-$HOME/authforge-projects}"
if [ "$samples" = true ]; then
  artifact_id=auth-server-samples
else
  artifact_id=auth-server
fi

mkdir -p "$folder"
folder="$(cd "$folder" && pwd)"
case "$folder/" in
  "$repo"/*)
    fail "$folder is inside the repository; pass a folder outside $repo" ;;
esac
if [ -f "$folder/pom.xml" ]; then
  fail "$folder holds a pom.xml (generating there would add a module to it); pass another folder"
fi
project="$folder/$artifact_id"
logs="$folder/run-server-logs"
mkdir -p "$logs"

# Runs a quiet step (Maven without download progress), its output in a log file: only on failure are the
# log's last lines shown, with its path. A folder named in remove_on_failure (the project being generated)
# is removed when the step fails or is interrupted, so that the next run does not take it for a project.
remove_on_failure=""
run_logged() {
  local log="$1"
  shift
  local started=$SECONDS status=0
  interrupted=false
  trap 'interrupted=true' INT
  "$@" >"$log" 2>&1 || status=$?
  trap - INT
  if [ "$interrupted" = true ] || [ "$status" -ne 0 ]; then
    [ -z "$remove_on_failure" ] || rm -rf "$remove_on_failure"
  fi
  if [ "$interrupted" = true ]; then
    echo >&2
    echo "run-server.sh: stopped (Ctrl+C); the step's output so far: $log" >&2
    exit 130
  fi
  if [ "$status" -ne 0 ]; then
    echo >&2
    echo "run-server.sh: this step failed; the last lines of its output:" >&2
    tail -n 40 "$log" | sed 's/^/    /' >&2
    echo "The whole output: $log" >&2
    exit 1
  fi
  echo "    done in $((SECONDS - started)) s (output: $log)"
}

# --- install and generate -----------------------------------------------------------------------------

if [ -e "$project" ]; then
  step "$project exists already: using it as it is (delete that folder to generate it afresh)"
else
  step "Installing the archetype from $repo into your local Maven repository"
  echo "    (the first run downloads Maven and its plugins: about a minute)"
  # -Darchetype.test.skip: the archetype plugin's own test goal (this repository tests with the Invoker
  # plugin) would only warn "No Archetype IT projects".
  run_logged "$logs/install.log" "$repo/mvnw" -B -ntp -f "$repo/pom.xml" install \
    -DskipTests -Dinvoker.skip -Darchetype.test.skip

  step "Generating $project"
  # -DarchetypeCatalog=local: the archetype was just installed locally; no remote catalog to look up.
  generate=("$repo/mvnw" -B -ntp org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate
    -DarchetypeCatalog=local
    -DarchetypeGroupId=dev.authforge -DarchetypeArtifactId=authforge-archetype -DarchetypeVersion=0.1.0-SNAPSHOT
    -DgroupId=com.example -DartifactId="$artifact_id")
  if [ "$samples" = true ]; then
    generate+=(-Dsamples=true)
  fi
  cd "$folder"
  remove_on_failure="$project"
  run_logged "$logs/generate.log" "${generate[@]}"
  remove_on_failure=""
  if [ "$samples" = true ] && [ ! -f "$project/run.sh" ]; then
    rm -rf "$project"
    {
      echo "run-server.sh: --samples needs an archetype that generates the samples, and the one installed"
      echo "from $repo does not: the project it generated has no run.sh (so it was removed again)."
      echo "Without --samples, ./run-server.sh generates and runs the server alone."
    } >&2
    exit 1
  fi
fi

# --- samples: their own script starts the server, the API and the web client --------------------------

if [ "$samples" = true ]; then
  if [ ! -f "$project/run.sh" ]; then
    fail "$project has no run.sh (it was not generated with samples=true): delete that folder and run ./run-server.sh --samples again"
  fi
  step "Starting the samples with $project/run.sh (server on port $port; Ctrl+C stops them all)"
  cd "$project"
  AUTHFORGE_PORT="$port" exec bash ./run.sh
fi

# --- build --------------------------------------------------------------------------------------------

cd "$project"
jar=""
for candidate in target/"$artifact_id"-*.jar; do
  [ -f "$candidate" ] && jar="$candidate" && break
done
# Rebuilt when any source, the pom or the wrapper settings changed since the last build.
if [ -n "$jar" ] && [ -z "$(find src pom.xml .mvn -newer "$jar" 2>/dev/null | head -n 1)" ]; then
  step "The server's jar is up to date: $project/$jar"
else
  if [ -n "$jar" ]; then
    step "Building the server (only what changed is compiled)"
  else
    step "Building the server"
    echo "    (the first build downloads the dependencies: a few minutes; later builds take seconds)"
  fi
  # The tests are neither compiled nor run here: ./mvnw verify in the project runs them.
  run_logged "$logs/build.log" ./mvnw -B -ntp -Dmaven.test.skip=true package
  jar=""
  for candidate in target/"$artifact_id"-*.jar; do
    [ -f "$candidate" ] && jar="$candidate" && break
  done
  [ -n "$jar" ] || fail "the build made no target/$artifact_id-*.jar; see $logs/build.log"
fi

# --- run ----------------------------------------------------------------------------------------------

# The build took a while: the port may have been taken since.
port_in_use "$port" && refuse_taken_port "$port"

base="http://localhost:$port"
step "Starting the server on $base (its log follows; Ctrl+C stops it)"
set +e
"$java_cmd" -jar "$jar" --server.port="$port" &
server=$!
stopping=false
# Started in the background, the JVM ignores Ctrl+C itself: the script passes it on as SIGTERM (a clean
# shutdown), and stops the server too if the script ends any other way.
trap 'stopping=true; kill -TERM "$server" 2>/dev/null' INT TERM HUP
trap 'kill -TERM "$server" 2>/dev/null' EXIT

discovery_up() {
  local url="$base/.well-known/openid-configuration"
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O /dev/null -T 2 "$url" 2>/dev/null
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port" &&
      printf 'GET /.well-known/openid-configuration HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 &&
      head -n 1 <&3 | grep -q ' 200 ') 2>/dev/null
  fi
}

while [ "$stopping" = false ] && kill -0 "$server" 2>/dev/null && ! discovery_up; do
  sleep 1
done

if [ "$stopping" = false ] && kill -0 "$server" 2>/dev/null; then
  sleep 1 # the server's own "ready" lines first
  # The users mirror seed/SeedUsers.java of the generated project (development only: the prod profile
  # seeds none).
  cat <<EOF

==> The server is ready (Ctrl+C stops it)
    Home page:      $base/
    Discovery:      $base/.well-known/openid-configuration
    Admin console:  $base/admin
    Dev mailbox:    $base/dev/mailbox   (the emails the server sends, in development)
    Users:          alice, bob and admin (the admin console's user), password Pass123\$
    Project:        $project   (its README.md: what to try next)

EOF
fi

status=0
while :; do
  wait "$server"
  status=$?
  kill -0 "$server" 2>/dev/null || break
done
trap - EXIT
if [ "$stopping" = true ]; then
  step "The server stopped"
  exit 0
fi
fail "the server stopped (exit code $status); its log is above"
