"""The run's log on stderr ("[bench +12s] ..."), and the one way a run fails (exit 2)."""
import sys
import time

STARTED = int(time.time())


class Failure(Exception):
    """A step failed: the run stops, every server it started is stopped, and it exits 2."""


class Interrupted(BaseException):
    """SIGINT or SIGTERM: the run stops its servers and exits 130. A BaseException, as KeyboardInterrupt, so that no
    "except Exception" (a server not answering yet) swallows it."""


def elapsed():
    return int(time.time()) - STARTED


def log(message):
    print(f"[bench +{elapsed()}s] {message}", file=sys.stderr, flush=True)


def fail(message):
    raise Failure(message)
