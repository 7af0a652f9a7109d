"""``vaultkg push``: send the vault's RDF to a SPARQL store, only what changed."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app
from .common import fail, interrupted, load_graph, vault_path

if TYPE_CHECKING:
    from ..push import PushState, Result


@app.command()
def push(
    vault: Annotated[Path, typer.Argument(help="The vault folder.")],
    endpoint: Annotated[
        str,
        typer.Option(
            "--endpoint",
            help="The store's Graph Store Protocol URL (Oxigraph: http://HOST:7878/store).",
        ),
    ],
    update_endpoint: Annotated[
        str | None,
        typer.Option(
            "--update-endpoint",
            help="The SPARQL Update URL (default: beside the endpoint, /store → /update, "
            "else the endpoint itself).",
        ),
    ] = None,
    protocol: Annotated[
        str,
        typer.Option(
            "--protocol",
            help="gsp (Graph Store HTTP Protocol), update (SPARQL Update) or auto (the Graph "
            "Store Protocol, SPARQL Update when the server answers 404, 405, 415 or 501).",
        ),
    ] = "auto",
    state_file: Annotated[
        Path | None,
        typer.Option("--state", help="The push state file (default: in the user cache folder)."),
    ] = None,
    full: Annotated[bool, typer.Option("--full", help="Send every graph, changed or not.")] = (
        False
    ),
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="List what would be sent and deleted; send nothing.")
    ] = False,
    batch_triples: Annotated[
        int, typer.Option("--batch-triples", help="At most this many triples per SPARQL Update.")
    ] = 1000,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Graph Store requests in flight at once.")
    ] = 2,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for each answer.")
    ] = 60.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
) -> None:
    """Push the vault's RDF to a SPARQL store, one named graph at a time.

    Only the graphs that changed since the last push to ENDPOINT are sent, and the graphs of
    removed notes are deleted; --full sends everything. Private notes (publish: false, draft,
    private, [publish] exclude) are never pushed. Credentials come from VAULTKG_PUSH_USER and
    VAULTKG_PUSH_PASSWORD, or VAULTKG_PUSH_TOKEN, or ~/.netrc; never from the command line.

    Examples:

        vaultkg push vault/ --endpoint http://localhost:7878/store

        vaultkg push vault/ --endpoint http://localhost:8890/sparql-auth --protocol update
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..fsutil import signals_as_exceptions
    from ..push import (
        PROTOCOLS,
        Options,
        PushError,
        PushFailed,
        authorization,
        check_url,
        dataset_graphs,
        default_state_path,
        environ_secrets,
        load_state,
    )
    from ..push import push as send

    root = vault_path(vault)
    if protocol not in PROTOCOLS:
        fail(f"--protocol {protocol}: use one of {', '.join(PROTOCOLS)}")
    if batch_triples < 1:
        fail("--batch-triples must be at least 1")
    if jobs < 1:
        fail("--jobs must be at least 1")
    try:
        for url in (endpoint, update_endpoint):
            if url is not None:
                check_url(url)
        auth = authorization(endpoint, os.environ)
        state = load_state(state_file or default_state_path(root), root)
    except PushError as exc:
        fail(str(exc))
    started = time.perf_counter()
    kg = load_graph(root, export=True)
    graphs = dataset_graphs(kg)
    read_seconds = time.perf_counter() - started
    if not quiet:
        withheld = len(kg.vault.withheld)
        left_out = f"; {withheld} private note(s) left out" if withheld else ""
        typer.echo(
            f"Read {len(kg.vault.notes)} notes and built their RDF in {read_seconds:.1f} s"
            f"{left_out}"
        )
    options = Options(protocol, full, dry_run, batch_triples, timeout, jobs)
    console = Console(stderr=True, quiet=quiet)
    bar_shown = sys.stderr.isatty() and not quiet and not dry_run
    with Progress(
        TextColumn("pushing"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        disable=not bar_shown,
        transient=True,
    ) as bar:
        task = bar.add_task("push", total=None)
        target = state.endpoint(endpoint)
        try:
            with signals_as_exceptions():
                result = send(
                    graphs,
                    endpoint,
                    target,
                    update_endpoint=update_endpoint,
                    options=options,
                    auth=auth,
                    secrets=environ_secrets(),
                    progress=lambda done, total: bar.update(task, completed=done, total=total),
                )
        except PushFailed as exc:
            bar.stop()
            _save(state)
            typer.echo(f"vaultkg: error: {exc}", err=True)
            r = exc.result
            typer.echo(
                f"  before the error: {r.sent:,} graph(s) sent, {r.deleted:,} deleted; "
                f"recorded in {state.path}",
                err=True,
            )
            raise typer.Exit(1) from None
        except KeyboardInterrupt as exc:
            bar.stop()
            _save(state)
            interrupted(exc, [f"push state: {state.path} (what the server confirmed)"])
    if dry_run:
        _print_plan(result, quiet)
        return
    _save(state)
    how = "the Graph Store Protocol" if result.protocol == "gsp" else "SPARQL Update"
    typer.echo(f"Pushed to {endpoint} with {how} in {result.seconds:.1f} s: {_done(result)}")


def _save(state: PushState) -> None:
    """Write the state; a state that cannot be written is an error of its own."""
    from ..push import PushError

    try:
        state.save()
    except PushError as exc:
        fail(str(exc), 1)


def _done(result: Result) -> str:
    return (
        f"{result.sent:,} graph(s) sent ({result.triples:,} triples), {result.deleted:,} "
        f"deleted, {result.plan.unchanged:,} unchanged; {result.requests:,} request(s), "
        f"{result.bytes / 1e6:.1f} MB"
    )


def _print_plan(result: Result, quiet: bool) -> None:
    from ..push import DEFAULT_GRAPH

    plan = result.plan
    if not quiet:
        for graph in plan.send:
            name = "(default graph)" if graph.name == DEFAULT_GRAPH else graph.name
            typer.echo(f"send    {name} ({len(graph.lines):,} triples)")
        for name in plan.delete:
            typer.echo(f"delete  {'(default graph)' if name == DEFAULT_GRAPH else name}")
    triples = sum(len(g.lines) for g in plan.send)
    typer.echo(
        f"Dry run: would send {len(plan.send):,} graph(s) ({triples:,} triples), delete "
        f"{len(plan.delete):,}; {plan.unchanged:,} unchanged; nothing sent"
    )
