"""Write planned links into the vault: one note at a time, never over a file changed meanwhile."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..fsutil import signals_deferred, write_note
from .edit import EditError, remove_links
from .model import NotePlan, Plan


@dataclass(slots=True)
class WriteOutcome:
    written: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    pending: list[str] = field(default_factory=list)  # not reached (interrupted)
    # (path, other path): a symbolic link to a note already written under its other path
    same_file: list[tuple[str, str]] = field(default_factory=list)


def check_note_plan(plan: NotePlan) -> str | None:
    """Prove that the new bytes are the old ones plus link syntax; None when they are."""
    try:
        new_text = plan.new_text()
        if remove_links(new_text, plan.proposals) != plan.text:
            return "internal check failed: the edit would change more than links"
    except EditError as exc:
        return f"internal check failed: {exc}"
    return None


def apply_plan(
    root: Path,
    plan: Plan,
    *,
    abspaths: Mapping[str, str] | None = None,
    force: bool = False,
) -> WriteOutcome:
    """Write every note of the plan; a note that cannot be written safely is skipped.

    ``abspaths`` maps a note's vault path to the file it was read from (names are NFC in the
    vault, but may be NFD on disk). On an interrupt, the notes not reached are listed in
    ``outcome.pending`` and the KeyboardInterrupt is raised again with the outcome attached.
    """
    outcome = WriteOutcome()
    abspaths = abspaths or {}
    files = {n.path: abspaths.get(n.path) or str(root / n.path) for n in plan.notes}
    # a note read twice (itself and through a link to it) is written once, as its real file
    order = sorted(plan.notes, key=lambda n: (os.path.islink(files[n.path]), n.path))
    first: dict[str, str] = {}
    try:
        for note in order:
            path = files[note.path]
            real = os.path.realpath(path)
            if real in first:
                outcome.same_file.append((note.path, first[real]))
                continue
            first[real] = note.path
            reason = check_note_plan(note)
            # a signal waits until the note is written and recorded, so the report is true
            with signals_deferred():
                if reason is None:
                    try:
                        reason = write_note(
                            path, note.original, note.new_bytes(), root=root, force=force
                        )
                    except OSError as exc:
                        reason = f"cannot write it ({exc.strerror}); the note was left as it was"
                if reason is None:
                    outcome.written.append(note.path)
                else:
                    outcome.skipped.append((note.path, reason))
    except KeyboardInterrupt as exc:
        done = set(outcome.written) | {p for p, _ in outcome.skipped + outcome.same_file}
        outcome.pending = [n.path for n in plan.notes if n.path not in done]
        exc.outcome = outcome  # type: ignore[attr-defined]
        raise
    return outcome
