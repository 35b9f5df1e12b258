"""Helpers shared by the benchmark scripts: where the release binary is,
free ports, waiting for a server, memory readings and wrk runs."""
import hashlib
import os
import re
import signal
import socket
import subprocess
import time
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
