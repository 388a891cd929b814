"""The minimal Spring authorization server (bench/minimal-server): start-up, then the token scenarios where they
apply (no users: no refresh or sign-in). It stays up for the comparison in alternation."""
from harness.servers import start_server
from scenarios import token_load


def run(bench):
    server = start_server(bench, "minimal", "start (in memory)", bench.minimal_jar, bench.path("minimal"))
    compared_later = bool(bench.compared)
    token_load.run(bench, server, compared_later)
    if compared_later:
        bench.keep_for_comparison(server)
    else:
        server.stop()
