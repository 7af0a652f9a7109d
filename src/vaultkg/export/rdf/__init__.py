"""The knowledge graph as RDF: Turtle, JSON-LD, N-Triples, and TriG with nanopublications.

>>> paths = write_rdf(vaultkg.load("vault"), Path("exports"), ["turtle", "trig"])
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...fsutil import check_export_file, check_export_folder, write_export
from ...privacy import public_graph
from .build import RdfData, build_rdf
from .iris import Minter
from .serialize import write_jsonld, write_ntriples, write_trig, write_turtle

if TYPE_CHECKING:
    from ...kg.graph import KnowledgeGraph

__all__ = ["FILE_NAMES", "FORMATS", "RdfData", "build_rdf", "serialize", "write_rdf"]

# format name → file written in the output folder
FILE_NAMES: dict[str, str] = {
    "turtle": "graph.ttl",
    "json-ld": "graph.jsonld",
    "n-triples": "graph.nt",
    "trig": "graph.trig",
}
FORMATS: tuple[str, ...] = tuple(FILE_NAMES)


def serialize(data: RdfData, fmt: str, base: str) -> str:
    if fmt == "turtle":
        return write_turtle(data, base)
    if fmt == "trig":
        return write_trig(data, base)
    if fmt == "n-triples":
        return write_ntriples(data)
    if fmt == "json-ld":
        return write_jsonld(data)
    raise ValueError(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_rdf(kg: KnowledgeGraph, out_dir: Path, formats: list[str]) -> list[Path]:
    """Write the vault's public graph in each format into ``out_dir``; return the files.

    Raises fsutil.OutputError, before writing anything, when ``out_dir`` is in the vault or a
    file there exists that vaultkg did not write.
    """
    unknown = [f for f in formats if f not in FILE_NAMES]
    if unknown:
        raise ValueError(f"unknown RDF format {unknown[0]!r}; use one of {', '.join(FORMATS)}")
    root = kg.vault.root
    check_export_folder(out_dir, root)
    paths = [out_dir / FILE_NAMES[f] for f in FORMATS if f in formats]  # a fixed order
    for path in paths:
        check_export_file(path, root)
    kg = public_graph(kg)
    base = Minter.for_base(kg.vault.config.base_iri).base
    data = build_rdf(kg, nanopubs="trig" in formats)
    out_dir.mkdir(parents=True, exist_ok=True)
    for fmt, path in zip([f for f in FORMATS if f in formats], paths, strict=True):
        write_export(path, serialize(data, fmt, base).encode("utf-8"), root)
    return paths
