"""The minimal Spring authorization server (bench/minimal-server): start-up, then the token scenarios where they
apply (no users: no refresh or sign-in). It stays up for the comparison in alternation."""
from harness.servers import start_server
from scenarios import token_load


def run(bench):
    # idle_gc: its RSS after a forced collection, before any load, as AuthForge's second start (scenarios/authforge)
    server = start_server(bench, "minimal", "start (in memory)", bench.minimal_jar, bench.path("minimal"),
                          idle_gc=True)
    compared_later = bool(bench.compared)
    token_load.run(bench, server, compared_later)
    if compared_later:
        bench.keep_for_comparison(server)
    else:
        server.stop()
