"""Keycloak 26 (BENCH_KEYCLOAK=1) in dev mode (H2 file database) with its theme caches on as in production, its
distribution from Maven Central, on Java 21+; a realm made through the admin REST API with m2m.client (same secret, a
client scope "scope1"), the client "interactive" (authorization code, PKCE S256, no consent) and the bench users
(their password hashed with Keycloak's default hashing); then the client_credentials load (here, or in the
comparison in alternation) and the password sign-ins through Keycloak's login form, as AuthForge's (scenario 2)."""
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
from harness.settings import (BENCH_PASSWORD, INTERACTIVE_ID, INTERACTIVE_SECRET, KEYCLOAK_VERSION, M2M_ID,
                              M2M_SECRET)

TOKEN_PATH = "/realms/bench/protocol/openid-connect/token"
# where the sign-ins send their code (bench/loadgen's Visits.REDIRECT_URI, the same as AuthForge's): nothing listens
# there, the load generator never follows that redirect
REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/interactive"
USERS_PER_IMPORT = 500  # users per partial import request (each request is one transaction)


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


def _admin(base, token, method, path, body=None):
    """One admin REST API call; its JSON answer, if any."""
    request = urllib.request.Request(f"{base}/admin/realms{path}",
                                     None if body is None else json.dumps(body).encode(), method=method,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with LOCAL.open(request, timeout=300) as response:
            answer = response.read()
    except Exception as e:
        fail(f"Keycloak admin API: {method} /admin/realms{path} failed: {e}")
    return json.loads(answer) if answer else None


def _admin_post(base, token, path, body):
    _admin(base, token, "POST", path, body)


def _bench_realm(base, token):
    _admin_post(base, token, "", {"realm": "bench", "enabled": True})
    _admin_post(base, token, "/bench/client-scopes", {
        "name": "scope1", "protocol": "openid-connect",
        "attributes": {"include.in.token.scope": "true", "display.on.consent.screen": "false"}})
    _admin_post(base, token, "/bench/clients", {
        "clientId": M2M_ID, "enabled": True, "protocol": "openid-connect", "publicClient": False,
        "clientAuthenticatorType": "client-secret", "secret": M2M_SECRET, "serviceAccountsEnabled": True,
        "standardFlowEnabled": False, "directAccessGrantsEnabled": False, "optionalClientScopes": ["scope1"]})
    # the sign-ins' client: authorization code only, PKCE with S256 required, no consent page (AuthForge's bench users
    # have a remembered consent); confidential with AuthForge's secret, although the load never redeems the code
    _admin_post(base, token, "/bench/clients", {
        "clientId": INTERACTIVE_ID, "enabled": True, "protocol": "openid-connect", "publicClient": False,
        "clientAuthenticatorType": "client-secret", "secret": INTERACTIVE_SECRET, "standardFlowEnabled": True,
        "implicitFlowEnabled": False, "directAccessGrantsEnabled": False, "serviceAccountsEnabled": False,
        "consentRequired": False, "redirectUris": [REDIRECT_URI],
        "attributes": {"pkce.code.challenge.method": "S256"}})


def _user(n, credential):
    """bench-NNNNN as the sign-ins need it: enabled, email verified, and every attribute Keycloak's default user
    profile requires of a user (email, first and last name; without them its VERIFY_PROFILE required action would
    show a form at the first sign-in), no required action."""
    name = f"bench-{n:05d}"
    return {"username": name, "enabled": True, "emailVerified": True, "email": f"{name}@bench.test",
            "firstName": "Bench", "lastName": f"User {n:05d}", "requiredActions": [], "credentials": [credential]}


def _import(base, token, users):
    answer = _admin(base, token, "POST", "/bench/partialImport", {"ifResourceExists": "FAIL", "users": users})
    if not answer or answer.get("added") != len(users):
        fail(f"Keycloak's partial import added {answer and answer.get('added')} of {len(users)} users")


def _bench_users(bench, base, password):
    """BENCH_USERS users through the partial import endpoint. bench-00001 gets the bench password in clear, so Keycloak
    hashes it with the realm's default hashing (no password policy: its highest-ordered provider, argon2 outside
    FIPS mode); every other user gets one hash of the same password with the same parameters, made once by
    bench/limits (keycloak-hash), as AuthForge's users share one hash. With the machine loaded (load average 8-12),
    Keycloak hashing each password itself took 90-120 ms per user (3-4 minutes for 2,000), the one-hash import 13 s
    for 2,000; the parameters are checked against the credential Keycloak made for bench-00001, and every sign-in
    verifies the hash."""
    s = bench.settings
    t0 = time.time()
    token = _admin_token(base, password)  # the master realm's admin tokens live 60 s: a new one for this step
    _import(base, token, [_user(1, {"type": "password", "value": BENCH_PASSWORD, "temporary": False})])
    found = _admin(base, token, "GET", "/bench/users?exact=true&username=bench-00001")
    own = [c for c in _admin(base, token, "GET", f"/bench/users/{found[0]['id']}/credentials")
           if c["type"] == "password"][0]["credentialData"]
    done = subprocess.run([s.java, "-jar", bench.bench_path("limits", "target", "limits.jar"), "keycloak-hash",
                           BENCH_PASSWORD], stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        fail("bench/limits could not hash the bench password for Keycloak")
    made = json.loads(done.stdout)
    if json.loads(own) != {key: made[key] for key in ("hashIterations", "algorithm", "additionalParameters")}:
        fail(f"Keycloak's default password hashing ({own}) is not the one bench/limits makes ({done.stdout.strip()})")
    credential = {"type": "password", "credentialData": own,
                  "secretData": json.dumps({"value": made["value"], "salt": made["salt"], "additionalParameters": {}})}
    for first in range(2, s.users + 1, USERS_PER_IMPORT):
        _import(base, token, [_user(n, credential) for n in range(first, min(first + USERS_PER_IMPORT, s.users + 1))])
    seconds = time.time() - t0
    bench.append_json("keycloak-users.jsonl", {"users": s.users, "seconds": round(seconds, 1), "hashing": own})
    log(f"keycloak: {s.users} bench users made in {seconds:.1f} s (partial import; hashing {own})")


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
             f"--http-management-port={management_port}", "--hostname-strict=false",
             # dev mode turns the theme and template caches off (it re-reads the login page's templates on each
             # request): on, as in production, so that the sign-ins measure Keycloak and not its development mode
             "--spi-theme--cache--themes=true", "--spi-theme--cache--templates=true"],
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
    _bench_users(bench, server.url, password)
    load.client_credentials(bench, server, "warm-up", 4, s.warmup)
    # compared in alternation at the end when AuthForge or the minimal server is up for it
    compared_later = bool(bench.compared)
    if not compared_later:
        load.client_credentials(bench, server, "client_credentials", 4, s.duration)
        load.client_credentials(bench, server, "client_credentials", 16, s.duration)
        load.client_credentials(bench, server, "client_credentials (warm, again)", 4, s.duration)
    sign_ins(bench, server)
    if compared_later:
        bench.keep_for_comparison(server)
    else:
        server.stop()


def sign_ins(bench, server):
    """As AuthForge's sign-ins (scenarios/sign_in): the same warm-up (Keycloak's JIT needs it as much), then the
    measured run at 4 connections, each visit on a new connection with no cookie; a sign-in is Keycloak's two
    requests (bench/loadgen, KeycloakSignIn). Rows "sign-in (warm-up)" and "sign-in", as AuthForge's."""
    s = bench.settings
    log(f"keycloak: password sign-ins of {s.users} users through its login form")
    load.loadgen(bench, server, "sign-in (warm-up)", "keycloak-sign-in", 4, 0, s.signin_warmup)
    load.loadgen(bench, server, "sign-in", "keycloak-sign-in", 4, 2, s.duration)
