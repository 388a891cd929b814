#!/usr/bin/env bash
# Installs this archetype, generates a server from it in a folder outside the repository,
# and runs that server with its own Maven wrapper.
#
#   ./run-server.sh [folder]      folder defaults to $HOME/authforge-projects
#
# Only the repository's ./mvnw is used to install and generate: no Maven needs to be installed.
set -euo pipefail

repo="$(cd "$(dirname "$0")" && pwd)"
folder="${1:-$HOME/authforge-projects}"
artifact_id=auth-server

mkdir -p "$folder"
folder="$(cd "$folder" && pwd)"
case "$folder/" in
  "$repo"/*)
    echo "run-server.sh: $folder is inside the repository; pass a folder outside $repo" >&2
    exit 1 ;;
esac
if [ -f "$folder/pom.xml" ]; then
  echo "run-server.sh: $folder holds a pom.xml (generating there would add a module to it); pass another folder" >&2
  exit 1
fi
if [ -e "$folder/$artifact_id" ]; then
  echo "$folder/$artifact_id exists already: starting it as it is (delete that folder to generate it afresh)"
else
  echo "Installing the archetype from $repo"
  "$repo/mvnw" -B -q -f "$repo/pom.xml" install -DskipTests -Dinvoker.skip

  echo "Generating $folder/$artifact_id"
  (cd "$folder" && "$repo/mvnw" -B -q \
    org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate \
    -DarchetypeGroupId=dev.authforge -DarchetypeArtifactId=authforge-archetype -DarchetypeVersion=0.1.0-SNAPSHOT \
    -DgroupId=com.example -DartifactId="$artifact_id")
fi

cd "$folder/$artifact_id"
echo "Running $folder/$artifact_id (Ctrl+C stops it)"
exec ./mvnw spring-boot:run
