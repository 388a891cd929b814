"""Servers: started directly (no Maven), each in its own folder (its H2 database in FOLDER/data), on a free loopback
port, timed from process start to the first answer of their discovery document; always stopped at the end."""
import os
import signal
import socket
import subprocess
import time
import urllib.request

from harness.log import fail, log

# 127.0.0.1 only: no proxy, whatever the environment says
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(url):
    try:
        with LOCAL.open(url, timeout=2) as response:
            response.read()
            return True
    except Exception:  # refused, reset, timeout, an HTTP error: not ready
        return False


def _running(pid):
    """PID exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _children(pid):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":  # a java that exited for a relaunch is not the JVM
                found.append(int(entry))
    return found


def _comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return ""


class Server:
    """One server process. pid is its JVM (whose CPU and memory are measured); for a server started through a script
    (Keycloak's kc.sh, wrapped=True) the JVM is found among the script's children."""

    def __init__(self, name, process, port, folder, wrapped=False, token_path="/oauth2/token"):
        self.registry = []  # the run's list of running servers (track)
        self.name = name
        self.process = process
        self.port = port
        self.folder = folder
        self.wrapped = wrapped
        self.token_path = token_path
        self.pid = None if wrapped else process.pid

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def find_jvm(self):
        # the script's java child, or the script itself once it has exec'ed java (kc.sh does after its first start
        # has built the application: exit code 10, relaunch)
        if self.wrapped:
            wrapper = self.process.pid
            java = [p for p in _children(wrapper) if _comm(p) == "java"]
            self.pid = wrapper if _comm(wrapper) == "java" else (java[0] if java else None)

    def alive(self):
        if self.pid is None or self.pid == self.process.pid:
            return self.process.poll() is None
        return _running(self.pid)

    def rss_kb(self):
        with open(f"/proc/{self.pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))

    def cpu_ticks(self):
        """utime + stime, in clock ticks (fields 14 and 15 of /proc/<pid>/stat)."""
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    def stop(self):
        """TERM, up to 30 s to exit, then KILL: the JVM first, then the script around it."""
        for pid in dict.fromkeys(p for p in (self.pid, self.process.pid) if p):
            _terminate(pid, self.process if pid == self.process.pid else None)
        if self in self.registry:
            self.registry.remove(self)


def _terminate(pid, process):
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    gone = (lambda: process.poll() is not None) if process else (lambda: not _running(pid))
    for _ in range(300):
        if gone():
            return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    if process:
        process.wait()


# after a forced full collection (jcmd GC.run), how long the idle server is left before its RSS is read (the
# collector may hand back the heap it shrinks after the collection itself)
GC_SETTLE_S = 1.5


def rss_after_gc(bench, server):
    """An idle server's RSS (KiB) after a forced collection: jcmd PID GC.run (a full collection), then GC_SETTLE_S
    seconds of rest, then VmRSS."""
    jcmd = os.path.join(bench.jdk_bin, "jcmd")
    try:
        done = subprocess.run([jcmd, str(server.pid), "GC.run"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        done = None
    if not done or done.returncode != 0:
        fail(f"{jcmd} {server.pid} GC.run failed ({server.name})")
    time.sleep(GC_SETTLE_S)
    return server.rss_kb()


def wait_ready(bench, server, url, t0, label, limit, idle_gc=False):
    """Polls URL every 50 ms; records the time from T0 (ns) and the RSS then, unless LABEL is "-". IDLE_GC: then
    also the RSS after a forced collection (rss_after_gc), before any request but the discovery one."""
    deadline = time.time() + limit
    while not answers(url):
        server.find_jvm()
        if not server.alive():
            fail(f"{server.name} did not start: see {server.folder}/server.log")
        if time.time() >= deadline:
            fail(f"{server.name} not ready after {limit} s: see {server.folder}/server.log")
        time.sleep(0.05)
    ready_ms = (time.time_ns() - t0) // 1000000
    server.find_jvm()
    rss = server.rss_kb()
    row = {"server": server.name, "start": label, "ready_ms": ready_ms, "rss_kb": rss}
    idle = ""
    if idle_gc:
        row["idle_gc_rss_kb"] = rss_after_gc(bench, server)
        row["idle_gc_settle_ms"] = int(GC_SETTLE_S * 1000)
        idle = f"; idle, {GC_SETTLE_S} s after a forced GC: {row['idle_gc_rss_kb'] // 1024} MiB"
    if label != "-":
        bench.append_json("startup.jsonl", row)
    log(f"{server.name} {'start' if label == '-' else label}: ready after {ready_ms} ms, RSS {rss // 1024} MiB{idle} "
        f"(pid {server.pid}, port {server.port})")


def track(bench, server):
    """Registers SERVER with the run, which stops it at the end if nothing stopped it before."""
    server.registry = bench.running
    bench.running.append(server)
    return server


def start_server(bench, name, label, jar, folder, args=(), jvm_options=(), idle_gc=False, java=None):
    """Starts JAR in FOLDER and waits for its discovery document (at most 180 s); IDLE_GC: see wait_ready. The JVM
    keeps 256 frames per JFR stack sample, so that a profile sees whole Spring stacks (no cost unless recording).
    JAVA: another JVM than the servers' (the fast start on Java 25), without that JFR option: on Java 25 it turns the
    AOT cache off (a start of 14 s instead of 7)."""
    s = bench.settings
    jfr = [] if java else ["-XX:FlightRecorderOptions:stackdepth=256"]
    os.makedirs(folder, exist_ok=True)
    port = free_port()
    t0 = time.time_ns()
    with open(os.path.join(folder, "server.log"), "ab") as out:
        process = subprocess.Popen(
            [java or s.java, f"-Xmx{s.heap}", *jfr, *bench.server_jvm_options,
             *jvm_options, "-jar", jar, f"--server.port={port}", "--server.address=127.0.0.1", *args],
            cwd=folder, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = track(bench, Server(name, process, port, folder))
    wait_ready(bench, server, f"{server.url}/.well-known/openid-configuration", t0, label, 180, idle_gc)
    return server


def start_authforge(bench, label, folder, args=()):
    """AuthForge, with class-data sharing once the training has made its archive (the label then says so)."""
    if bench.cds:
        jar, archive = bench.cds
        if label != "-":
            label += ", with class-data sharing"
        return start_server(bench, "authforge", label, jar, folder, args,
                            [f"-XX:SharedArchiveFile={archive}", "-Xshare:auto"])
    return start_server(bench, "authforge", label, bench.authforge_jar, folder, args)
