"""The settings of a run, read once from the environment (bench/README.md, "Settings"), and the bench's fixed values:
the seeded clients' credentials, the bench users' password, Keycloak's version."""
import base64
import os

ROWS_SMALL = 1000          # stored authorizations of scenario 5's small case (server A)
THREADS = 2                # wrk's threads (-t), and BENCH_THREADS for the Lua scripts
KEYCLOAK_VERSION = "26.4.5"
M2M_ID, M2M_SECRET = "m2m.client", "511536EF-F270-4058-80CA-1C89C192F69A"
INTERACTIVE_ID, INTERACTIVE_SECRET = "interactive", "49C1A7E1-0C79-4A89-A3D6-A37998FB86B0"
# the password of every bench user (scenario 2); the server's password policy does not matter: the rows are seeded
BENCH_PASSWORD = "Bench-sign-in-2026"
# all sign-ins come from 127.0.0.1: the per-address limit (100 per 10 minutes) is lifted, the per-account one kept
AUTHFORGE_ARGS = ["--authforge.account.rate-limits.sign-in.per-ip.attempts=1000000000"]
ALL_PARTS = "limits,authforge,sign-in,stored,minimal"


def basic(client_id, secret):
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


M2M_AUTH = basic(M2M_ID, M2M_SECRET)
INTERACTIVE_AUTH = basic(INTERACTIVE_ID, INTERACTIVE_SECRET)


# the settings that change how long a run takes (besides BENCH_ONLY, BENCH_SKIP_BUILD, BENCH_SUITE, BENCH_KEYCLOAK):
# a run with any of them changed is not the run whose wall time the target is about
RUN_LENGTH = {"BENCH_DURATION": "duration", "BENCH_WARMUP": "warmup", "BENCH_SIGNIN_WARMUP": "signin_warmup",
              "BENCH_GRANTS": "grants", "BENCH_USERS": "users", "BENCH_ROWS": "rows",
              "BENCH_PROFILE": "profile_seconds", "BENCH_CLEANUP": "cleanup", "BENCH_FILL_LOBS": "fill_lobs"}


class Settings:
    def __init__(self, environ=None):
        """From ENVIRON (os.environ by default; {} gives the defaults). As in bash's ${NAME:-default}, an empty value
        counts as unset."""
        environ = os.environ if environ is None else environ
        env = lambda name, default: environ.get(name) or default
        flag = lambda name: env(name, "0") == "1"
        self.duration = int(env("BENCH_DURATION", 5))
        self.warmup = int(env("BENCH_WARMUP", 10))
        # a sign-in touches far more code than a token request and comes 50 times less often: on 2 cores the JIT is
        # still compiling after 40 s of sign-ins on a new server (C2 took 15 ms of CPU per sign-in then), so their
        # warm-up is longer; the sign-ins run on the server that has answered the other scenarios, whose shared code
        # (Tomcat, the filters) is compiled by then, and the class-data sharing training run takes part of the cores
        # during most of it
        self.signin_warmup = int(env("BENCH_SIGNIN_WARMUP", self.warmup * 9))
        # revocation uses each token once: the tokens of a run last about 1-2.5 s, the rate is taken over that time
        self.revoke_seconds = min(self.duration, 3)
        self.heap = env("BENCH_HEAP", "512m")
        self.grants = int(env("BENCH_GRANTS", 32))
        self.users = int(env("BENCH_USERS", 2000))
        self.rows = int(env("BENCH_ROWS", 1000000))
        # grants per run of scenario 5 (its runs last half as long; each grant is refreshed again and again, in turn)
        self.stored_grants = min(self.grants, 16)
        self.profile_seconds = int(env("BENCH_PROFILE", 5))
        self.keycloak_java_home = env("KEYCLOAK_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")
        self.java = env("JAVA", "java")
        self.java_alt = env("BENCH_JAVA_ALT", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
        self.cleanup = flag("BENCH_CLEANUP")
        self.fill_lobs = flag("BENCH_FILL_LOBS")
        self.skip_build = flag("BENCH_SKIP_BUILD")
        self.keep_data = flag("BENCH_KEEP_DATA")
        # the generated project's own test suite (./mvnw verify), timed after the build: about 5 minutes, so opt-in
        self.suite = flag("BENCH_SUITE")
        # set, even empty (the JVM's defaults), it replaces the generated Dockerfile's options
        self.jvm_options = environ.get("BENCH_JVM_OPTIONS")
        self.only = env("BENCH_ONLY", "")
        parts = self.only or ALL_PARTS
        if flag("BENCH_KEYCLOAK") and not self.only:
            parts += ",keycloak"
        # the sign-ins run on the AuthForge server of part "authforge"
        names = parts.split(",")
        if "sign-in" in names and "authforge" not in names:
            parts += ",authforge"
        self.parts = parts

    def wants(self, part):
        return part in self.parts.split(",")

    def run_length_changes(self):
        """'BENCH_DURATION=3 BENCH_ROWS=20000': the settings of RUN_LENGTH set to other values than their defaults
        (BENCH_WARMUP=3 changes the sign-ins' warm-up too: only BENCH_WARMUP is named)."""
        defaults = Settings({})
        return " ".join(f"{name}={os.environ[name]}" for name, field in RUN_LENGTH.items()
                        if os.environ.get(name) and getattr(self, field) != getattr(defaults, field))
