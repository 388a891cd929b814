"""The token scenarios both AuthForge and the minimal server answer (m2m.client): a warm-up whose access tokens are
kept (its figures show the cold server), introspection (scenario 4) and revocation of the kept tokens. A server
compared with the others in alternation at the end gets its client_credentials runs (scenario 1) there, warm: the
figures the targets are read from; one that is not gets them here, at 4 and 16 connections and at 4 again."""
import glob
import re

from harness import load
from harness.log import log


def _harvest(saved):
    """The access tokens the warm-up's wrk threads wrote to SAVED.<thread>, in thread order."""
    tokens = []
    for part in sorted(p for p in glob.glob(saved + ".*") if re.fullmatch(r"\d+", p[len(saved) + 1:])):
        with open(part) as f:
            tokens += f.read().splitlines(keepends=True)
    return tokens


def _write(path, lines):
    with open(path, "w") as f:
        f.writelines(lines)
    return path


def run(bench, server, compared_later):
    s = bench.settings
    saved = bench.path(f"{server.name}-tokens")
    load.client_credentials(bench, server, "warm-up", 4, s.warmup, save=saved)
    tokens = _harvest(saved)
    _write(saved + ".txt", tokens)
    if not compared_later:
        load.client_credentials(bench, server, "client_credentials", 4, s.duration)
        load.client_credentials(bench, server, "client_credentials", 16, s.duration)
    # introspection cycles through (at most) 1,000 tokens; revocation uses each token once, half per run
    cycled = _write(saved + ".introspect", tokens[:1000])
    load.introspect(bench, server, "introspect", 4, s.duration, cycled)
    # the minimal server finds a token by walking every stored authorization: one run of each shows that (c4)
    authforge = server.name == "authforge"
    if authforge:
        load.introspect(bench, server, "introspect", 16, s.duration, cycled)
    half = (len(tokens) + 1) // 2
    first, second = _write(saved + ".revoke.00", tokens[:half]), _write(saved + ".revoke.01", tokens[half:])
    log(f"{server.name}: revoking {len(tokens)} tokens from the warm-up, half in each run")
    load.revoke(bench, server, "revoke", 4, s.revoke_seconds, first)
    if authforge:
        load.revoke(bench, server, "revoke", 16, s.revoke_seconds, second)
    # both servers have served the same scenarios before this run (AuthForge's refresh runs come later)
    if not compared_later:
        load.client_credentials(bench, server, "client_credentials (warm, again)", 4, s.duration)
