"""Pieces every command shares: opening a vault, printing errors, writing tables."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

# Plain-text tables cut longer cells; --format csv or json give everything.
MAX_CELL = 72


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``vaultkg: error: message`` on stderr and exit with ``code``."""
    typer.echo(f"vaultkg: error: {message}", err=True)
    raise typer.Exit(code)


def vault_path(path: Path) -> Path:
    if not path.exists():
        fail(f"{path}: no such folder; give the path of your vault")
    if not path.is_dir():
        fail(f"{path}: not a folder; give the folder that holds your notes")
    return path


def print_rows(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: OutputFormat,
    *,
    title: str | None = None,
    json_payload: Any = None,
) -> None:
    """Write rows as a table (rich on a terminal, plain text in a pipe), JSON or CSV."""
    if fmt is OutputFormat.json:
        payload = rows if json_payload is None else json_payload
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is OutputFormat.csv:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        sys.stdout.write(buf.getvalue())
        return
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c)
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        Console().print(table)
        return
    cells = [[_clip(_cell(row.get(c))) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells
    )
    sys.stdout.write("\n".join(lines) + "\n")


def _clip(text: str, width: int = MAX_CELL) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    return str(value)


IncludePrivate = Annotated[
    bool,
    typer.Option(
        "--include-private",
        help="Also export notes marked publish: false, draft: true or private: true, and "
        "[publish] exclude paths (for local use only; never publish the result).",
    ),
]


def load_graph(  # type: ignore[no-untyped-def]
    vault: Path, *, progress: bool = False, export: bool = False, include_private: bool = False
):
    """Read ``vault`` and build its knowledge graph, or exit with a clear message.

    With ``export``, private notes are left out first (unless ``include_private``).
    """
    from ..kg.graph import build
    from ..privacy import public_vault
    from ..vault import VaultError, read_vault

    try:
        v = read_vault(vault_path(vault))
    except VaultError as exc:
        fail(str(exc))
    if export:
        v = public_vault(v, include_private=include_private)
    return build(v)


def interrupted(
    exc: KeyboardInterrupt, done: Sequence[str] = (), pending: Sequence[str] = ()
) -> NoReturn:
    """Say what was and was not written, then exit 130 (Ctrl-C) or 128 + the signal."""
    typer.echo("vaultkg: interrupted; temporary files removed", err=True)
    for path in done:
        typer.echo(f"  written: {path}", err=True)
    for path in pending:
        typer.echo(f"  not written: {path}", err=True)
    raise typer.Exit(128 + getattr(exc, "signum", 2))
