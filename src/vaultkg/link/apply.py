"""Write planned links into the vault: atomically, and never over a file changed meanwhile."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .edit import EditError, remove_links
from .model import NotePlan, Plan


@dataclass(slots=True)
class WriteOutcome:
    written: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform; the rename itself is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, expected: bytes, new: bytes) -> str | None:
    """Replace ``path``'s content with ``new`` if it still holds ``expected``.

    Writes a temporary file in the same folder, fsyncs it, gives it the file's mode, checks
    the file once more and renames it over the original. Returns None on success, or the
    reason the file was left alone.
    """
    want = _digest(expected)
    try:
        before = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as exc:
        return f"cannot read it any more ({exc.strerror})"
    if _digest(before) != want:
        return "changed since it was read; run vaultkg link again"
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(new)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if _digest(path.read_bytes()) != want:
            tmp.unlink()
            return "changed since it was read; run vaultkg link again"
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)
    return None


def check_note_plan(plan: NotePlan) -> str | None:
    """Prove that the new bytes are the old ones plus link syntax; None when they are."""
    try:
        new_text = plan.new_text()
        if remove_links(new_text, plan.proposals) != plan.text:
            return "internal check failed: the edit would change more than links"
    except EditError as exc:
        return f"internal check failed: {exc}"
    return None


def apply_plan(root: Path, plan: Plan) -> WriteOutcome:
    """Write every note of the plan; a note that cannot be written safely is skipped."""
    outcome = WriteOutcome()
    for note in plan.notes:
        reason = check_note_plan(note)
        if reason is None:
            try:
                reason = write_atomic(root / note.path, note.original, note.new_bytes())
            except OSError as exc:
                reason = f"cannot write it ({exc.strerror}); the note was left as it was"
        if reason is None:
            outcome.written.append(note.path)
        else:
            outcome.skipped.append((note.path, reason))
    return outcome
