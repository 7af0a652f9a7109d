"""``vaultkg claims``: every claim the notes make, with how well it is supported."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from .common import OutputFormat, fail, load_graph, print_rows

COLUMNS = ["level", "certainty", "claim", "citations", "where", "flags"]


@app.command()
def claims(
    vault: Annotated[Path, typer.Argument(help="The vault folder.")],
    unsupported: Annotated[
        bool, typer.Option("--unsupported", help="Only claims with no citation.")
    ] = False,
    level: Annotated[str | None, typer.Option(help="Only claims at this evidence level.")] = None,
    note: Annotated[str | None, typer.Option(help="Only claims in this note or folder.")] = None,
    certainty: Annotated[
        str | None, typer.Option(help="Only asserted, hedged or speculative claims.")
    ] = None,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
) -> None:
    """List claims with their evidence level, certainty, citations and note:line.

    Examples:

        vaultkg claims vault/ --unsupported

        vaultkg claims vault/ --level very-low --format csv

        vaultkg claims vault/ --note "Notes/Caffeine tolerance.md" --certainty hedged
    """
    from ..constants import CERTAINTIES, LEVELS

    if level is not None and level not in LEVELS:
        fail(f"unknown evidence level '{level}'; use one of: {', '.join(LEVELS)}")
    if certainty is not None and certainty not in CERTAINTIES:
        fail(f"unknown certainty '{certainty}'; use asserted, hedged or speculative")
    kg = load_graph(vault)
    if (
        note is not None
        and not any(
            c.note == note or c.note.startswith(note.rstrip("/") + "/") or c.note == note + ".md"
            for c in kg.claims
        )
        and note not in kg.vault.notes
        and note + ".md" not in kg.vault.notes
    ):
        fail(
            f"no note or folder '{note}' in the vault; give a vault-relative path such as "
            "'Notes/Caffeine.md'",
            code=1,
        )
    found = kg.query_claims(unsupported=unsupported, level=level, note=note, certainty=certainty)
    rows = [
        {
            "level": c.level,
            "certainty": c.certainty,
            "claim": c.text,
            "citations": [kg.sources[x.source].title for x in c.citations],
            "where": c.where,
            "flags": c.flags,
        }
        for c in found
    ]
    payload = None
    if format is OutputFormat.json:
        from ..export.json_export import claim_record

        payload = [claim_record(kg, c) for c in found]
    print_rows(rows, COLUMNS, format, json_payload=payload)
    if not found:
        typer.echo(f"vaultkg: {kg.why_no_claims()}", err=True)
