"""``vaultkg export html``: the vault as a linked static site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import IncludePrivate, fail, interrupted, load_graph, vault_path
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
    include_private: IncludePrivate = False,
) -> None:
    """Write a static site of the vault: notes, evidence badges, matrix, claims, graph, search.

    The site opens from file:// (open index.html) and from any static host. Notes with
    `publish: false`, `draft: true` or `private: true`, and paths in `[publish] exclude`, are
    left out, and so is everything they say (unless --include-private).

    Examples:

        vaultkg export html vault/

        vaultkg export html vault/ -o exports/site
    """
    from ..export.site import SiteError, write_site
    from ..export.site.output import check_output
    from ..fsutil import signals_as_exceptions

    root = vault_path(vault)
    try:
        check_output(output, root)
        with signals_as_exceptions():
            kg = load_graph(root, export=True, include_private=include_private)
            report = write_site(kg, output, title=title)
    except SiteError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{output}: cannot write the site ({exc.strerror}); choose another --output")
    except KeyboardInterrupt as exc:
        interrupted(exc, pending=[f"{output}/ (the previous site, if any, is unchanged)"])
    typer.echo(
        f"wrote {report.pages} pages ({report.notes} notes, {report.excluded} left out) "
        f"to {output} in {report.seconds:.1f}s; open {output / 'index.html'}"
    )
