"""Time `vaultkg export rdf` and report file sizes, for vault/ and a 10,000-note synthetic vault.

    python benchmarks/bench_rdf.py              # vault/ and a generated 10,000-note vault
    python benchmarks/bench_rdf.py --notes 2000 # a smaller synthetic vault

Each figure is the best of --repeat runs. As a peer measured in the same run, rdflib's own
serializers (Turtle, N-Triples, JSON-LD) and pyoxigraph's (Turtle, N-Triples, TriG) write the
same triples; the ratio is their time over ours.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ACTIONS = ["agonist_of", "antagonist_of", "partial_agonist_of", "inhibitor_of", "downregulates"]
SOURCE_TYPES = ["cohort", "narrative review", "meta-analysis", "website", "textbook"]


def generate_vault(root: Path, notes: int, seed: int = 1) -> Path:
    """Drugs, targets and sources (a tenth each), the rest study notes citing them."""
    gen = ROOT / "benchmarks" / "generate_vault.py"
    if gen.exists():  # the project's shared generator, when it is there
        import subprocess

        subprocess.run([sys.executable, str(gen), str(root), "--notes", str(notes)], check=True)
        return root
    rnd = random.Random(seed)
    n_drug = n_target = n_source = notes // 10
    (root / "Drugs").mkdir(parents=True)
    (root / "Targets").mkdir()
    (root / "Sources").mkdir()
    (root / "Notes").mkdir()
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
        targets = rnd.sample(range(n_target), 2)
        action = ACTIONS[i % len(ACTIONS)]
        links = ", ".join(f"[[Target {t} receptor]]" for t in targets)
        text = (
            f"---\ntype: drug\naliases: [D{i}]\nchebi: {20000 + i}\n---\n"
            f"{action}:: {links} [@src{rnd.randrange(n_source)}]\n\n"
            f"Drug {i} is a drug studied for its effects on [[Target {targets[0]} receptor]].\n"
        )
        (root / "Drugs" / f"Drug {i}.md").write_text(text)
    for i in range(notes - n_drug - n_target - n_source):
        d, t, s = rnd.randrange(n_drug), rnd.randrange(n_target), rnd.randrange(n_source)
        text = (
            f"# Note {i}\n\n[[Drug {d}]] is an antagonist at [[Target {t} receptor]] "
            f"[@src{s}].\n\nChronic use of [[Drug {d}]] may downregulate "
            f"[[Target {t} receptor]].\n\nSee also [[Note {(i + 1) % 100}]].\n"
        )
        (root / "Notes" / f"Note {i}.md").write_text(text)
    return root


def best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def bench(vault: Path, label: str, repeat: int) -> None:
    import pyoxigraph as ox

    import vaultkg
    from vaultkg.export.rdf import FILE_NAMES, FORMATS, build_rdf, serialize
    from vaultkg.export.rdf.iris import Minter

    t_load, kg = best(lambda: vaultkg.load(str(vault)), 1)
    base = Minter.for_base(kg.vault.config.base_iri).base
    t_build, data = best(lambda: build_rdf(kg, nanopubs=True), repeat)
    print(
        f"\n## {label}: {len(kg.vault.notes):,} notes, {len(kg.claims):,} claims, "
        f"{len(data.triples):,} triples, {data.quad_count():,} quads with nanopublications"
    )
    print(f"read vault + build knowledge graph: {t_load:.2f} s (not part of the export)")
    print(f"build RDF triples: {t_build:.2f} s")
    graph = data.graph()
    store = ox.Store()
    store.bulk_extend(
        ox.Quad(_ox(s), _ox(p), _ox(o), ox.DefaultGraph()) for s, p, o in data.triples
    )
    peers = {
        "turtle": [
            ("rdflib", lambda: graph.serialize(format="turtle")),
            (
                "pyoxigraph",
                lambda: store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()),
            ),
        ],
        "n-triples": [
            ("rdflib", lambda: graph.serialize(format="nt")),
            (
                "pyoxigraph",
                lambda: store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()),
            ),
        ],
        "json-ld": [("rdflib", lambda: graph.serialize(format="json-ld"))],
        "trig": [],
    }
    print(f"{'format':<10} {'file':<13} {'size':>12} {'vaultkg':>9}  peers (their time / ours)")
    for fmt in FORMATS:
        t, text = best(lambda fmt=fmt: serialize(data, fmt, base), repeat)
        size = len(text.encode("utf-8"))
        cells = []
        for name, fn in peers[fmt]:
            tp, _ = best(fn, repeat)
            cells.append(f"{name} {tp:.2f} s ({tp / t:.1f}x)")
        print(f"{fmt:<10} {FILE_NAMES[fmt]:<13} {size:>12,} {t:>7.2f} s  {'; '.join(cells)}")
    with tempfile.TemporaryDirectory() as tmp:
        from vaultkg.export.rdf import write_rdf

        t_all, _ = best(lambda: write_rdf(kg, Path(tmp), list(FORMATS)), repeat)
    print(f"write_rdf, all four formats (build + serialize + write): {t_all:.2f} s")


def _ox(term):  # type: ignore[no-untyped-def]
    import pyoxigraph as ox
    from rdflib import Literal

    if isinstance(term, Literal):
        dt = term.datatype
        return ox.Literal(str(term), datatype=ox.NamedNode(str(dt)) if dt else None)
    return ox.NamedNode(str(term))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--notes", type=int, default=10_000, help="notes in the synthetic vault")
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure; the best is kept")
    args = ap.parse_args()
    bench(ROOT / "vault", "vault/", args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        vault = generate_vault(Path(tmp) / "vault", args.notes)
        bench(vault, f"synthetic vault ({args.notes:,} notes)", args.repeat)


if __name__ == "__main__":
    main()
