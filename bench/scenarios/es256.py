"""client_credentials with ES256 keys (authforge.keys.algorithm) instead of RS256, on a server of its own on a new
database, whose first key signs at once (its start is the first start with class-data sharing). After its warm-up it
waits for the comparison in alternation with the others; without one, its runs come here."""
import shutil

from harness import load
from harness.servers import start_authforge


def run(bench):
    s = bench.settings
    folder = bench.path("authforge-es256")
    shutil.rmtree(folder, ignore_errors=True)
    server = start_authforge(bench, "first start (empty database, ES256 keys)", folder,
                             ["--authforge.keys.algorithm=ES256"])
    # an AuthForge start in the start-up table, a server of its own in the load tables
    server.name = "authforge-es256"
    load.client_credentials(bench, server, "warm-up", 4, s.warmup)
    if bench.wants("minimal"):
        bench.keep_for_comparison(server)
    else:
        load.client_credentials(bench, server, "client_credentials", 4, s.duration)
        load.client_credentials(bench, server, "client_credentials", 16, s.duration)
        server.stop()
