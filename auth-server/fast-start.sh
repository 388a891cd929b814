#!/bin/sh
# The fast start in one command (README, "Faster start-up"): builds the jar when a source is newer, extracts it,
# makes the class-data sharing archive (the AOT cache on Java 25 and later) with one training run to the end of the
# start-up, once per jar, Java runtime and JVM options, then starts the server from it. Arguments go to the server:
#   ./fast-start.sh --server.port=9001
# JAVA_HOME picks the Java; JAVA_OPTS the JVM options (default: those of the Dockerfile). With
# FAST_START_REQUIRE_ARCHIVE=1 a start that cannot map the archive fails instead of going on without it (tests).
set -eu
cd "$(dirname "$0")"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
opts="${JAVA_OPTS--XX:+UseParallelGC -XX:NewRatio=1}"
dir=target/fast-start

newest_jar() {
    ls -t target/*.jar 2>/dev/null | head -n 1 || true
}

jar=$(newest_jar)
if [ -z "$jar" ] || [ -n "$(find pom.xml src -newer "$jar" -print | head -n 1)" ]; then
    echo "==> building the jar (./mvnw package -DskipTests)"
    ./mvnw -B -q package -DskipTests
    jar=$(newest_jar)
    [ -n "$jar" ] || { echo "no jar in target/ after the build" >&2; exit 1; }
fi
# extracted again whenever the jar is another one (newer, or copied in with an older date)
source=$(cksum < "$jar")
if [ ! -f "$dir/application.jar" ] || [ "$(cat "$dir/source" 2>/dev/null)" != "$source" ]; then
    echo "==> extracting $jar into $dir"
    rm -rf "$dir"
    "$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" --application-filename application.jar
    echo "$source" > "$dir/source"
fi

# an archive belongs to one jar, one Java runtime and one set of JVM options: the last two are in its name
settings=$("$java" -XshowSettings:properties -version 2>&1) || { echo "$settings" >&2; exit 1; }
feature=$(echo "$settings" | sed -n 's/^ *java\.specification\.version = //p')
runtime=$(echo "$settings" | sed -n 's/^ *java\.vm\.version = //p' | tr -c 'A-Za-z0-9.\n' '_')
options=$(printf '%s' "$opts" | cksum | cut -d ' ' -f 1)
strict=""
if [ "${feature%%.*}" -ge 25 ]; then
    archive="$dir/application-$runtime-$options.aot"
    train="-Xlog:aot=error,cds=error -XX:AOTCacheOutput=$archive.part"
    # Java 25.0.3 warns at every start of adapters it could not take from the cache (it makes them as usual)
    use="-Xlog:aot*=error -XX:AOTCache=$archive"
    [ "${FAST_START_REQUIRE_ARCHIVE:-}" != 1 ] || strict="-XX:AOTMode=on"
else
    archive="$dir/application-$runtime-$options.jsa"
    train="-Xlog:cds=error,cds+dynamic=error -XX:ArchiveClassesAtExit=$archive.part"
    use="-XX:SharedArchiveFile=$archive"
    [ "${FAST_START_REQUIRE_ARCHIVE:-}" != 1 ] || strict="-Xshare:on"
fi
if [ ! -f "$archive" ]; then
    echo "==> training run (once per jar, Java runtime and JVM options): the start-up to its end, then $archive"
    # the same settings and database as the start below: the training run applies the migrations and exits
    # before the server listens, so it never takes the port. Its warnings about optional classes that are not on
    # the class path (SAML, LDAP, reactive) are left out. ($opts and $train are lists of options: unquoted.)
    rm -f "$archive.part"
    # shellcheck disable=SC2086
    if ! "$java" $opts $train -Dspring.context.exit=onRefresh -jar "$dir/application.jar" "$@"; then
        rm -f "$archive.part"
        echo "the training run failed (its output is above): no archive made" >&2
        exit 1
    fi
    # written under another name and renamed: an interrupted training never leaves half an archive
    if [ ! -s "$archive.part" ]; then
        rm -f "$archive.part"
        echo "the training run wrote no archive (does this Java support class-data sharing?): starting without" >&2
        # shellcheck disable=SC2086
        exec "$java" $opts -jar "$dir/application.jar" "$@"
    fi
    mv "$archive.part" "$archive"
fi
echo "==> starting with $archive"
# shellcheck disable=SC2086
exec "$java" $opts $use $strict -jar "$dir/application.jar" "$@"
