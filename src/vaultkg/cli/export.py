"""``vaultkg export``: write the knowledge graph as files (JSON here; RDF and HTML beside)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from .common import IncludePrivate, fail, interrupted, load_graph, vault_path

export_app = typer.Typer(
    help="Write the vault's knowledge graph as JSON, RDF or a static site.",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")


@export_app.command("json")
def export_json(
    vault: Annotated[Path, typer.Argument(help="The vault folder.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")] = Path(
        "exports/graph.json"
    ),
    include_private: IncludePrivate = False,
) -> None:
    """Write notes, entities, claims, relations, sources and diagnostics as one JSON file.

    The format is described by the JSON Schema shipped with vaultkg (docs/json-schema.md).
    Private notes are left out (see --include-private). The file is never written into the
    vault, nor over a file vaultkg did not write.

    Examples:

        vaultkg export json vault/

        vaultkg export json vault/ -o exports/graph.json
    """
    from ..export.json_export import write_json
    from ..fsutil import OutputError, check_export_file, signals_as_exceptions

    root = vault_path(vault)
    try:
        check_export_file(output, root)  # before the vault is read: fail fast
        with signals_as_exceptions():
            kg = load_graph(root, export=True, include_private=include_private)
            write_json(kg, output)
    except OutputError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror}); choose another --output")
    except KeyboardInterrupt as exc:
        interrupted(exc, pending=[str(output)])
    typer.echo(f"wrote {output} ({len(kg.claims)} claims, {len(kg.relations)} relations)")
