"""``vaultkg publish``: the main job, every export of a vault in one run."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from . import app
from .common import IncludePrivate, fail, interrupted, vault_path


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


@app.command()
def publish(
    vault: Annotated[Path, typer.Argument(help="The vault folder.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for every export.")] = (
        Path("exports")
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
    include_private: IncludePrivate = False,
) -> None:
    """Read the vault once and write every export: graph.json, RDF and the static site.

    Writes OUTPUT/graph.json, OUTPUT/rdf/graph.{ttl,jsonld,nt,trig} and OUTPUT/site/, then
    prints a summary. Nothing is written into the vault, nor over files vaultkg did not
    write. Notes marked publish: false, draft: true or private: true, and [publish] exclude
    paths, are left out of every export (unless --include-private).

    Examples:

        vaultkg publish vault/

        vaultkg publish ~/Notes -o ~/published
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..export.json_export import write_json
    from ..export.rdf import FILE_NAMES, FORMATS, write_rdf
    from ..export.site import SiteError, write_site
    from ..export.site.output import check_output
    from ..fsutil import OutputError, check_export_file, check_export_folder
    from ..fsutil import signals_as_exceptions as signals
    from ..kg.graph import build
    from ..privacy import public_vault
    from ..vault import VaultError, read_vault

    root = vault_path(vault)
    if _inside(output, root):
        fail(
            f"{output}: the output folder is inside the vault; vaultkg never writes into a "
            "vault, choose a folder outside it (the default is ./exports)"
        )
    targets = [output / "graph.json", *(output / "rdf" / n for n in FILE_NAMES.values())]
    try:  # refuse before reading anything
        check_export_folder(output, root)
        for target in targets:
            check_export_file(target, root)
        check_output(output / "site", root)
    except (OutputError, SiteError) as exc:
        fail(str(exc))
    written: list[str] = []
    console = Console(stderr=True, quiet=quiet)
    started = time.perf_counter()
    show_bar = sys.stderr.isatty() and not quiet
    with (
        signals(),
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            disable=not show_bar,
            transient=True,
        ) as bar,
    ):
        task = bar.add_task("reading notes", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        try:
            v = read_vault(root, progress=advance)
            bar.update(task, description="building the graph")
            kg = build(public_vault(v, include_private=include_private))
            output.mkdir(parents=True, exist_ok=True)
            bar.update(task, description="writing graph.json")
            json_path = write_json(kg, output / "graph.json")
            written.append(str(json_path))
            bar.update(task, description="writing RDF")
            rdf_paths = write_rdf(kg, output / "rdf", list(FORMATS))
            written.extend(str(p) for p in rdf_paths)
            bar.update(task, description="writing the site")
            write_site(kg, output / "site")
        except (VaultError, SiteError, OutputError) as exc:
            fail(str(exc))
        except OSError as exc:
            fail(
                f"{exc.filename or output}: cannot write ({exc.strerror}); check the output folder"
            )
        except KeyboardInterrupt as exc:
            bar.stop()
            pending = [str(t) for t in targets if str(t) not in written]
            interrupted(exc, written, [*pending, f"{output / 'site'}/ (left as it was)"])
    elapsed = time.perf_counter() - started
    stats = kg.stats()
    levels = stats["claims_by_level"]
    assert isinstance(levels, dict)
    errors = sum(d.severity == "error" for d in v.diagnostics)
    broken = sum(
        1 for n in v.notes.values() for link in n.links if link.status in ("broken", "outside")
    )
    entities = stats["entities"]
    assert isinstance(entities, dict)
    typer.echo(
        f"Read {stats['notes']} notes in {elapsed:.1f} s: "
        + ", ".join(f"{n} {t}" for t, n in entities.items() if n)
    )
    if kg.vault.withheld:
        typer.echo(
            f"Left out {len(kg.vault.withheld)} private note(s) (publish: false, draft, private "
            "or [publish] exclude); --include-private keeps them"
        )
    typer.echo(f"Claims: {stats['claims']} (" + ", ".join(f"{levels[k]} {k}" for k in levels) + ")")
    typer.echo(
        f"Relations: {stats['relations']}; sources: {stats['sources']}; "
        f"broken links: {broken}; errors: {errors} (run 'vaultkg check' for details)"
    )
    typer.echo(f"Wrote {json_path}")
    for path in rdf_paths:
        typer.echo(f"Wrote {path}")
    typer.echo(f"Wrote {output / 'site'}/ — open {output / 'site' / 'index.html'} in a browser")
