#!/usr/bin/env python3
"""Where the CPU goes, from a JFR recording's execution samples (bench/run.sh records one for the client_credentials
and one for the sign-in scenario; see "Profile" in bench/README.md).

    python3 bench/jfr_top.py RECORDING.jfr [TOP] [--jfr PATH_TO_jfr] [--json OUT.json]

Reads `jfr print --events jdk.ExecutionSample --stack-depth 256` (the server must run with
-XX:FlightRecorderOptions:stackdepth=256, or deep Spring stacks are cut at 64 frames and lose their outer frames),
keeps the samples of the request threads (Tomcat's http-nio-*-exec-*), and prints Markdown:
  - phases: each sample goes to the innermost frame that names a step of the request (client authentication, JWT
    signing, the authorization insert, the session, the page ...), so the phases add up to 100 %;
  - components: each sample goes to the innermost frame of a known library (Nimbus/RSA, H2, Hikari, Jackson ...);
  - the TOP hottest methods by self time (the top frame).
JFR samples only threads running Java code, at most a few per 10-20 ms: a 10 s recording holds a few hundred to a
few thousand request-thread samples, enough for shares of a few percent, not for the long tail. GC and JIT
threads are not in these samples; the share of CPU they take is printed from jdk.GCCPUTime / jdk.ThreadCPULoad
where the recording has them.
"""
import collections
import json
import re
import subprocess
import sys

# (label, substrings of a frame); the innermost frame (nearest the top of the stack) that matches decides
PHASES = [
    ("password hash (Argon2id)", ["org.bouncycastle.crypto.generators.Argon2", "Argon2PasswordEncoder"]),
    ("JWT signing (RSA, Nimbus)", ["com.nimbusds.jose.crypto.RSASSASigner", "sun.security.rsa.", "com.nimbusds.jose.crypto.ECDSASigner"]),
    ("JWT building (claims, JSON, base64)", ["com.nimbusds.", "NimbusJwtEncoder", "SigningKeyJwtEncoder"]),
    ("token claims (customizers, JwtGenerator)", ["JwtGenerator", "OAuth2TokenCustomizer", "ClaimsMapping", "TokenClaims"]),
    ("authorization store: save (insert/update)", ["HashedAuthorizationService.save", "AuthorizationColumns"]),
    ("authorization store: lookup", ["HashedAuthorizationService.find", "AuthorizationRowMapper", "RotatedRefreshTokens"]),
    ("consent lookup", ["AuthorizationConsentService", "RememberedConsents"]),
    # JPA: the user store, and any transaction through JpaTransactionManager (it opens a Hibernate session)
    ("user store and JPA transactions (Hibernate)", ["UserManager", "PasswordSignInProvider", "org.hibernate.",
                                                     "org.springframework.orm.jpa."]),
    ("client lookup (registered clients)", ["RegisteredClientRepository", "JdbcRegisteredClientRepository"]),
    ("client authentication (secret check)", ["ClientSecretAuthenticationProvider", "ClientSecretHashing",
                                              "OAuth2ClientAuthenticationFilter", "ClientSecretBasicAuthenticationConverter"]),
    ("HTTP session (Spring Session JDBC)", ["org.springframework.session."]),
    ("page rendering (Thymeleaf)", ["org.thymeleaf.", "org.attoparser."]),
    ("token response (JSON)", ["OAuth2AccessTokenResponseHttpMessageConverter", "HttpMessageConverter"]),
    ("observations (Micrometer, around each filter, authentication, authorization)",
     ["io.micrometer.", "ObservationFilterChainDecorator", "ObservationAuthenticationManager",
      "ObservationAuthorizationManager"]),
    ("security headers, CSRF, request cache, other filters", ["org.springframework.security.web.", "RateLimitFilter",
                                                               "org.springframework.security.config."]),
    ("endpoint logic (authorization server)", ["org.springframework.security.oauth2.server.authorization."]),
    ("Spring MVC dispatch", ["org.springframework.web.servlet."]),
    ("Tomcat (HTTP parsing, socket I/O)", ["org.apache.tomcat.", "org.apache.coyote.", "org.apache.catalina."]),
]

COMPONENTS = [
    ("RSA / BigInteger (JDK crypto)", ["sun.security.rsa.", "java.math.BigInteger", "sun.security.util."]),
    ("SHA-256 (JDK)", ["sun.security.provider.SHA", "sun.security.provider.DigestBase"]),
    ("Argon2 (Bouncy Castle)", ["org.bouncycastle."]),
    ("Nimbus JOSE", ["com.nimbusds."]),
    ("H2 database engine", ["org.h2."]),
    ("Hikari pool", ["com.zaxxer.hikari."]),
    ("Spring JDBC", ["org.springframework.jdbc."]),
    ("Hibernate", ["org.hibernate."]),
    ("Jackson (JSON)", ["tools.jackson.", "com.fasterxml.jackson."]),
    ("Thymeleaf", ["org.thymeleaf.", "org.attoparser."]),
    ("Spring Session", ["org.springframework.session."]),
    ("Micrometer observations", ["io.micrometer.", "ObservationFilterChainDecorator", "ObservationAuthenticationManager",
                                 "ObservationAuthorizationManager"]),
    ("Spring Security", ["org.springframework.security."]),
    ("Spring (core, web, transactions)", ["org.springframework."]),
    ("Tomcat", ["org.apache.tomcat.", "org.apache.coyote.", "org.apache.catalina."]),
    ("JDK: strings, collections, regex", ["java.lang.String", "java.util.", "java.lang.StringBuilder", "java.lang.AbstractStringBuilder"]),
    ("JDK: reflection, class loading", ["java.lang.reflect.", "jdk.internal.reflect.", "java.lang.Class", "java.lang.invoke."]),
    ("JDK: other", ["java.", "jdk.", "sun."]),
]

FRAME = re.compile(r"^\s+(\S.*?)(?:\s+line: \d+)?(?:\s+bci: \d+)?\s*$")


def samples(path, jfr):
    text = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", path],
                          capture_output=True, text=True, check=True).stdout
    thread, frames, in_stack = None, [], False
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("jdk.ExecutionSample"):
            thread, frames, in_stack = None, [], False
        elif s.startswith("sampledThread ="):
            thread = s.split('"')[1] if '"' in s else s
        elif s.startswith("stackTrace = ["):
            in_stack = True
        elif in_stack and s == "]":
            in_stack = False
            yield thread, frames
        elif in_stack and s != "...":
            m = FRAME.match(line)
            if m:
                frames.append(m.group(1))


def classify(frames, table):
    for frame in frames:
        for label, needles in table:
            if any(n in frame for n in needles):
                return label
    return "other"


def method(frame):
    """'a.b.C.m(String, int)' -> 'a.b.C.m'"""
    return frame.split("(", 1)[0]


def cpu_shares(path, jfr):
    """Average CPU load of the JVM process, and GC CPU time, where the recording has them."""
    out = {}
    try:
        text = subprocess.run([jfr, "print", "--events", "jdk.GCCPUTime,jdk.CPULoad", path],
                              capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return out
    gc_user = gc_real = 0.0
    loads = []
    for line in text.splitlines():
        s = line.strip()
        m = re.match(r"(userTime|realTime) = ([\d.,]+) (ms|s|us|ns)", s)
        if m:
            value = float(m.group(2).replace(",", "")) * {"ms": 1e-3, "s": 1, "us": 1e-6, "ns": 1e-9}[m.group(3)]
            if m.group(1) == "userTime":
                gc_user += value
            else:
                gc_real += value
        m = re.match(r"jvmUser = ([\d.]+)%", s)
        if m:
            loads.append(float(m.group(1)))
    if gc_user:
        out["gc_user_s"] = gc_user
    if loads:
        out["jvm_user_load_pct"] = sum(loads) / len(loads)
    return out


def table(title, counts, total, limit=None):
    lines = [f"| {title} | samples | share |", "| --- | ---: | ---: |"]
    for label, n in counts.most_common(limit):
        lines.append(f"| {label} | {n} | {100 * n / total:.1f} % |")
    return lines


def main():
    args = [a for a in sys.argv[1:]]
    jfr = "jfr"
    out_json = None
    if "--jfr" in args:
        i = args.index("--jfr")
        jfr = args[i + 1]
        del args[i:i + 2]
    if "--json" in args:
        i = args.index("--json")
        out_json = args[i + 1]
        del args[i:i + 2]
    path = args[0]
    top = int(args[1]) if len(args) > 1 else 15

    phases, components, methods, threads = (collections.Counter() for _ in range(4))
    total = 0
    for thread, frames in samples(path, jfr):
        threads[re.sub(r"\d+", "N", thread or "?")] += 1
        if not thread or "-exec-" not in thread or not frames:
            continue
        total += 1
        phases[classify(frames, PHASES)] += 1
        components[classify(frames, COMPONENTS)] += 1
        methods[method(frames[0])] += 1
    if not total:
        print(f"no request-thread samples in {path}")
        return
    all_samples = sum(threads.values())
    lines = [f"{total} request-thread samples of {all_samples} execution samples "
             f"({100 * total / all_samples:.0f} %; the rest: "
             + ", ".join(f"{t} {n}" for t, n in threads.most_common() if "-exec-" not in t) + ")", ""]
    lines += table("Phase (innermost matching frame)", phases, total) + [""]
    lines += table("Component (innermost library frame)", components, total) + [""]
    lines += table(f"Hottest methods (self), top {top}", methods, total, top)
    extra = cpu_shares(path, jfr)
    if extra.get("gc_user_s"):
        lines += ["", f"GC threads: {extra['gc_user_s']:.1f} s of CPU (user) over the recording."]
    print("\n".join(lines))
    if out_json:
        with open(out_json, "w") as f:
            json.dump({"samples": total, "phases": phases, "components": components,
                       "methods": dict(methods.most_common(top)), **extra}, f)


if __name__ == "__main__":
    main()
