"""The ``vaultkg`` command line. Heavy imports happen inside commands, so ``--help`` is quick."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..cache import ENV_DIR, ENV_OFF

app = typer.Typer(
    name="vaultkg",
    help="Turn an Obsidian vault of study notes into an evidence-aware knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"vaultkg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    cache: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            metavar="DIR",
            help="Keep the cache of parsed notes and built graphs in DIR (default: "
            "$VAULTKG_CACHE_DIR, [cache] dir in vaultkg.toml, or ~/.cache/vaultkg).",
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Read every note afresh and write no cache.")
    ] = False,
) -> None:
    """Turn an Obsidian vault of study notes into an evidence-aware knowledge graph."""
    # the environment carries the choice to every command and to worker processes
    if no_cache:
        os.environ[ENV_OFF] = "1"
    elif cache is not None:
        if cache.exists() and not cache.is_dir():
            typer.echo(
                f"vaultkg: error: {cache}: not a folder; give a folder for the cache", err=True
            )
            raise typer.Exit(2)
        os.environ[ENV_DIR] = str(cache.expanduser().resolve())


def _register_commands() -> None:
    """Each module adds its commands to ``app`` when imported."""
    from . import (  # noqa: F401
        check,
        claims,
        export,
        export_html,
        export_rdf,
        init,
        link,
        publish,
        push,
        query,
        serve,
        sparql,
    )


_register_commands()


def main() -> None:
    app()
