"""``vaultkg export rdf``: the knowledge graph as linked data (Turtle, JSON-LD, N-Triples, TriG)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .common import fail, load_graph
from .export import export_app


class RdfFormat(StrEnum):
    turtle = "turtle"
    json_ld = "json-ld"
    n_triples = "n-triples"
    trig = "trig"
    all = "all"


@export_app.command("rdf")
def export_rdf(
    vault: Annotated[Path, typer.Argument(help="The vault folder.")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder to write graph.ttl, ... into.")
    ] = Path("exports"),
    format: Annotated[
        list[RdfFormat],
        typer.Option("--format", "-f", help="RDF format; repeat the option for several."),
    ] = [RdfFormat.turtle],  # noqa: B006 (typer reads the default, never mutates it)
) -> None:
    """Write the knowledge graph as RDF, with IRIs under the vault's base_iri.

    trig also writes every claim as a nanopublication (assertion, provenance and
    publication-info graphs). The vocabulary is described in docs/rdf.md.

    Examples:

        vaultkg export rdf vault/

        vaultkg export rdf vault/ -o exports/ --format all
    """
    from ..export.rdf import FORMATS, write_rdf

    formats = list(FORMATS) if RdfFormat.all in format else [f.value for f in format]
    if output.exists() and not output.is_dir():
        fail(f"{output}: not a folder; give --output a folder to write the RDF files into")
    kg = load_graph(vault)
    try:
        paths = write_rdf(kg, output, formats)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror}); choose another --output")
    for path in paths:
        typer.echo(f"wrote {path} ({path.stat().st_size:,} bytes)")
