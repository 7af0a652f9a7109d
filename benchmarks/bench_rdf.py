"""Time `write_rdf` (all four formats) for the previous release and this code, side by side.

    python benchmarks/bench_rdf.py                     # 1,000 and 10,000 generated notes
    python benchmarks/bench_rdf.py --notes 2000        # one size
    python benchmarks/bench_rdf.py --peer-python /path/to/other/venv/bin/python

Each vault is generated with the claim density of a real pharmacology vault (every study note
states at least five claims and three drug-target relations, most of them cited). Each tool
runs in its own subprocess: it reads the vault (not timed as the export), then writes
Turtle, JSON-LD, N-Triples and TriG with ``write_rdf``. The child reports its own peak RSS
(``ru_maxrss``) after reading and at the end; the ratio is the previous release's export time
over this code's. One run per tool and size (a 10,000-note export takes minutes).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

PEER = "/work/venvs/prev/bin/python"
ACTIONS = ["agonist at", "antagonist at", "partial agonist at", "inhibitor of", "blocker of"]
SOURCE_TYPES = ["cohort", "narrative review", "meta-analysis", "website", "textbook"]

# Runs inside each tool's interpreter: only the API both releases share.
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
import vaultkg
from vaultkg.export.rdf import FORMATS, write_rdf

t0 = time.perf_counter()
kg = vaultkg.load(sys.argv[1])
t1 = time.perf_counter()
rss_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
paths = write_rdf(kg, Path(sys.argv[2]), list(FORMATS))
t2 = time.perf_counter()
print(json.dumps({
    "version": vaultkg.__version__,
    "notes": len(kg.vault.notes), "claims": len(kg.claims), "relations": len(kg.relations),
    "load": t1 - t0, "export": t2 - t1,
    "rss_load_mb": rss_load / 1024,
    "rss_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "bytes": {p.name: p.stat().st_size for p in paths},
}))
"""


def generate_vault(root: Path, notes: int, seed: int = 1) -> Path:
    """Drugs, targets and sources (a tenth each), the rest study notes citing them: eight
    sentences each, six of them a drug acting on a target, four of those with a citation."""
    rnd = random.Random(seed)
    n_drug = n_target = n_source = max(2, notes // 10)
    for folder in ("Drugs", "Targets", "Sources", "Notes"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "vaultkg.toml").write_text('base_iri = "https://example.org/bench/"\n')
    for i in range(n_target):
        kind = "transporter" if i % 5 == 0 else "receptor"
        text = f"---\ntype: {kind}\naliases: [T{i}]\nuniprot: P{10000 + i}\n---\n"
        (root / "Targets" / f"Target {i} receptor.md").write_text(text)
    for i in range(n_source):
        st = SOURCE_TYPES[i % len(SOURCE_TYPES)]
        text = (
            f"---\ntype: source\nsource_type: {st}\ntitle: Study number {i}\n"
            f"authors: [Author A, Author B]\nyear: {1980 + i % 40}\ndoi: 10.1000/bench.{i}\n"
            f"citekey: src{i}\n---\n"
        )
        (root / "Sources" / f"Source {i}.md").write_text(text)
    for i in range(n_drug):
        t = rnd.randrange(n_target)
        text = (
            f"---\ntype: drug\naliases: [D{i}]\nchebi: {20000 + i}\n---\n"
            f"Drug {i} is an antagonist at [[Target {t} receptor]]"
            f" [@src{rnd.randrange(n_source)}].\n"
        )
        (root / "Drugs" / f"Drug {i}.md").write_text(text)
    for i in range(notes - n_drug - n_target - n_source):
        lines = [f"# Note {i}", ""]
        for k in range(6):
            d, t, s = rnd.randrange(n_drug), rnd.randrange(n_target), rnd.randrange(n_source)
            cite = f" [@src{s}]" if k < 4 else ""
            action = ACTIONS[(i + k) % len(ACTIONS)]
            lines += [f"[[Drug {d}]] is an {action} [[Target {t} receptor]]{cite}.", ""]
        d, t = rnd.randrange(n_drug), rnd.randrange(n_target)
        lines += [f"Chronic use of [[Drug {d}]] may downregulate [[Target {t} receptor]].", ""]
        lines += [f"See also [[Note {(i + 1) % 100}]]."]
        (root / "Notes" / f"Note {i}.md").write_text("\n".join(lines) + "\n")
    return root


def run(python: str, vault: Path, out: Path) -> dict[str, object]:
    proc = subprocess.run(
        [python, "-c", CHILD, str(vault), str(out)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"{python} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def bench(notes: int, tools: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        vault = generate_vault(Path(tmp) / "vault", notes)
        results = [(label, run(py, vault, Path(tmp) / label)) for label, py in tools]
    first = results[0][1]
    print(
        f"\n## generated vault: {first['notes']:,} notes, {first['claims']:,} claims, "
        f"{first['relations']:,} relations"
    )
    print(
        f"{'tool':<22} {'read vault':>10} {'write_rdf':>10} {'RSS read':>9} {'peak RSS':>9}"
        f" {'bytes written':>14}"
    )
    for label, r in results:
        size = sum(r["bytes"].values())  # type: ignore[union-attr]
        print(
            f"{label + ' ' + str(r['version']):<22} {r['load']:>8.2f} s {r['export']:>8.2f} s"
            f" {r['rss_load_mb']:>6.0f} MB {r['rss_peak_mb']:>6.0f} MB {size:>14,}"
        )
    (_, old), (_, new) = results[0], results[-1]
    print(
        f"export time ratio (previous / new): {old['export'] / new['export']:.1f}x; "  # type: ignore[operator]
        f"peak RSS {old['rss_peak_mb']:.0f} MB -> {new['rss_peak_mb']:.0f} MB"
    )
    print(
        f"read vault + write_rdf ratio: "
        f"{(old['load'] + old['export']) / (new['load'] + new['export']):.1f}x"  # type: ignore[operator]
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--notes", type=int, nargs="+", default=[1_000, 10_000])
    ap.add_argument("--peer-python", default=PEER, help="the previous release's interpreter")
    ap.add_argument("--python", default=sys.executable, help="this code's interpreter")
    args = ap.parse_args()
    for n in args.notes:
        bench(n, [("previous", args.peer_python), ("new", args.python)])


if __name__ == "__main__":
    main()
