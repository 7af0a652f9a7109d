"""``vaultkg export rdf``: the knowledge graph as linked data (Turtle, JSON-LD, N-Triples, TriG)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .common import IncludePrivate, fail, interrupted, load_graph, vault_path
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
    include_private: IncludePrivate = False,
) -> None:
    """Write the knowledge graph as RDF, with IRIs under the vault's base_iri.

    trig and json-ld keep the named graphs (one per note, four per claim's nanopublication);
    turtle and n-triples hold the same triples in one graph. vocab.ttl and shapes.ttl are
    written beside them. The vocabulary is described in docs/rdf.md. Private notes are
    left out (see --include-private); nothing is written into the vault or over files
    vaultkg did not write.

    Examples:

        vaultkg export rdf vault/

        vaultkg export rdf vault/ -o exports/ --format all
    """
    from ..export.rdf import FILE_NAMES, FORMATS, write_rdf
    from ..fsutil import (
        OutputError,
        check_export_file,
        check_export_folder,
        signals_as_exceptions,
    )

    formats = list(FORMATS) if RdfFormat.all in format else [f.value for f in format]
    if output.exists() and not output.is_dir():
        fail(f"{output}: not a folder; give --output a folder to write the RDF files into")
    root = vault_path(vault)
    try:
        check_export_folder(output, root)
        for fmt in formats:
            check_export_file(output / FILE_NAMES[fmt], root)
        with signals_as_exceptions():
            kg = load_graph(root, export=True, include_private=include_private)
            paths = write_rdf(kg, output, formats)
    except OutputError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror}); choose another --output")
    except KeyboardInterrupt as exc:
        interrupted(exc, pending=[str(output / FILE_NAMES[f]) for f in formats])
    for path in paths:
        typer.echo(f"wrote {path} ({path.stat().st_size:,} bytes)")
