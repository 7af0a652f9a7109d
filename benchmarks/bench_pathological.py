"""One note must not stop everything: time the three cases of issue 15.

    python benchmarks/bench_pathological.py [--real /work/realvaults/Natetgmaxwell+ntgm]

1. ``vaultkg check`` on a vault holding one 2 MB note that is a single paragraph (≤ 2 s);
2. ``vaultkg export json`` on a vault whose one note holds 200,000 links (≤ 10 s);
3. ``vaultkg link`` (dry run) on a copy of a real vault of about 2,600 notes, with an entity
   note added for each of its 300 most frequent words so the linker has work (≤ 60 s).

Each command runs in a fresh process; the figure is its wall-clock time, interpreter
start-up included, and the command's user+system CPU time (the machine may be shared, so
CPU time says more about the work). Everything is built in a temporary folder and removed;
the real vault is copied, never changed, and nothing of it is ever committed.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from check_linker_safety import add_entities

_TEXT = "the receptor binds caffeine and dopamine while serotonin levels rise in the cortex"
WORDS = (*_TEXT.split(), "after", "each", "dose", "e.g.", "in", "rats", "with", "a", "slow")


def one_paragraph(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        word = rng.choice(WORDS)
        if out and out[-1].endswith(".") and out[-1] != "e.g.":
            word = word.capitalize()
        if rng.random() < 0.06:
            word += "."
        out.append(word)
        total += len(word) + 1
    return " ".join(out) + "\n"


def timed(args: list[str]) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed: {proc.stderr[-2000:]}")
    lines = proc.stdout.strip().splitlines() or [""]
    # the linker's summary line ("N link(s) proposed in ..."), else the last line
    last = next((x for x in lines if "link(s) proposed" in x), lines[-1])
    return wall, cpu, last


def report(name: str, limit: float, wall: float, cpu: float, last: str) -> bool:
    ok = wall <= limit
    print(
        f"{name}: {wall:.1f} s wall, {cpu:.1f} s CPU (limit {limit:g} s) {'ok' if ok else 'SLOW'}"
    )
    print(f"    {last[:150]}")
    return ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--vaultkg", default=shutil.which("vaultkg") or "vaultkg")
    ap.add_argument("--real", type=Path, default=Path("/work/realvaults/Natetgmaxwell+ntgm"))
    ap.add_argument("--entities", type=int, default=300)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-patho-"))
    results = []
    try:
        big = work / "big"
        big.mkdir()
        (big / "One paragraph.md").write_text(one_paragraph(2_000_000), "utf-8")
        results.append(
            report("2 MB one-paragraph note, check", 2, *timed([args.vaultkg, "check", str(big)]))
        )

        links = work / "links"
        (links / "Targets").mkdir(parents=True)
        for i in range(500):
            (links / "Targets" / f"N{i}.md").write_text(f"Target {i}.\n", "utf-8")
        line = " ".join(f"[[N{i % 500}]]" for i in range(200_000))
        (links / "Many links.md").write_text(line + "\n", "utf-8")
        out = work / "out" / "graph.json"
        results.append(
            report(
                "200,000-link note, export json",
                10,
                *timed([args.vaultkg, "export", "json", str(links), "-o", str(out)]),
            )
        )

        if args.real.is_dir():
            real = work / "real"
            shutil.copytree(args.real, real, symlinks=True)
            add_entities(real, args.entities)
            notes = sum(1 for _ in real.rglob("*.md"))
            results.append(
                report(
                    f"linker dry run, {notes} notes ({args.real.name})",
                    60,
                    *timed([args.vaultkg, "link", str(real), "--min-length", "4"]),
                )
            )
        else:
            print(f"{args.real}: not found; the linker figure is skipped")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
