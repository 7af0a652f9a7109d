"""The engine, previous release against this code in one run: publish (cold, warm, after one
edit), a second ``query relations``, ``check``, and ``serve``'s time from a note written to
the page reloading.

    python benchmarks/bench_engine.py --notes 10000            # a dense generated vault
    python benchmarks/bench_engine.py --vault ~/Notes --steps query,check
    python benchmarks/bench_engine.py --notes 2000 --peer-python /work/venvs/prev/bin/python

Each command runs in its own subprocess: the previous release with ``--peer-python``
(default /work/venvs/prev/bin/python), this code with the Python running this script. Time is
wall-clock; peak RSS is the child's ``ru_maxrss`` from ``os.wait4`` (the largest of the
command and the worker processes it waited for, not their sum). This code gets an empty
cache folder of its own at the start (VAULTKG_CACHE_DIR), so the first publish is cold.
The ratio is the previous release's time over this code's.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = "import sys; from vaultkg.cli import main; sys.argv[0] = 'vaultkg'; main()"
STEPS = ("publish", "query", "check", "serve")


@dataclass
class Run:
    seconds: float
    rss_mb: float
    code: int
    out: str


def run(python: str, args: list[str], env: dict[str, str]) -> Run:
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen([python, "-c", CLI, *args], stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = out.read() + err.read()
    if proc.returncode not in (0, 1):
        sys.exit(f"{python} {' '.join(args)} failed ({proc.returncode}):\n{text[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, text)


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, Run | None, Run]] = []

    def add(self, step: str, prev: Run | None, new: Run) -> None:
        self.rows.append((step, prev, new))
        prev_s = f"{prev.seconds:8.2f} s {prev.rss_mb:7.0f} MB" if prev else " " * 19
        ratio = f"{prev.seconds / new.seconds:7.1f}x" if prev else ""
        print(f"{step:28} {prev_s}  {new.seconds:8.2f} s {new.rss_mb:7.0f} MB {ratio}", flush=True)


def edit_one(vault: Path) -> Path:
    """Change one sentence of the first note (a real edit: a new claim)."""
    note = min(vault.rglob("*.md"))
    text = note.read_text("utf-8")
    note.write_text(text + f"\nThis note was edited at {time.time():.0f}.\n", "utf-8")
    return note


def serve_latency(vault: Path, env: dict[str, str], out: Path) -> tuple[float, float]:
    """Seconds from writing a note to the first reload event (the edited page) and to the
    second (the whole site rebuilt)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CLI, "serve", str(vault), "--port", "0", "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        found = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if not found:
            sys.exit(f"serve did not start: {line}{proc.stderr.read() if proc.stderr else ''}")
        stream = urllib.request.urlopen(found.group(1) + "__vaultkg/events", timeout=600)
        stream.readline()
        stream.readline()
        times: list[float] = []

        def read() -> None:
            for raw in stream:
                if raw.startswith(b"data:"):
                    times.append(time.perf_counter())
                    if len(times) == 2:
                        return

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        time.sleep(1.0)
        written = time.perf_counter()
        edit_one(vault)
        reader.join(timeout=600)
        return tuple(t - written for t in times[:2]) + (float("nan"),) * (2 - len(times))  # type: ignore[return-value]
    finally:
        proc.send_signal(2)
        proc.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--vault", type=Path, help="an existing vault (read only)")
    parser.add_argument("--peer-python", default="/work/venvs/prev/bin/python")
    parser.add_argument("--steps", default=",".join(STEPS))
    parser.add_argument("--work", type=Path, help="folder for the vault copy and exports")
    args = parser.parse_args()
    steps = set(args.steps.split(","))
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-engine-"))
    work.mkdir(parents=True, exist_ok=True)
    vault = work / "vault"
    if args.vault:
        if vault.exists():
            shutil.rmtree(vault)
        shutil.copytree(args.vault, vault)  # edits go to the copy, never to the vault
        label = f"{args.vault} (a copy)"
    else:
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks/generate_vault.py"), str(vault), "--notes",
             str(args.notes), "--dense"],
            check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        label = f"{args.notes} generated notes (--dense)"
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    env = {**os.environ, "VAULTKG_CACHE_DIR": str(cache)}
    env.pop("VAULTKG_NO_CACHE", None)
    prev_v = subprocess.run(
        [args.peer_python, "-c", "import vaultkg; print(vaultkg.__version__)"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    print(f"vault: {label}; previous release: {args.peer_python} (vaultkg {prev_v})")
    print(f"{'step':28} {'previous release':>19}  {'this code':>19} {'ratio':>7}")
    table = Table()
    p, n = args.peer_python, sys.executable
    if "publish" in steps:
        prev = run(p, ["publish", str(vault), "-o", str(work / "prev-out"), "-q"], env)
        new = run(n, ["publish", str(vault), "-o", str(work / "new-out"), "-q"], env)
        table.add("publish, cold", prev, new)
        stats = next((ln for ln in new.out.splitlines() if ln.startswith("Claims:")), "")
        stats += " | " + next((ln for ln in new.out.splitlines() if ln.startswith("Rel")), "")
        prev = run(p, ["publish", str(vault), "-o", str(work / "prev-out"), "-q"], env)
        new = run(n, ["publish", str(vault), "-o", str(work / "new-out"), "-q"], env)
        table.add("publish, warm (unchanged)", prev, new)
        edit_one(vault)
        prev = run(p, ["publish", str(vault), "-o", str(work / "prev-out"), "-q"], env)
        edit_one(vault)
        new = run(n, ["publish", str(vault), "-o", str(work / "new-out"), "-q"], env)
        table.add("publish, one note edited", prev, new)
        print(f"  this code's graph: {stats}")
    if "query" in steps:
        for python in (p, n):
            run(python, ["query", "relations", str(vault), "--format", "json"], env)
        prev = run(p, ["query", "relations", str(vault), "--format", "json"], env)
        new = run(n, ["query", "relations", str(vault), "--format", "json"], env)
        same = json.loads(prev.out) == json.loads(new.out)
        table.add("query relations, 2nd run", prev, new)
        print(f"  same relations from both: {same} ({len(json.loads(new.out))} relations)")
    if "check" in steps:
        prev = run(p, ["check", str(vault)], env)
        new = run(n, ["check", str(vault)], env)
        table.add("check (cache warm)", prev, new)
    if "serve" in steps:
        page, site = serve_latency(vault, env, work / "serve-out")
        print(f"serve: note written -> edited page reloaded {page:.2f} s; "
              f"-> whole site rebuilt and reloaded {site:.2f} s")  # fmt: skip
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
