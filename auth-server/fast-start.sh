#!/bin/sh
# The fast start in one command (README, "Faster start-up"): builds the jar when a source is newer, extracts it,
# makes the class-data sharing archive (the AOT cache on Java 25 and later) with one training run to the end of the
# start-up, once per build and Java runtime, then starts the server from it. Arguments go to the server:
#   ./fast-start.sh --server.port=9001
# JAVA_HOME picks the Java; JAVA_OPTS the JVM options (default: those of the Dockerfile).
set -eu
cd "$(dirname "$0")"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
opts="${JAVA_OPTS--XX:+UseParallelGC -XX:NewRatio=1}"
dir=target/fast-start

jar=$(ls -t target/*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find pom.xml src -newer "$jar" -print | head -n 1)" ]; then
    echo "==> building the jar (./mvnw package -DskipTests)"
    ./mvnw -B -q package -DskipTests
    jar=$(ls -t target/*.jar | head -n 1)
fi
if [ ! -f "$dir/application.jar" ] || [ -n "$(find "$jar" -newer "$dir/application.jar")" ]; then
    echo "==> extracting $jar into $dir"
    rm -rf "$dir"
    "$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" --application-filename application.jar
fi

# an archive belongs to one jar and one Java runtime: the runtime's version is in its name
settings=$("$java" -XshowSettings:properties -version 2>&1)
feature=$(echo "$settings" | sed -n 's/^ *java\.specification\.version = //p')
runtime=$(echo "$settings" | sed -n 's/^ *java\.vm\.version = //p' | tr -c 'A-Za-z0-9.\n' '_')
if [ "${feature%%.*}" -ge 25 ]; then
    archive="$dir/application-$runtime.aot"
    train="-Xlog:aot=error,cds=error -XX:AOTCacheOutput=$archive"
    # Java 25.0.3 warns of adapters it could not take from the cache at every start (it makes them as usual)
    use="-Xlog:aot*=error -XX:AOTCache=$archive"
else
    archive="$dir/application-$runtime.jsa"
    train="-Xlog:cds=error,cds+dynamic=error -XX:ArchiveClassesAtExit=$archive"
    use="-XX:SharedArchiveFile=$archive"
fi
if [ ! -f "$archive" ]; then
    echo "==> training run (once per build and Java runtime): the start-up to its end, then $archive"
    # the same settings and database as the start below: the training run applies the migrations and exits
    # before the server listens, so it never takes the port. Its warnings about optional classes that are not on
    # the class path (SAML, LDAP, reactive) are left out. ($opts and $train are lists of options: unquoted.)
    # shellcheck disable=SC2086
    if ! "$java" $opts $train -Dspring.context.exit=onRefresh -jar "$dir/application.jar" "$@"; then
        rm -f "$archive"
        echo "the training run failed (its output is above): no archive made" >&2
        exit 1
    fi
fi
echo "==> starting with $archive"
# shellcheck disable=SC2086
exec "$java" $opts $use -jar "$dir/application.jar" "$@"
