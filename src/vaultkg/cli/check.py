"""``vaultkg check``: report broken links and every other problem in a vault."""

from __future__ import annotations

import json
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..constants import OFF_VAULT_STATUSES
from . import app
from .common import fail, vault_path


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


@app.command()
def check(
    vault: Annotated[Path, typer.Argument(help="The vault folder.")],
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = (
        CheckFormat.text
    ),
    fail_on: Annotated[
        FailOn, typer.Option(help="Lowest severity that makes the exit status 1.")
    ] = FailOn.error,
) -> None:
    """Check a vault: broken links and anchors, ambiguous links, bad front matter, ...

    Prints one line per problem as path:line:col: severity: message [code], then a summary.
    Exit status: 0 clean, 1 problems at or above --fail-on, 2 usage errors.

    Examples:

        vaultkg check vault/

        vaultkg check vault/ --format json > problems.json

        vaultkg check vault/ --fail-on warning
    """
    from ..vault import VaultError, read_vault

    try:
        v = read_vault(vault_path(vault))
    except VaultError as exc:
        fail(str(exc))
    from ..kg import boilerplate

    template = boilerplate.diagnostics(boilerplate.find(v.notes.values()))
    diags = sorted([*v.sorted_diagnostics(), *template], key=lambda d: (d.path, d.line, d.col))
    links = sum(len(n.links) for n in v.notes.values())
    broken = sum(
        1 for n in v.notes.values() for link in n.links if link.status in OFF_VAULT_STATUSES
    )
    tags = len({t.name.lower() for n in v.notes.values() for t in n.tags})
    errors = sum(d.severity == "error" for d in diags)
    warnings = sum(d.severity == "warning" for d in diags)
    summary = {
        "notes": len(v.notes),
        "attachments": len(v.attachments),
        "links": links,
        "broken_links": broken,
        "tags": tags,
        "errors": errors,
        "warnings": warnings,
    }
    if format is CheckFormat.json:
        payload = {
            "summary": summary,
            "diagnostics": [asdict(d) for d in diags],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for d in diags:
            typer.echo(d.format())
        typer.echo(
            f"{summary['notes']} notes, {links} links ({broken} broken), {tags} tags: "
            f"{errors} errors, {warnings} warnings"
        )
    failing = errors + (warnings if fail_on is FailOn.warning else 0)
    raise typer.Exit(1 if failing else 0)
