"""``vaultkg export html``: the vault as a linked static site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import fail, load_graph
from .export import export_app


@export_app.command("html")
def export_html(
    vault: Annotated[Path, typer.Argument(help="The vault folder.")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder to write the site into (replaced).")
    ] = Path("exports/site"),
    title: Annotated[
        str | None, typer.Option("--title", help="Site title (default: the vault's folder name).")
    ] = None,
) -> None:
    """Write a static site of the vault: notes, evidence badges, matrix, claims, graph, search.

    The site opens from file:// (open index.html) and from any static host. Notes with
    `publish: false` or `draft: true`, and paths in `[publish] exclude`, are left out.

    Examples:

        vaultkg export html vault/

        vaultkg export html vault/ -o exports/site
    """
    from ..export.site import SiteError, write_site

    kg = load_graph(vault)
    try:
        report = write_site(kg, output, title=title)
    except SiteError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{output}: cannot write the site ({exc.strerror}); choose another --output")
    typer.echo(
        f"wrote {report.pages} pages ({report.notes} notes, {report.excluded} left out) "
        f"to {output} in {report.seconds:.1f}s; open {output / 'index.html'}"
    )
