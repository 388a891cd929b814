#!/usr/bin/env python3
"""How long the server's clean-up job (authorization/AuthorizationCleanup) took to purge the expired authorizations,
read from the server's log while it runs (bench/run.sh, BENCH_CLEANUP=1).

    python3 bench/cleanup_time.py SERVER_LOG OFFSET EXPECTED_ROWS TIMEOUT_SECONDS

The server runs with org.springframework.jdbc.core.JdbcTemplate at DEBUG, so each statement the job sends is logged
with its time: a run starts when it takes the job lock ("update job_lock set locked_until = ?, locked_by = ? ...")
and ends when it gives it back ("... locked_by = null ..."); at its end the job logs how many authorizations it
purged. Reads the log from byte OFFSET on (this start of the server only) until the purged authorizations add up to
EXPECTED_ROWS, or TIMEOUT_SECONDS pass. Prints one JSON line: the rows purged, the runs, the seconds the runs held
the lock (the job's own time, the pauses between runs left out), the delete statements, and whether it finished.
"""
import datetime
import json
import re
import sys
import time

STAMP = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+)")
PURGED = re.compile(r"Authorization clean-up: purged (\d+) authorizations")


def stamp(line):
    m = STAMP.match(line)
    return datetime.datetime.fromisoformat(m.group(1)) if m else None


def main():
    path, offset, expected, timeout = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    deadline = time.time() + timeout
    purged = runs = deletes = 0
    busy = 0.0
    started = None
    position = offset
    pending = ""
    while purged < expected and time.time() < deadline:
        with open(path, errors="replace") as f:
            f.seek(position)
            chunk = f.read()
            position = f.tell()
        lines = (pending + chunk).split("\n")
        pending = lines.pop()
        for line in lines:
            if "update job_lock set locked_until = ?, locked_by = ? where" in line:
                started = stamp(line)
            elif "locked_by = null" in line and started:
                ended = stamp(line)
                if ended:
                    busy += (ended - started).total_seconds()
                    runs += 1
                started = None
            elif "delete from oauth2_authorization where id in" in line:
                deletes += 1
            m = PURGED.search(line)
            if m:
                purged += int(m.group(1))
        if purged < expected:
            time.sleep(0.5)
    print(json.dumps({"expected": expected, "purged": purged, "runs": runs, "busy_s": round(busy, 2),
                      "deletes": deletes, "finished": purged >= expected}))


if __name__ == "__main__":
    main()
