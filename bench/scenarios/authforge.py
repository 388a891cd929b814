"""AuthForge: start-up on an empty database and again on the existing one (scenario 6), then the token scenarios
(scenarios/token_load), the sign-ins (scenarios/sign_in), refresh (scenario 3) and a JFR profile of
client_credentials. The server then stays up, idle, for the comparison in alternation."""
import shutil

from harness import h2, load
from harness.log import log
from harness.profile import recording
from harness.servers import start_server
from harness.settings import AUTHFORGE_ARGS
from scenarios import sign_in, token_load


def refresh_and_profile(bench, server):
    """Refresh after the sign-ins when they run (a refresh reads the user and signs two tokens: the sign-ins have
    compiled the user store's code by then; right after client_credentials a refresh cost 19 instead of 8.7 ms of
    CPU), then the profiled client_credentials run."""
    s = bench.settings
    log(f"authforge: {s.grants} grants per refresh run, through the authorization-code flow (bench/tokens.py)")
    for conns in (4, 16):
        load.fetch_tokens(bench, server.url, s.grants, bench.path(f"refresh-c{conns}.txt"))
    for conns in (4, 16):
        load.refresh(bench, server, "refresh", conns, s.duration, bench.path(f"refresh-c{conns}.txt"))
    if s.profile_seconds > 0:
        with recording(bench, server, "client_credentials"):
            load.client_credentials(bench, server, "client_credentials (JFR on)", 4, s.profile_seconds)


def run(bench):
    folder = bench.path("authforge")
    shutil.rmtree(folder, ignore_errors=True)
    start_server(bench, "authforge", "first start (empty database)", bench.authforge_jar, folder).stop()
    # the database of scenario 5 and the class-data sharing training start from this one
    shutil.copytree(bench.path("authforge", "data"), bench.path("authforge-empty", "data"))
    # scenario 2 runs on this server after the others: its bench users go into the database before the second start
    if bench.wants("sign-in"):
        h2.seed_users(bench, folder)
    # idle_gc: its RSS after a forced collection, before any load, as the minimal server's (scenarios/minimal)
    server = start_server(bench, "authforge", "second start (existing database)", bench.authforge_jar, folder,
                          AUTHFORGE_ARGS, idle_gc=True)
    compared_later = bench.wants("minimal")
    token_load.run(bench, server, compared_later)
    if bench.wants("sign-in"):
        sign_in.run(bench, server)
    refresh_and_profile(bench, server)
    if compared_later:
        bench.keep_for_comparison(server)
    else:
        server.stop()
