"""Helpers shared by the benchmark scripts: where the release binary is,
free ports, waiting for a server, memory readings and wrk runs."""
import hashlib
import os
import re
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The same per-checkout target directory as the other scripts.
_checkout = hashlib.sha256((os.path.realpath(ROOT) + "\n").encode()).hexdigest()[:12]
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.expanduser(f"~/.cache/cohesion-target/{_checkout}"))
COHESION = os.path.join(TARGET, "release", "cohesion")
BARE = os.path.join(TARGET, "release", "examples", "bare_static")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ok(url, deadline=10.0, interval=0.002):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return r.read()
        except OSError:
            time.sleep(interval)
    raise RuntimeError(f"{url} did not answer within {deadline} s")


def rss_kib(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} for {pid}")


def start_cohesion(workdir, port):
    env = {k: v for k, v in os.environ.items() if not k.startswith("COHESION_")}
    return subprocess.Popen(
        [COHESION, "serve", "--bind", f"127.0.0.1:{port}"],
        cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def wrk(url, seconds):
    out = subprocess.run(
        ["wrk", "-t2", "-c64", f"-d{seconds}s", "--latency", url],
        check=True, capture_output=True, text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{errors.group(1)} failed responses from {url}")
    return rps, float(p99.group(1)) * scale


def latency_ms(out, pct):
    """wrk's `pct`th percentile latency (from --latency output), in ms."""
    m = re.search(rf"\b{pct}%\s+([\d.]+)(us|ms|s)\b", out)
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]


def wrk_latency(url, connections, threads, seconds, cookie=None):
    """wrk against `url` (as the session `cookie`, if given): median and
    99th percentile latency (ms) and requests per second; any failed
    request is an error."""
    signed_in = ["-H", f"Cookie: cohesion_session={cookie}"] if cookie else []
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", *signed_in,
                          url], check=True, capture_output=True, text=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors or "Socket errors" in out:
        raise RuntimeError(f"failed requests from {url}:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return {"p50": latency_ms(out, 50), "p99": latency_ms(out, 99), "rps": rps}


class Engine:
    """A fresh database for one run: a SQLite file or a PostgreSQL schema
    (named after `prefix`, dropped afterwards)."""

    def __init__(self, prefix, work, pg_base=None, run=0):
        self.pg_base = pg_base
        if pg_base:
            self.schema = f"{prefix}_{os.getpid()}_{run}"
            self.psql(f"CREATE SCHEMA {self.schema}")
            sep = "&" if "?" in pg_base else "?"
            self.url = f"{pg_base}{sep}options=" + urllib.parse.quote(f"-c search_path={self.schema}")
        else:
            self.url = f"sqlite:{work}/bench.db"

    def psql(self, sql):
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", self.pg_base, "-c", sql], check=True,
                       capture_output=True)

    def drop(self):
        if self.pg_base:
            self.psql(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")
