"""Time a full scan + parse + resolve of a synthetic vault: vaultkg against obsidiantools.

Both tools run in fresh processes on the same generated vault, in the same run, and each
times only its own work (interpreter start-up and imports excluded):

- vaultkg: ``vaultkg.vault.read_vault(root)`` (scan, parse every note in a process pool,
  resolve every link, check anchors, embed cycles and block ids);
- obsidiantools: ``Vault(root).connect().gather()`` (its link graph, front matter and text),
  run by the Python of a separate virtual environment, never a vaultkg dependency:

      python -m venv /tmp/bench-venv && /tmp/bench-venv/bin/pip install obsidiantools

    python benchmarks/bench_parse.py --notes 1000 10000 [--peer-python /tmp/bench-venv/bin/python]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generate_vault import generate

VAULTKG_RUN = """
import json, sys, time
from vaultkg.vault import read_vault
start = time.perf_counter()
vault = read_vault(sys.argv[1], jobs=int(sys.argv[2]) or None)
seconds = time.perf_counter() - start
links = sum(len(n.links) for n in vault.notes.values())
print(json.dumps({"seconds": seconds, "notes": len(vault.notes), "links": links}))
"""

PEER_RUN = """
import json, sys, time
from pathlib import Path
import obsidiantools.api as otools
start = time.perf_counter()
vault = otools.Vault(Path(sys.argv[1])).connect().gather()
seconds = time.perf_counter() - start
links = sum(len(v) for v in vault.wikilinks_index.values())
print(json.dumps({"seconds": seconds, "notes": len(vault.md_file_index), "links": links}))
"""


@dataclass(frozen=True, slots=True)
class Timing:
    seconds: float
    notes: int
    links: int


def run(python: str, script: str, *args: str) -> Timing:
    proc = subprocess.run(
        [python, "-c", script, *args], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        sys.exit(f"benchmark run failed ({python}):\n{proc.stderr}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    return Timing(data["seconds"], data["notes"], data["links"])


def best_of(repeat: int, python: str, script: str, *args: str) -> Timing:
    timings = [run(python, script, *args) for _ in range(repeat)]
    return min(timings, key=lambda t: t.seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/vaultkg-bench"))
    parser.add_argument("--peer-python", default="/tmp/bench-venv/bin/python")
    parser.add_argument("--jobs", type=int, default=0, help="vaultkg workers (0: all cores)")
    parser.add_argument("--repeat", type=int, default=1, help="report the best of N runs")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not Path(args.peer_python).exists():
        sys.exit(f"{args.peer_python}: not found; create the peer venv as the docstring shows")

    print(f"cores: {os.cpu_count()}, vaultkg jobs: {args.jobs or 'all'}, best of {args.repeat}")
    header = f"{'N':>6}  {'links':>7}  {'vaultkg s':>10}  {'obsidiantools s':>16}  {'ratio':>6}"
    print(header)
    print("-" * len(header))
    for n in args.notes:
        root = args.workdir / f"vault-{n}"
        generate(root, n, args.seed)
        ours = best_of(args.repeat, sys.executable, VAULTKG_RUN, str(root), str(args.jobs))
        peer = best_of(args.repeat, args.peer_python, PEER_RUN, str(root))
        if ours.notes != n or peer.notes != n:
            sys.exit(f"note counts differ: vaultkg {ours.notes}, obsidiantools {peer.notes}")
        ratio = peer.seconds / ours.seconds
        print(
            f"{n:>6}  {ours.links:>7}  {ours.seconds:>10.2f}  {peer.seconds:>16.2f}  "
            f"{ratio:>5.1f}x",
            flush=True,
        )


if __name__ == "__main__":
    main()
