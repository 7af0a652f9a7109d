"""Build the static site of a generated vault with the previous release and the new code.

    python benchmarks/bench_site.py                  # a 10,000-note vault
    python benchmarks/bench_site.py --notes 2000     # a smaller one

Each build is `vaultkg export html VAULT -o OUT` in its own process (the previous release
through --peer-python, the new code through --python), timed from start to exit, with the
process's peak RSS (os.wait4). Then it reports, for each site: the largest HTML page, the total
size, the number of files and HTML pages; and the ratios new / previous.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PREVIOUS = "/work/venvs/prev/bin/python"
RUN_CLI = "import sys; from vaultkg.cli import main; sys.argv[0] = 'vaultkg'; main()"
# the graph page's data and layout alone, with the new code (after reading the vault)
TIME_LAYOUT = """
import sys, time
import vaultkg
from vaultkg.export.site.context import SiteContext
from vaultkg.export.site.graphdata import graph_data
from vaultkg.export.site.links import note_edges
from vaultkg.privacy import public_graph
ctx = SiteContext.of(public_graph(vaultkg.load(sys.argv[1])))
edges = note_edges(ctx)
start = time.perf_counter()
data = graph_data(ctx, edges)
print(f"graph data and layout: {time.perf_counter() - start:.2f} s for "
      f"{len(data['nodes'])} nodes, {len(data['edges'])} edges ({data['shown']} shown first)")
"""


@dataclass
class Build:
    name: str
    seconds: float
    peak_mb: float
    largest: tuple[int, str]  # bytes, page
    total: int  # bytes
    files: int
    pages: int


def build(name: str, python: str, vault: Path, out: Path) -> Build:
    """One `vaultkg export html` in a fresh process, timed, with its own peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [python, "-c", RUN_CLI, "export", "html", str(vault), "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        sys.exit(f"{name}: export html failed:\n{err}")
    files = [p for p in out.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html"]
    largest = max((p.stat().st_size, p.relative_to(out).as_posix()) for p in html)
    return Build(
        name=name,
        seconds=seconds,
        peak_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        largest=largest,
        total=sum(p.stat().st_size for p in files),
        files=len(files),
        pages=len(html),
    )


def report(builds: list[Build]) -> None:
    print(
        f"{'build':<10} {'time s':>8} {'peak MB':>8} {'largest HTML':>14} {'total MB':>9} "
        f"{'files':>7} {'pages':>7}  largest page"
    )
    for b in builds:
        print(
            f"{b.name:<10} {b.seconds:>8.1f} {b.peak_mb:>8.0f} {b.largest[0] / 1e6:>11.2f} MB "
            f"{b.total / 1e6:>9.1f} {b.files:>7} {b.pages:>7}  {b.largest[1]}"
        )
    if len(builds) == 2:
        old, new = builds
        print(
            "new / previous: "
            f"time {new.seconds / old.seconds:.2f}x, peak RSS {new.peak_mb / old.peak_mb:.2f}x, "
            f"largest HTML {new.largest[0] / old.largest[0]:.3f}x, "
            f"total size {new.total / old.total:.2f}x, files {new.files / old.files:.2f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--python", default=sys.executable, help="runs the new code")
    parser.add_argument(
        "--peer-python", default=PREVIOUS, help="runs the previous release (v0.1.0)"
    )
    parser.add_argument("--skip-peer", action="store_true", help="build with the new code only")
    parser.add_argument("--workdir", type=Path, help="keep the vault and sites here")
    parser.add_argument(
        "--layout", action="store_true", help="also time the graph data and layout alone"
    )
    parser.add_argument("--layout-only", action="store_true", help="time only that")
    args = parser.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-site-"))
    try:
        run(args, work)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    vault = work / f"vault-{args.notes}"
    if not vault.exists():
        gen = ROOT / "benchmarks" / "generate_vault.py"
        cmd = [sys.executable, str(gen), str(vault), "--notes", str(args.notes)]
        subprocess.run([*cmd, "--seed", str(args.seed)], check=True)
    print(f"vault: {vault} ({args.notes} notes); cores: {os.cpu_count()}")
    if not args.layout_only:
        runs = [] if args.skip_peer else [("previous", args.peer_python)]
        runs.append(("new", args.python))
        builds = []
        for name, python in runs:
            out = work / f"site-{name}"
            shutil.rmtree(out, ignore_errors=True)
            builds.append(build(name, python, vault, out))
        report(builds)
    if args.layout or args.layout_only:
        subprocess.run([args.python, "-c", TIME_LAYOUT, str(vault)], check=True)


if __name__ == "__main__":
    main()
