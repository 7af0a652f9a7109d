"""The linker's safety sequence, in one place for every front end (the CLI is one).

Choose what to link (``choose_*``, user errors as ``LinkError``), ``make_plan`` (plan, then
prove every edit adds link syntax and nothing else), optionally let the user drop proposals
and ``recheck``, then ``write_plan`` (refuse notes with uncommitted git changes unless forced,
then write each note atomically). The outcome is told by ``report``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..kg.entities import MENTIONABLE_TYPES, normalise_type
from ..vault import Vault
from .apply import WriteOutcome, apply_plan, check_note_plan
from .git import uncommitted
from .model import LinkOptions, Plan
from .plan import plan_links
from .targets import EntityTable


class LinkError(Exception):
    """The linker cannot go on; the message says why and what to do; ``code`` is the exit."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def choose_entities(values: Iterable[str], table: EntityTable) -> frozenset[str]:
    """``--only``: each value names exactly one entity note (title, alias or path)."""
    paths: set[str] = set()
    for value in values:
        found = table.lookup(value)
        if not found:
            raise LinkError(
                f"--only {value!r}: no drug, receptor, transporter, enzyme, neurotransmitter or "
                "mechanism note has that title, alias or path; check the spelling"
            )
        if len(found) > 1:
            choices = ", ".join(e.path for e in found)
            raise LinkError(
                f"--only {value!r} names several notes ({choices}); give one of these paths"
            )
        paths.add(found[0].path)
    return frozenset(paths)


def choose_types(values: Iterable[str]) -> frozenset[str]:
    """``--type``: entity types the linker links to."""
    types: set[str] = set()
    for value in values:
        typ = normalise_type(value)
        if typ not in MENTIONABLE_TYPES:
            allowed = ", ".join(sorted(MENTIONABLE_TYPES))
            raise LinkError(
                f"--type {value!r}: not a type the linker links to; use one of: {allowed}"
            )
        types.add(typ)
    return frozenset(types)


def choose_notes(values: Iterable[str], v: Vault) -> frozenset[str]:
    """``--note``: notes of the vault, by vault path (with or without .md) or by file."""
    root = v.root.resolve()
    found: set[str] = set()
    for value in values:
        candidates = [value.replace("\\", "/").strip("/")]
        as_file = Path(value)
        if as_file.exists():
            try:
                candidates.insert(0, as_file.resolve().relative_to(root).as_posix())
            except ValueError:
                raise LinkError(
                    f"--note {value}: that file is not inside the vault {v.root}"
                ) from None
        for c in candidates:
            path = c if c.lower().endswith(".md") else c + ".md"
            if path in v.notes:
                found.add(path)
                break
        else:
            raise LinkError(
                f"--note {value}: no such note in the vault; give its path from the vault "
                "folder, e.g. 'Notes/My note.md'"
            )
    return frozenset(found)


def make_plan(v: Vault, table: EntityTable, options: LinkOptions) -> Plan:
    """The proposals for the vault, each proven to add link syntax and nothing else."""
    plan = plan_links(v.notes, v.config, v.index, options, table)
    for n in plan.notes:
        problem = check_note_plan(n)
        if problem:
            raise LinkError(f"{n.path}: {problem}; please report this as a bug", code=3)
    return plan


def write_plan(v: Vault, plan: Plan, *, force: bool = False) -> WriteOutcome:
    """Write the plan's notes, unless some have uncommitted git changes (and not ``force``).

    A KeyboardInterrupt raised while writing carries the outcome so far as ``.outcome``.
    """
    dirty = uncommitted(v.root, [n.path for n in plan.notes])
    if dirty and not force:
        listing = "\n".join(f"  {p}" for p in dirty)
        raise LinkError(
            f"{len(dirty)} note(s) to be linked have uncommitted changes in git:\n"
            f"{listing}\ncommit or stash them first, or add --force to write anyway",
            code=1,
        )
    return apply_plan(v.root, plan, abspaths=v.abspaths, force=force)
