"""The ``vaultkg`` command line. Heavy imports happen inside commands, so ``--help`` is quick."""

from __future__ import annotations

import typer

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
) -> None:
    """Turn an Obsidian vault of study notes into an evidence-aware knowledge graph."""


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
        sparql,
    )


_register_commands()


def main() -> None:
    app()
