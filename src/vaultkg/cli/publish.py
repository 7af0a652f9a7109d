"""``vaultkg publish``: the main job, every export of a vault in one run."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from . import app
from .common import IncludePrivate, fail, vault_path


@app.command()
def publish(
    vault: Annotated[Path, typer.Argument(help="The vault folder.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for every export.")] = (
        Path("exports")
    ),
    title: Annotated[
        str | None, typer.Option("--title", help="The site's title (default: the vault's name).")
    ] = None,
    only: Annotated[
        str | None,
        typer.Option("--only", help="Write only these exports, e.g. json,rdf (of json,rdf,site)."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the summary, not what was written.")
    ] = False,
    include_private: IncludePrivate = False,
) -> None:
    """Read the vault once and write every export: graph.json, RDF and the static site.

    Writes OUTPUT/graph.json, OUTPUT/rdf/graph.{ttl,jsonld,nt,trig} and OUTPUT/site/, all or
    nothing: they are built beside OUTPUT and swapped in together at the end, so an error or
    Ctrl-C leaves the previous exports as they were. Nothing is written into the vault, nor
    over files vaultkg did not write. Notes marked publish: false, draft: true or private:
    true, [publish] exclude paths and the Obsidian templates folder are left out of every
    export (unless --include-private).

    Examples:

        vaultkg publish vault/

        vaultkg publish ~/Notes -o ~/published --title "My pharmacology notes"
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..export.publish import ExportsReplaced, check_publish, publish_exports, recover
    from ..export.registry import Settings, choose
    from ..export.site import SiteError
    from ..export.summary import summary_lines
    from ..fsutil import OutputError
    from ..fsutil import signals_as_exceptions as signals
    from ..kg.graph import build
    from ..privacy import public_vault
    from ..vault import VaultError, read_vault

    root = vault_path(vault)
    try:
        exporters = choose(only)
    except ValueError as exc:
        fail(f"--only: {exc}")
    try:  # refuse before reading or writing anything
        check_publish(output, root, exporters)
    except OutputError as exc:
        fail(str(exc))
    for line in recover(output):
        typer.echo(f"vaultkg: {line}", err=True)
    console = Console(stderr=True, quiet=quiet)
    started = time.perf_counter()
    with (
        signals(),
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            disable=not sys.stderr.isatty() or quiet,
            transient=True,
        ) as bar,
    ):
        task = bar.add_task("reading notes", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        def stage(name: str) -> None:
            bar.update(task, description=f"writing {name}")

        try:
            v = read_vault(root, progress=advance)
            bar.update(task, description="building the graph")
            kg = build(public_vault(v, include_private=include_private))
            written = publish_exports(
                kg, output, exporters, Settings(title=title, previous=output), stage
            )
        except (VaultError, SiteError, OutputError) as exc:
            fail(str(exc))
        except OSError as exc:
            fail(
                f"{exc.filename or output}: cannot write ({exc.strerror}); the previous exports "
                "are unchanged; check the output folder"
            )
        except ExportsReplaced as exc:
            bar.stop()
            typer.echo(f"vaultkg: interrupted; the new exports in {output} are complete", err=True)
            raise typer.Exit(128 + exc.signum) from None
        except KeyboardInterrupt as exc:
            bar.stop()
            typer.echo("vaultkg: interrupted, exports unchanged", err=True)
            raise typer.Exit(128 + getattr(exc, "signum", 2)) from None
    for line in summary_lines(v, kg, time.perf_counter() - started):
        typer.echo(line)
    if quiet:
        return
    for path in written:
        if path.is_dir():
            typer.echo(f"Wrote {path}/ — open {path / 'index.html'} in a browser")
        else:
            typer.echo(f"Wrote {path}")
