"""Keycloak 26 (BENCH_KEYCLOAK=1) in dev mode (H2 file database), its distribution from Maven Central, on Java 21+;
a realm with m2m.client (same secret, a client scope "scope1") made through the admin REST API; then the
client_credentials load, here or in the comparison in alternation."""
import glob
import json
import os
import secrets
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
import zipfile

from harness import load
from harness.log import fail, log
from harness.servers import LOCAL, Server, free_port, track, wait_ready
from harness.settings import KEYCLOAK_VERSION, M2M_ID, M2M_SECRET

TOKEN_PATH = "/realms/bench/protocol/openid-connect/token"


def _distribution(bench):
    """Fetched once and unpacked once, then kept: its first start also builds (augments) the Quarkus application,
    stored beside it."""
    folder = bench.bench_path("target", "keycloak")
    home = os.path.join(folder, f"keycloak-{KEYCLOAK_VERSION}")
    archive = os.path.join(folder, f"keycloak-quarkus-dist-{KEYCLOAK_VERSION}.zip")
    if not os.path.isfile(archive):
        log(f"downloading org.keycloak:keycloak-quarkus-dist:{KEYCLOAK_VERSION}:zip (Maven Central)")
        if subprocess.run([os.path.join(bench.repo, "mvnw"), "-B", "-q",
                           "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy",
                           f"-Dartifact=org.keycloak:keycloak-quarkus-dist:{KEYCLOAK_VERSION}:zip",
                           f"-DoutputDirectory={folder}"]).returncode != 0:
            fail("could not download Keycloak's distribution")
    kc = os.path.join(home, "bin", "kc.sh")
    if not os.access(kc, os.X_OK):
        with zipfile.ZipFile(archive) as distribution:
            distribution.extractall(folder)
        for script in glob.glob(os.path.join(home, "bin", "*.sh")):
            os.chmod(script, 0o755)  # a zip keeps no permissions
    return home


def _java_version(java_home):
    done = subprocess.run([os.path.join(java_home, "bin", "java"), "-version"], capture_output=True, text=True)
    return (done.stderr + done.stdout).splitlines()[0].split('"')[1]


def _admin_token(base, password):
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "admin-cli", "username": "admin",
                                   "password": password}).encode()
    try:
        with LOCAL.open(f"{base}/realms/master/protocol/openid-connect/token", form, timeout=60) as response:
            return json.load(response)["access_token"]
    except Exception:
        fail("no admin token from Keycloak")


def _admin_post(base, token, path, body):
    request = urllib.request.Request(f"{base}/admin/realms{path}", json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        LOCAL.open(request, timeout=60).close()
    except Exception:
        fail(f"Keycloak admin API: POST /admin/realms{path} failed")


def _bench_realm(base, token):
    _admin_post(base, token, "", {"realm": "bench", "enabled": True})
    _admin_post(base, token, "/bench/client-scopes", {
        "name": "scope1", "protocol": "openid-connect",
        "attributes": {"include.in.token.scope": "true", "display.on.consent.screen": "false"}})
    _admin_post(base, token, "/bench/clients", {
        "clientId": M2M_ID, "enabled": True, "protocol": "openid-connect", "publicClient": False,
        "clientAuthenticatorType": "client-secret", "secret": M2M_SECRET, "serviceAccountsEnabled": True,
        "standardFlowEnabled": False, "directAccessGrantsEnabled": False, "optionalClientScopes": ["scope1"]})


def _start(bench, home):
    s = bench.settings
    shutil.rmtree(os.path.join(home, "data"), ignore_errors=True)
    folder = bench.path("keycloak")
    os.makedirs(folder, exist_ok=True)
    password = secrets.token_urlsafe(18)
    port, management_port = free_port(), free_port()
    env = {**os.environ, "JAVA_HOME": s.keycloak_java_home, "KC_BOOTSTRAP_ADMIN_USERNAME": "admin",
           "KC_BOOTSTRAP_ADMIN_PASSWORD": password, "JAVA_OPTS_KC_HEAP": f"-Xmx{s.heap}"}
    t0 = time.time_ns()
    with open(os.path.join(folder, "server.log"), "ab") as out:
        process = subprocess.Popen(
            [os.path.join(home, "bin", "kc.sh"), "start-dev", "--http-host=127.0.0.1", f"--http-port={port}",
             f"--http-management-port={management_port}", "--hostname-strict=false"],
            env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = track(bench, Server("keycloak", process, port, folder, wrapped=True, token_path=TOKEN_PATH))
    wait_ready(bench, server, f"{server.url}/realms/master/.well-known/openid-configuration", t0,
               f"start-dev (H2 file, Java {_java_version(s.keycloak_java_home)})", 300)
    return server, password


def run(bench):
    s = bench.settings
    if not os.access(os.path.join(s.keycloak_java_home, "bin", "java"), os.X_OK):
        fail("Keycloak needs Java 21 or later: set KEYCLOAK_JAVA_HOME")
    server, password = _start(bench, _distribution(bench))
    _bench_realm(server.url, _admin_token(server.url, password))
    load.client_credentials(bench, server, "warm-up", 4, s.warmup)
    # compared in alternation at the end when AuthForge or the minimal server is up for it
    if bench.compared:
        bench.keep_for_comparison(server)
    else:
        load.client_credentials(bench, server, "client_credentials", 4, s.duration)
        load.client_credentials(bench, server, "client_credentials", 16, s.duration)
        load.client_credentials(bench, server, "client_credentials (warm, again)", 4, s.duration)
        server.stop()
