"""``vaultkg link``: turn unlinked mentions of drugs, receptors, ... into [[links]]."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app
from .common import OutputFormat, fail, interrupted, print_rows, vault_path

if TYPE_CHECKING:
    from ..link import Plan
    from ..vault import Vault


class LinkFormat(StrEnum):
    text = "text"
    json = "json"


def _ask(plan: Plan) -> None:
    """Keep only the proposals the user accepts."""
    from ..link.report import proposal_context

    total = len(plan.proposals)
    accept_all = False
    number = 0
    for note in plan.notes:
        kept = []
        for p in note.proposals:
            number += 1
            if accept_all:
                kept.append(p)
                continue
            typer.echo(f"[{number}/{total}] {p.path}:{p.line}:{p.col}")
            typer.echo(f"    {proposal_context(note.text, p)}")
            while True:
                answer = typer.prompt("Link it? [y]es [n]o [a]ll remaining [q]uit", default="y")
                answer = answer.strip().lower()[:1]
                if answer in ("y", "n", "a", "q"):
                    break
                typer.echo("Answer y, n, a or q.")
            if answer == "q":
                note.proposals = kept
                for later in plan.notes[plan.notes.index(note) + 1 :]:
                    later.proposals = []
                plan.notes = [n for n in plan.notes if n.proposals]
                return
            if answer in ("y", "a"):
                kept.append(p)
            accept_all = answer == "a"
        note.proposals = kept
    plan.notes = [n for n in plan.notes if n.proposals]


def _print_diffs(plan: Plan) -> None:
    from ..link.report import note_diff

    colour = sys.stdout.isatty()
    console = None
    if colour:
        from rich.console import Console

        console = Console(highlight=False)
    for note in plan.notes:
        for line in note_diff(note):
            if console is None:
                typer.echo(line)
                continue
            style = None
            if line.startswith(("+++", "---")):
                style = "bold"
            elif line.startswith("+"):
                style = "green"
            elif line.startswith("-"):
                style = "red"
            elif line.startswith("@@"):
                style = "cyan"
            console.print(line, style=style, markup=False, emoji=False, soft_wrap=True)


def _suggest(v: Vault, fmt: LinkFormat, min_count: int) -> None:
    from ..link.suggest import suggest_notes

    rows = [
        {"name": s.name, "mentions": s.mentions, "notes": s.notes, "source": s.source}
        for s in suggest_notes(v.notes, min_count=min_count)
    ]
    out = OutputFormat.json if fmt is LinkFormat.json else OutputFormat.table
    if not rows and out is OutputFormat.table:
        typer.echo(f"No name is mentioned {min_count} or more times without a note of its own.")
        return
    print_rows(rows, ["name", "mentions", "notes", "source"], out, title="Names without a note")


@app.command()
def link(
    vault: Annotated[Path, typer.Argument(help="The vault folder.")],
    write: Annotated[
        bool, typer.Option("--write", help="Apply the links (default: show a diff only).")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="With --write: write even over uncommitted git changes and read-only notes.",
        ),
    ] = False,
    first_only: Annotated[
        bool,
        typer.Option(
            "--first-only",
            help="Link only the first mention of each entity in a note, and none when the "
            "note already links to it.",
        ),
    ] = False,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only",
            metavar="ENTITY",
            help="Link only this entity (title, alias or path); repeatable.",
        ),
    ] = None,
    type_: Annotated[
        list[str] | None,
        typer.Option(
            "--type",
            metavar="TYPE",
            help="Link only entities of this type (drug, ...); repeatable.",
        ),
    ] = None,
    note: Annotated[
        list[str] | None,
        typer.Option(
            "--note", metavar="PATH", help="Link only in this note (path in the vault); repeatable."
        ),
    ] = None,
    min_length: Annotated[
        int,
        typer.Option(
            "--min-length", min=1, metavar="N", help="Ignore titles and aliases shorter than this."
        ),
    ] = 2,
    interactive: Annotated[
        bool, typer.Option("--interactive", "-i", help="Accept or skip each proposal.")
    ] = False,
    format: Annotated[LinkFormat, typer.Option("--format", "-f", help="Output format.")] = (
        LinkFormat.text
    ),
    suggest_notes: Annotated[
        bool,
        typer.Option(
            "--suggest-notes",
            help="Instead of linking, list names mentioned often that have no note.",
        ),
    ] = False,
    min_count: Annotated[
        int,
        typer.Option(
            "--min-count", min=1, metavar="N", help="With --suggest-notes: fewest mentions."
        ),
    ] = 2,
) -> None:
    """Link unlinked mentions of entities (drugs, receptors, ...) in the notes of a vault.

    A mention is a note's title or alias written in plain prose, matched as a whole word,
    case-insensitively, longest name first, plurals included. The text stays as written:
    "A2A receptors" becomes [[Adenosine A2A receptor|A2A receptors]]. Code, math, HTML,
    comments, links, URLs, tags, inline field keys, front matter and headings (unless
    [link] headings = true in vaultkg.toml) are never touched, nor a note's own name.
    Names shared by two notes are reported, not linked.

    By default nothing is written: a diff per note and a summary are shown. --write
    applies the links atomically, skips files changed meanwhile, keeps each note's owner,
    mode, hard links and symbolic links, and refuses to run when the notes it would change
    have uncommitted git changes or are read-only (unless --force). Notes behind symbolic
    links to outside the vault are never read nor written.

    Exit status: 0 done, 1 --write refused or a note skipped, 2 usage errors.

    \b
    Examples:
      vaultkg link vault/                            # show what would be linked
      vaultkg link vault/ --first-only --write       # link each entity once per note
      vaultkg link vault/ --type drug --only Caffeine --min-length 4
      vaultkg link vault/ --note "Notes/Coffee.md" --interactive --write
      vaultkg link vault/ --format json > proposals.json
      vaultkg link vault/ --suggest-notes            # names that deserve a note
    """
    from ..fsutil import signals_as_exceptions
    from ..link import build_entities
    from ..link.model import LinkOptions
    from ..link.plan import recheck
    from ..link.report import outcome_lines, result_json, summary_lines
    from ..link.run import (
        LinkError,
        choose_entities,
        choose_notes,
        choose_types,
        make_plan,
        write_plan,
    )
    from ..vault import VaultError, read_vault

    if interactive and format is LinkFormat.json:
        fail("--interactive needs --format text; drop one of the two")
    if force and not write:
        fail("--force only makes sense with --write; add --write or drop --force")
    try:
        v = read_vault(vault_path(vault), spans=True)
    except VaultError as exc:
        fail(str(exc))
    if suggest_notes:
        _suggest(v, format, min_count)
        return
    table = build_entities(v.notes, v.config, v.index, min_length)
    written: list[str] = []
    skipped: list[tuple[str, str]] = []
    try:
        options = LinkOptions(
            first_only=first_only,
            only=choose_entities(only or [], table),
            types=choose_types(type_ or []),
            notes=choose_notes(note or [], v),
            min_length=min_length,
            headings=v.config.link_headings,
        )
        plan = make_plan(v, table, options)
        if interactive:
            _ask(plan)
            recheck(plan, v.notes)
        if write and plan.notes:
            try:
                with signals_as_exceptions():
                    outcome = write_plan(v, plan, force=force)
            except KeyboardInterrupt as exc:
                done = getattr(exc, "outcome", None)
                pending = [n.path for n in plan.notes]
                interrupted(
                    exc,
                    done.written if done else [],
                    [p for p, _ in done.skipped] + done.pending if done else pending,
                )
            written, skipped = outcome.written, outcome.skipped
            for path, other in outcome.same_file:
                typer.echo(f"vaultkg: {path}: the same file as {other}, written once", err=True)
    except LinkError as exc:
        fail(str(exc), code=exc.code)
    titles = {path: e.title for path, e in table.entities.items()}
    if format is LinkFormat.json:
        payload = result_json(plan, titles, written, skipped, dry_run=not write)
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        if not write:
            _print_diffs(plan)
        for line in [
            *summary_lines(plan, titles),
            *outcome_lines(plan, written, dry_run=not write),
        ]:
            typer.echo(line)
    for path, reason in skipped:
        typer.echo(f"vaultkg: warning: {path}: not written: {reason}", err=True)
    raise typer.Exit(1 if skipped else 0)
