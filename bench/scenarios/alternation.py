"""client_credentials, the servers in alternation: the servers kept running after their own scenarios (AuthForge,
AuthForge with ES256 keys, the minimal server, Keycloak) answer the same load in turn, in one order and then in the
reverse one, at 4 and at 16 connections. The machine's speed drifts by ±20 % from one part of a run to another, so
figures taken minutes apart can favour either server; taken in alternation, a drift cannot. report.py takes the mean
of each server's two runs, by the scenario names "client_credentials, in alternation (run N)"."""
from harness import load
from harness.log import log
from scenarios import limits

SCENARIO = "client_credentials, in alternation ({})"


def run(bench):
    s = bench.settings
    forward = list(bench.compared)
    # 3 s per run at most: each server runs twice at each number of connections, and up to four servers take part
    seconds = min(s.duration, 3)
    log(f"client_credentials in alternation: {len(forward)} servers, at 4 and 16 connections")
    # each server idled while the others were measured (AuthForge for minutes): a short warm-up of each first (their
    # JIT has long compiled this path)
    for server in forward:
        load.client_credentials(bench, server, SCENARIO.format("warm-up"), 4, min(s.warmup, 5))
    # one RS256 signature alone, just before and after: the token CPU target divides by it (the same phase)
    limits.beside(bench, "rs256", "before the alternation")
    for conns in (4, 16):
        for run_number, order in ((1, forward), (2, forward[::-1])):
            for server in order:
                load.client_credentials(bench, server, SCENARIO.format(f"run {run_number}"), conns, seconds)
    limits.beside(bench, "rs256", "after the alternation")
