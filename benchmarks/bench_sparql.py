"""Time every query in docs/queries/ on the old rdflib path and on the pyoxigraph store, in
the same run, on generated vaults of 1,000 and 2,400 notes (and any vault given).

    python benchmarks/bench_sparql.py                      # generated 1,000 and 2,400 notes
    python benchmarks/bench_sparql.py --notes 2400 --vault /path/to/a/real/vault

The vaults come from benchmarks/generate_vault.py, plus one typed note per drug and target it
names (so its sentences become drug → target relations) and a cited source per drug note.
The rdflib path holds the same quads in an rdflib Dataset (its default graph the union of
all graphs, as `vaultkg sparql` queries them) and runs `Dataset.query` on a prepared query;
it runs in a child process stopped after --rdflib-timeout seconds. The pyoxigraph path is
`vaultkg.store`: the export's quads in an in-memory Store, queried over the union graph.
Load time and query time are reported apart; pyoxigraph's query times are the best of
--repeat runs, rdflib's of one run (its slowest query takes minutes); both include reading
every row. Rows are compared between the two paths when both finish.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate_vault  # noqa: E402

QUERIES = ROOT / "docs" / "queries"
SOURCE_TYPES = ["randomised controlled trial", "cohort", "narrative review", "textbook"]


def make_vault(root: Path, notes: int) -> Path:
    """A generated vault, plus typed notes for the drugs and targets its sentences name."""
    generate_vault.generate(root, notes)
    targets = generate_vault.TARGETS
    for i, drug in enumerate(generate_vault.DRUGS):
        write(
            root / "Entities" / "Drugs" / f"{drug.capitalize()}.md",
            f"---\ntype: drug\n---\n# {drug.capitalize()}\n\n"
            f"{drug.capitalize()} blocks the {targets[i % len(targets)]}. "
            f"[[Source on {drug}]]\n",
        )
    for i, drug in enumerate(generate_vault.DRUGS):
        write(
            root / "Sources" / f"Source on {drug}.md",
            f"---\ntype: source\nsource_type: {SOURCE_TYPES[i % len(SOURCE_TYPES)]}\n"
            f"title: A study of {drug}\nyear: {1990 + i}\n---\n",
        )
    for target in generate_vault.TARGETS:
        kind = "transporter" if target.endswith("transporter") else "receptor"
        write(root / "Entities" / "Targets" / f"{target}.md", f"---\ntype: {kind}\n---\n")
    return root


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def shipped_queries() -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted(QUERIES.glob("*.rq"))}


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, value = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t)
    return min(times), value


# -- the two paths ------------------------------------------------------------------------


def rdflib_rows(graph: Any, text: str, prefixes: dict[str, str]) -> list[tuple[str, ...]]:
    """The query on rdflib, with the rows read."""
    from rdflib.plugins.sparql import prepareQuery

    result = graph.query(prepareQuery(text, initNs=prefixes))
    if result.type == "ASK":
        return [(str(result.askAnswer).lower(),)]
    return [tuple("" if v is None else str(v) for v in row) for row in result]


def oxigraph_rows(store: Any, text: str, prefixes: dict[str, str]) -> list[tuple[str, ...]]:
    import pyoxigraph as ox

    from vaultkg.store import run_query

    result = run_query(store, text, prefixes)
    if isinstance(result, ox.QueryBoolean):
        return [(str(bool(result)).lower(),)]
    return [tuple("" if t is None else t.value for t in row) for row in result]


def _child(graph: Any, text: str, prefixes: dict[str, str], repeat: int, out: Any) -> None:
    try:
        out.send(("ok", *best(lambda: rdflib_rows(graph, text, prefixes), repeat)))
    except Exception as exc:  # the old path crashed on GRAPH queries: report, do not stop
        out.send(("error", 0.0, f"{type(exc).__name__}: {' '.join(str(exc).split())[:48]}…"))


def timed_rdflib(
    graph: Any, text: str, prefixes: dict[str, str], repeat: int, timeout: float
) -> tuple[str, float, Any]:
    """Run the old path in a forked child (it shares the loaded graph) and stop it on time."""
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(graph, text, prefixes, repeat, send))
    start = time.perf_counter()
    proc.start()
    if recv.poll(timeout):
        status, seconds, value = recv.recv()
        proc.join()
        return status, seconds, value
    proc.kill()
    proc.join()
    return "timeout", time.perf_counter() - start, None


# -- one vault ----------------------------------------------------------------------------


def bench(vault: Path, label: str, repeat: int, timeout: float) -> list[float]:
    import vaultkg
    from vaultkg.export.rdf import dataset

    t = time.perf_counter()
    kg = vaultkg.load(str(vault))
    read_s = time.perf_counter() - t
    stats = kg.stats()
    t = time.perf_counter()
    data = dataset(kg)
    build_s = time.perf_counter() - t
    print(
        f"\n## {label}: {stats['notes']:,} notes, {stats['claims']:,} claims, "
        f"{stats['relations']:,} relations, {len(data.quads):,} quads"
    )
    print(f"read vault + knowledge graph: {read_s:.2f} s; build RDF terms: {build_s:.2f} s")

    import pyoxigraph as ox

    t = time.perf_counter()
    store = ox.Store()
    store.bulk_extend(data.quads)
    ox_load = time.perf_counter() - t
    t = time.perf_counter()
    graph = rdflib_dataset(data)
    rdf_load = time.perf_counter() - t
    print(f"load: rdflib Dataset {rdf_load:.2f} s; pyoxigraph Store {ox_load:.2f} s")

    queries = shipped_queries()
    print(f"{'query':42} {'rows':>6} {'rdflib':>12} {'pyoxigraph':>11} {'ratio':>9}  same rows")
    ox_times = []
    for name, text in queries.items():
        ox_s, ox_rows = best(lambda text=text: oxigraph_rows(store, text, data.prefixes), repeat)
        ox_times.append(ox_s)
        status, rdf_s, rdf_rows = timed_rdflib(graph, text, data.prefixes, 1, timeout)
        if status == "ok":
            old = f"{rdf_s:10.3f} s"
            ratio = f"{rdf_s / ox_s:8.0f}x" if ox_s > 0 else "-"
            same = "yes" if rdf_rows == ox_rows else "NO"
        elif status == "timeout":
            old, ratio, same = f">{timeout:8.0f} s", f">{timeout / ox_s:7.0f}x", "-"
        else:
            old, ratio, same = f"{'error':>12}", "-", rdf_rows
        print(f"{name:42} {len(ox_rows):6,} {old:>12} {ox_s:9.3f} s {ratio:>9}  {same}")
    warm_store(vault, kg, repeat)
    return ox_times


def rdflib_dataset(data: Any) -> Any:
    import pyoxigraph as ox
    import rdflib

    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=ox.serialize(data.quads, format=ox.RdfFormat.N_QUADS), format="nquads")
    return ds


def warm_store(vault: Path, kg: Any, repeat: int) -> None:
    """A --store folder: built once, then reopened for an unchanged vault."""
    from vaultkg.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "store"
        t = time.perf_counter()
        opened = open_store(vault, folder, load=lambda _: kg)
        build_s = time.perf_counter() - t
        del opened

        def reopen() -> None:
            again = open_store(vault, folder)
            assert again.reused
            del again

        reopen_s, _ = best(reopen, repeat)
    print(
        f"--store: built in {build_s:.2f} s (knowledge graph already read); "
        f"reopened for the unchanged vault in {reopen_s:.2f} s (fingerprint included)"
    )


def peak_rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--notes", type=int, nargs="*", default=[1000, 2400])
    ap.add_argument("--vault", type=Path, action="append", default=[], help="also this vault")
    ap.add_argument("--repeat", type=int, default=3, help="runs per query; the best is kept")
    ap.add_argument("--rdflib-timeout", type=float, default=120.0, help="seconds per query")
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()
    import pyoxigraph
    import rdflib

    print(
        f"Python {sys.version.split()[0]}, rdflib {rdflib.__version__}, "
        f"pyoxigraph {pyoxigraph.__version__}; best of {args.repeat}, "
        f"rdflib stopped after {args.rdflib_timeout:.0f} s"
    )
    slowest = 0.0
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        for n in args.notes:
            vault = make_vault(Path(tmp) / f"vault-{n}", n)
            slowest = max(
                slowest,
                *bench(vault, f"generated vault ({n:,} notes)", args.repeat, args.rdflib_timeout),
            )
    for vault in args.vault:
        slowest = max(slowest, *bench(vault, vault.name, args.repeat, args.rdflib_timeout))
    own, kids = peak_rss_mb()
    print(f"\nslowest shipped query on pyoxigraph: {slowest:.3f} s")
    print(f"peak RSS: this process {own:,.0f} MB, rdflib children {kids:,.0f} MB")


if __name__ == "__main__":
    main()
