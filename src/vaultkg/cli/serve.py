"""``vaultkg serve``: the vault's site on a local server, rebuilt and reloaded as notes change."""

from __future__ import annotations

import shutil
import signal
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from . import app
from .common import IncludePrivate, fail, vault_path


@app.command()
def serve(
    vault: Annotated[Path, typer.Argument(help="The vault folder.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Folder for the site (default: a temporary folder, removed on exit).",
        ),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(
            "--port",
            "-p",
            min=0,
            max=65535,
            help="Port on 127.0.0.1 (default: 8000 or the next free one; 0: any free port).",
        ),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The site's title.")] = None,
    include_private: IncludePrivate = False,
) -> None:
    """Serve the vault's site on http://127.0.0.1 and rebuild it as notes change.

    Open pages reload by themselves after each change. The site is built outside the vault
    (a temporary folder, or --output); nothing is written into the vault. Stop with Ctrl-C.

    Examples:

        vaultkg serve vault/

        vaultkg serve ~/Notes --port 8080 -o /tmp/site
    """
    from ..export.site import SiteError
    from ..export.site.output import check_output
    from ..fsutil import signals_as_exceptions
    from ..serve import ServeError, Session
    from ..serve import serve as run
    from ..vault import VaultError

    root = vault_path(vault)
    temporary = output is None
    out = Path(tempfile.mkdtemp(prefix="vaultkg-serve-")) if output is None else output
    try:
        check_output(out, root)
    except SiteError as exc:
        fail(str(exc))
    session = Session(root=root, out=out, include_private=include_private, title=title)

    def log(message: str) -> None:
        typer.echo(message, err=True)

    def ready(url: str) -> None:
        typer.echo(f"Serving {root} at {url} (Ctrl-C to stop)")

    # Ctrl-C stops the server even when started from a shell that ignores SIGINT
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with signals_as_exceptions():
            run(session, port, log, ready)
    except KeyboardInterrupt:
        typer.echo("vaultkg: stopped serving", err=True)
    except (ServeError, VaultError, SiteError) as exc:
        fail(str(exc))
    finally:
        if temporary:
            shutil.rmtree(out, ignore_errors=True)
