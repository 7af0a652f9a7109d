"""The knowledge graph as RDF: Turtle, JSON-LD, N-Triples, and TriG with per-note named graphs
and nanopublications; the vocabulary and SHACL shapes are written beside them.

>>> paths = write_rdf(vaultkg.load("vault"), Path("exports"), ["turtle", "trig"])
>>> quads = build_dataset(public_graph(kg))   # pyoxigraph quads, sorted
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ...config import DEFAULT_BASE_IRI
from ...fsutil import check_export_file, check_export_folder, write_export
from ...privacy import public_graph
from .build import Dataset, build_dataset, dataset
from .iris import stable_ids
from .serialize import serialize_dataset

if TYPE_CHECKING:
    from ...kg.graph import KnowledgeGraph

__all__ = [
    "EXTRA_FILES",
    "FILE_NAMES",
    "FORMATS",
    "Dataset",
    "build_dataset",
    "dataset",
    "serialize",
    "write_rdf",
]

# format name → file written in the output folder
FILE_NAMES: dict[str, str] = {
    "turtle": "graph.ttl",
    "json-ld": "graph.jsonld",
    "n-triples": "graph.nt",
    "trig": "graph.trig",
}
FORMATS: tuple[str, ...] = tuple(FILE_NAMES)
# written beside every export, so it validates on its own: file name → packaged data file
EXTRA_FILES: dict[str, str] = {"vocab.ttl": "vaultkg.ttl", "shapes.ttl": "vaultkg-shapes.ttl"}


def serialize(data: Dataset, fmt: str) -> str:
    if fmt not in FILE_NAMES:
        raise ValueError(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")
    return serialize_dataset(data, fmt).decode("utf-8")


def data_file(name: str) -> bytes:
    return resources.files("vaultkg").joinpath(f"data/{name}").read_bytes()


def write_rdf(kg: KnowledgeGraph, out_dir: Path, formats: list[str]) -> list[Path]:
    """Write the vault's public graph in each format, and vocab.ttl and shapes.ttl, into
    ``out_dir``; return the files.

    Raises fsutil.OutputError, before writing anything, when ``out_dir`` is in the vault or a
    file there exists that vaultkg did not write.
    """
    unknown = [f for f in formats if f not in FILE_NAMES]
    if unknown:
        raise ValueError(f"unknown RDF format {unknown[0]!r}; use one of {', '.join(FORMATS)}")
    root = kg.vault.root
    check_export_folder(out_dir, root)
    chosen = [f for f in FORMATS if f in formats]  # a fixed order
    paths = [out_dir / FILE_NAMES[f] for f in chosen]
    extras = [out_dir / name for name in EXTRA_FILES]
    for path in paths + extras:
        check_export_file(path, root)
    warn_about_settings(kg)
    kg = public_graph(kg)
    data = dataset(kg)
    out_dir.mkdir(parents=True, exist_ok=True)
    for fmt, path in zip(chosen, paths, strict=True):
        write_export(path, serialize_dataset(data, fmt), root)
    for path, packaged in zip(extras, EXTRA_FILES.values(), strict=True):
        write_export(path, data_file(packaged), root)
    return paths + extras


def warn_about_settings(kg: KnowledgeGraph) -> None:
    """One line on stderr for each setting that makes the IRIs unfit to publish."""
    if kg.vault.config.base_iri == DEFAULT_BASE_IRI:
        print(
            f"vaultkg: warning: base_iri is the placeholder {DEFAULT_BASE_IRI}; every vault "
            "without one mints the same IRIs. Set base_iri in vaultkg.toml to an address you "
            "control before publishing the RDF.",
            file=sys.stderr,
        )
    for clash in stable_ids(kg.vault)[1]:
        print(
            f"vaultkg: warning: several notes have id {clash!r}; their IRIs use their paths. "
            "Give each note its own id.",
            file=sys.stderr,
        )
