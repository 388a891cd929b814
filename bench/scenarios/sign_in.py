"""Scenario 2, on the AuthForge server that has answered the other scenarios (its database got the bench users
before it started): password sign-ins through the login form after a warm-up, a profiled run apart, then the login
page alone. The load comes from bench/loadgen: each visit on a new connection with no cookie, as a new browser."""
from harness import load
from harness.log import log
from harness.profile import recording
from scenarios import class_data_sharing, limits


def run(bench, server):
    s = bench.settings
    log(f"authforge: password sign-ins of {s.users} users through the login form, then the login page alone")
    # the warm-up only compiles code: the class-data sharing training runs beside it, and ends before the measured run
    class_data_sharing.start(bench)
    load.loadgen(bench, server, "sign-in (warm-up)", "sign-in", 4, 0, s.signin_warmup)
    class_data_sharing.finish(bench)
    # the password check alone, just before and after: the target divides by it, and the machine's phase must be
    # the same
    limits.beside(bench, "argon2", "before the sign-ins")
    load.loadgen(bench, server, "sign-in", "sign-in", 4, 2, s.duration)
    limits.beside(bench, "argon2", "after the sign-ins")
    # recorded apart from the measured run: JFR's profiling settings cost a sign-in about 40 % more CPU
    if s.profile_seconds > 0:
        with recording(bench, server, "sign-in"):
            load.loadgen(bench, server, "sign-in (JFR on)", "sign-in", 4, 0, s.profile_seconds)
    # a warm-up of its own: this page alone comes 20-50 times as often as a sign-in's requests, and its code keeps
    # compiling for tens of seconds (on a server that had answered sign-ins, 3.1 ms of CPU per page after 5 s,
    # 2.5-4.2 ms after 15 s, 1.3 ms after 40 s, 0.9 ms after 60 s); with 10 s it measured 5.25 ms in a slow phase
    # (5.9 % of a sign-in)
    load.loadgen(bench, server, "login page", "login-page", 4, s.warmup * 3 // 2, s.duration)
