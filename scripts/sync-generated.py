#!/usr/bin/env python3
"""Copies changes made in a generated project back into the archetype templates.

How the archetype is developed: generate a project (package com.example.authserver, database h2),
work and test in it like in any Spring Boot project, then run

    scripts/sync-generated.py PROJECT            # show what would change
    scripts/sync-generated.py PROJECT --write    # write it into src/main/resources/archetype-resources

Java sources, the test spring.factories and main spring.factories get "com.example.authserver"
replaced by "${package}"; a Java file that would mean something to Velocity (#if, #set, ##, ${...})
is refused, because the archetype filters Java sources. Templates, static files, messages, text
files, the H2 migrations and test resources are copied byte for byte. pom.xml, application.yml and
README.md hold per-database "#if" blocks or unparsed sections in the archetype: the script only
reports that they differ, they are edited by hand. Archetype files that the project lacks are
listed (the PostgreSQL-only ones are expected to be missing from an H2 project), never deleted
unless --delete is given.
"""
import argparse
import pathlib
import re
import sys

PACKAGE = "com.example.authserver"
PACKAGE_PATH = PACKAGE.replace(".", "/")
VELOCITY = re.compile(r"\$\{|\$!|##|#\*|#\[\[|#\{|#\\\\|#(if|elseif|else|end|set|foreach|macro|parse|include|stop|break|define|evaluate)\b")
BY_HAND = ["pom.xml", "src/main/resources/application.yml", "README.md"]
ONLY_IN_OTHER_VENDORS = {
    "src/main/java/account/ratelimit/PostgresqlBucketTable.java",
    "src/main/java/account/ratelimit/MysqlBucketTable.java",
    "src/main/java/support/EmbeddedPostgresServer.java",
    "src/test/java/support/EmbeddedPostgresServer.java",
    "src/test/java/system/DatabaseOutageTests.java",
}
COPIED = [
    "src/main/resources/templates", "src/main/resources/static", "src/main/resources/db/migration/h2",
    "src/test/resources", "src/main/resources/messages.properties", "src/main/resources/common-passwords.txt",
    "src/main/resources/application-prod.yml", "Dockerfile", ".dockerignore", ".editorconfig", ".gitattributes",
]


def files_under(root, rel):
    base = root / rel
    if base.is_file():
        return [base]
    return sorted(p for p in base.rglob("*") if p.is_file()) if base.exists() else []


def plan(project, archetype):
    """Yields (target path, new bytes) for every file whose archetype copy differs."""
    for kind in ("main", "test"):
        source_root = project / "src" / kind / "java" / PACKAGE_PATH
        for source in files_under(source_root, "."):
            text = source.read_text(encoding="utf-8")
            match = VELOCITY.search(text)
            if match:
                sys.exit(f"{source}: '{match.group(0)}' would be read by Velocity; rewrite it")
            target = archetype / "src" / kind / "java" / source.relative_to(source_root)
            yield target, text.replace(PACKAGE, "${package}").encode("utf-8")
    for factories in ("src/main/resources/META-INF/spring.factories", "src/test/resources/META-INF/spring.factories"):
        source = project / factories
        if source.exists():
            yield archetype / factories, source.read_text(encoding="utf-8").replace(PACKAGE, "${package}").encode()
    for rel in COPIED:
        for source in files_under(project, rel):
            relative = source.relative_to(project)
            if relative.name == "spring.factories":
                continue
            yield archetype / relative, source.read_bytes()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=pathlib.Path)
    parser.add_argument("--write", action="store_true", help="write the changes")
    parser.add_argument("--delete", action="store_true", help="also delete archetype files the project lacks")
    args = parser.parse_args()
    project = args.project.resolve()
    archetype = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/archetype-resources"

    wanted = {}
    for target, content in plan(project, archetype):
        wanted[target] = content
        if not target.exists() or target.read_bytes() != content:
            print(("new     " if not target.exists() else "changed ") + str(target.relative_to(archetype)))
            if args.write:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)

    tracked = [archetype / "src" / k / "java" for k in ("main", "test")] + [archetype / r for r in COPIED]
    for root in tracked:
        for existing in files_under(root, "."):
            rel = str(existing.relative_to(archetype))
            if existing not in wanted and rel not in ONLY_IN_OTHER_VENDORS:
                print("missing " + rel + ("  (deleted)" if args.delete and args.write else ""))
                if args.delete and args.write:
                    existing.unlink()

    for rel in BY_HAND:
        print(f"by hand {rel}: compare with the archetype's copy (it holds #if blocks)")


if __name__ == "__main__":
    main()
