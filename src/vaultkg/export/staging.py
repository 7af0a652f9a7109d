"""Every export of a run swapped in together: build beside the output folder, then rename.

``staged(out)`` gives a staging folder beside ``out`` (``OUT.vaultkg-tmp-XXXXXXXX``, so the
same filesystem and renames are atomic), locked with ``flock`` for as long as its run lives.
``commit`` marks it complete, then moves each export into ``out`` by name: the previous
version of each first into the staging folder's ``.vaultkg-old``, then the new one in. The
staging folder, old versions included, is deleted at the end. Entries of ``out`` that this run
did not write are left where they are.

SIGINT and SIGTERM during the build delete the staging folder; the swap itself runs with them
held (fsutil.signals_deferred), so it is never left half done by a signal. A run killed outright
(SIGKILL, power loss) leaves its staging folder behind: the next run over the same ``out``
finds it unlocked and ``recover`` finishes it if it was marked complete (the swap had begun,
so it is carried through by the same code), or deletes it if it was not.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from ..fsutil import MANIFEST, signals_deferred

INFIX = ".vaultkg-tmp-"
COMPLETE = ".vaultkg-complete"
OLD = ".vaultkg-old"
FILE_MODE = 0o644
FOLDER_MODE = 0o755


@dataclass
class Stage:
    """A staging folder and whether its exports are already in place."""

    folder: Path
    out: Path
    swapping: bool = False  # marked complete: from here on it is finished, never deleted
    committed: bool = False


def _lock(folder: Path) -> int | None:
    """An exclusive lock on ``folder``, or None when another live run holds it."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def normalise_modes(folder: Path) -> None:
    """Files 0644 and folders 0755, whatever the umask (the site writes with write_text)."""
    os.chmod(folder, FOLDER_MODE)
    for dirpath, dirs, files in os.walk(folder):
        for name in dirs:
            os.chmod(os.path.join(dirpath, name), FOLDER_MODE)
        for name in files:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                os.chmod(path, FILE_MODE)


def _merge_manifest(folder: Path, out: Path) -> None:
    """The staged manifest also lists what vaultkg wrote in ``out`` before (export json ...)."""
    names: set[str] = set()
    for manifest in (out / MANIFEST, folder / MANIFEST):
        with suppress(OSError, UnicodeDecodeError):
            names.update(manifest.read_text("utf-8").split())
    if names:
        (folder / MANIFEST).write_text("".join(f"{n}\n" for n in sorted(names)), "utf-8")


def _swap_in(folder: Path, out: Path) -> None:
    """Move each staged entry into ``out``; idempotent, so ``recover`` can finish it."""
    if not out.is_dir():
        out.mkdir(mode=FOLDER_MODE)
        os.chmod(out, FOLDER_MODE)
    old = folder / OLD
    old.mkdir(exist_ok=True)
    for entry in sorted(folder.iterdir()):
        if entry.name in (COMPLETE, OLD):
            continue
        target = out / entry.name
        if os.path.lexists(target):
            aside = old / entry.name
            if aside.is_dir() and not aside.is_symlink():
                shutil.rmtree(aside)
            elif os.path.lexists(aside):
                aside.unlink()
            os.rename(target, aside)
        os.rename(entry, target)


def leftovers(out: Path) -> list[Path]:
    """Staging folders of earlier runs over ``out`` (locked ones belong to a live run)."""
    parent = out.parent
    if not parent.is_dir():
        return []
    prefix = out.name + INFIX
    return sorted(p for p in parent.iterdir() if p.name.startswith(prefix) and p.is_dir())


def recover(out: Path) -> list[str]:
    """Finish or delete what killed runs left beside ``out``; say what was done, one line each."""
    out = Path(os.path.realpath(out))  # staged() works beside the real folder
    done = []
    for folder in leftovers(out):
        fd = _lock(folder)
        if fd is None:
            continue
        try:
            if (folder / COMPLETE).exists():
                with signals_deferred():
                    _swap_in(folder, out)
                done.append(f"{folder}: an interrupted publish was completed")
            else:
                done.append(f"{folder}: an unfinished publish was deleted")
            shutil.rmtree(folder)
        finally:
            os.close(fd)
    return done


@contextmanager
def staged(out: Path) -> Iterator[Stage]:
    """A fresh, locked staging folder beside ``out``; always deleted when the block ends."""
    out = Path(os.path.realpath(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=out.name + INFIX, dir=out.parent))
    fd = _lock(folder)
    stage = Stage(folder, out)
    try:
        yield stage
    finally:
        try:
            # a swap that failed half way (an OSError) is left for ``recover`` to finish
            if stage.committed or not stage.swapping:
                shutil.rmtree(folder, ignore_errors=True)
        finally:
            if fd is not None:
                os.close(fd)


def commit(stage: Stage) -> None:
    """Put every staged export in place of the previous ones, with signals held."""
    _merge_manifest(stage.folder, stage.out)
    normalise_modes(stage.folder)
    with signals_deferred():
        (stage.folder / COMPLETE).touch()
        stage.swapping = True
        _swap_in(stage.folder, stage.out)
        stage.committed = True
