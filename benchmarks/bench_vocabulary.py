"""Time loading the built-in vocabulary in a fresh process, against importing the drug-NER package.

    python benchmarks/bench_vocabulary.py             # 7 fresh processes each
    python benchmarks/bench_vocabulary.py --repeat 15
    python benchmarks/bench_vocabulary.py --vaults /work/realvaults/*/   # coverage too

Each run is a new interpreter, so nothing is cached in memory between runs (the operating
system's file cache is warm after the first). ``vaultkg`` is the import of
``vaultkg.kg.vocabulary`` plus ``builtin()``; ``builtin()`` alone is also shown. As a peer
measured in the same run, ``drug-NER`` is ``import drug_named_entity_recognition`` (it unpickles
its dictionary at import), from the ``vocab`` extra; it is skipped when not installed. The
ratio is its median over ours. The target is a load of at most 0.2 s.

``--vaults`` also counts, per vault, the notes whose file name names a vocabulary term
(a trailing plural "s" dropped as a second try), by the term's type: what the vocabulary
recognises in a vault with no configuration.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import statistics
import subprocess
import sys
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

OURS = """
import time
t0 = time.perf_counter()
from vaultkg.kg.vocabulary import builtin
t1 = time.perf_counter()
v = builtin()
t2 = time.perf_counter()
assert len(v) > 0
print(t2 - t0, t2 - t1)
"""

PEER = """
import time
t0 = time.perf_counter()
import drug_named_entity_recognition
t1 = time.perf_counter()
print(t1 - t0, t1 - t0)
"""


def timed(code: str, repeat: int) -> tuple[list[float], list[float]]:
    total, inner = [], []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout.split()
        total.append(float(out[-2]))
        inner.append(float(out[-1]))
    return total, inner


def row(name: str, times: list[float]) -> str:
    return f"{name:<22}{min(times):>8.3f}{statistics.median(times):>10.3f}{max(times):>8.3f}"


def coverage(vaults: list[str]) -> None:
    from vaultkg.kg.vocabulary import builtin

    vocab = builtin()
    print(f"\n{'vault':<34}{'notes':>7}{'named':>7}  by type")
    for vault in vaults:
        notes = sorted(Path(vault).rglob("*.md"))
        by_type: collections.Counter[str] = collections.Counter()
        for note in notes:
            forms = [note.stem] + ([note.stem[:-1]] if note.stem.endswith("s") else [])
            terms = [t for form in forms for t in vocab.lookup(form)]
            if terms:
                by_type[terms[0].type] += 1
        kinds = ", ".join(f"{k} {n}" for k, n in by_type.most_common())
        name = Path(vault).name
        print(f"{name:<34}{len(notes):>7}{sum(by_type.values()):>7}  {kinds}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--vaults", nargs="*", default=[], help="vault folders to measure")
    args = parser.parse_args()

    data = resources.files("vaultkg").joinpath("data/vocabulary.json.gz").read_bytes()
    raw = json.loads(gzip.decompress(data))
    names = sum(1 + len(t.get("names", ())) + len(t.get("context_names", ())) for t in raw["terms"])
    print(
        f"vocabulary {raw['version']}: {len(raw['terms'])} terms, {names} names, "
        f"{len(data) / 1024:.0f} KB gz"
    )
    print(f"{'fresh process, s':<22}{'best':>8}{'median':>10}{'worst':>8}")
    print("-" * 48)
    ours, load_only = timed(OURS, args.repeat)
    print(row("vaultkg import+load", ours))
    print(row("vaultkg builtin()", load_only))
    if find_spec("drug_named_entity_recognition") is None:
        print("drug-NER: not installed (pip install -e '.[vocab]')")
    else:
        peer, _ = timed(PEER, args.repeat)
        print(row("drug-NER import", peer))
        ratio = statistics.median(peer) / statistics.median(ours)
        print(f"\nratio drug-NER / vaultkg (medians): {ratio:.1f}x")
    verdict = "met" if statistics.median(ours) <= 0.2 else "NOT met"
    print(f"target <= 0.2 s (median import+load): {verdict}")
    if args.vaults:
        coverage(args.vaults)


if __name__ == "__main__":
    main()
