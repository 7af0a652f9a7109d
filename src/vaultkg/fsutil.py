"""Writing files safely: notes edited in place of their owner, exports only where they belong.

Two jobs, one home:

* ``write_note`` replaces a note's bytes if it still holds what was read, keeping its owner,
  group, mode, hard links and symbolic links (the real file is written, the link stays).
* ``check_export_file`` / ``record_export`` keep exports out of the vault and off files
  vaultkg did not write: each output folder lists what vaultkg wrote there in a manifest.

``signals_as_exceptions`` turns SIGTERM and SIGHUP into ``Interrupted`` (a KeyboardInterrupt),
so every ``except BaseException`` clean-up that already removes temporary files runs for
them as it does for Ctrl-C; while a note is being written, the signals are held until it is
complete (``signals_deferred``).
"""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

MANIFEST = ".vaultkg-outputs"
_SNIFF = 4096


class Interrupted(KeyboardInterrupt):
    """SIGINT, SIGTERM or SIGHUP arrived; the command stops and cleans up."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class OutputError(Exception):
    """An export may not be written where asked; the message says why and what to do."""


@contextmanager
def signals_as_exceptions() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise ``Interrupted`` in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, _frame: object) -> None:
        raise Interrupted(signum)

    old = {}
    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is not None:
            old[sig] = signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, previous in old.items():
            signal.signal(sig, previous)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP until the block ends, so that one note is always
    written whole or not at all; they are delivered (and raise) as soon as it is done.

    The handlers are swapped rather than the thread's signal mask changed: a process-directed
    signal goes to any thread that does not block it (numpy's and BLAS's worker threads
    included), and Python then runs the handler in the main thread anyway."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)}
    pending: list[int] = []

    def hold(signum: int, frame: object) -> None:
        pending.append(signum)

    old = {s: signal.signal(s, hold) for s in held}
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
        if pending:
            signal.raise_signal(pending[0])


# -- notes ----------------------------------------------------------------------------------


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fsync_folder(folder: str) -> None:
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


def is_read_only(st: os.stat_result) -> bool:
    """No write bit at all: the user marked the note read-only (root would ignore it)."""
    return not stat.S_IMODE(st.st_mode) & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def _short(name: str, limit: int = 100) -> str:
    """``name`` cut to ``limit`` UTF-8 bytes, so a temporary name stays under NAME_MAX."""
    raw = name.encode("utf-8", "surrogateescape")
    return name if len(raw) <= limit else raw[:limit].decode("utf-8", "ignore")


def _write_in_place(real: str, want: str, new: bytes) -> str | None:
    """Overwrite the file's own inode: hard links and owner stay as they are."""
    with open(real, "r+b") as fh:
        if _digest(fh.read()) != want:
            return "changed since it was read; run vaultkg link again"
        fh.seek(0)
        fh.write(new)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())
    return None


def _replace(real: str, st: os.stat_result, want: str, new: bytes) -> str | None:
    """Write a sibling temporary file with the same owner and mode and rename it over."""
    folder, name = os.path.split(real)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{_short(name)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(new)
            fh.flush()
            os.fchmod(fh.fileno(), stat.S_IMODE(st.st_mode))
            made = os.fstat(fh.fileno())
            if (made.st_uid, made.st_gid) != (st.st_uid, st.st_gid):
                os.fchown(fh.fileno(), st.st_uid, st.st_gid)
            os.fsync(fh.fileno())
        with open(real, "rb") as fh:
            if _digest(fh.read()) != want:
                os.unlink(tmp)
                return "changed since it was read; run vaultkg link again"
        os.replace(tmp, real)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_folder(folder)
    return None


def write_note(
    path: str | Path, expected: bytes, new: bytes, *, root: str | Path, force: bool = False
) -> str | None:
    """Replace the note at ``path`` with ``new`` if it still holds ``expected``.

    Returns None when written, else the reason it was left alone. A symbolic link is followed
    to its real file, which must lie inside ``root``; the link itself is kept. A file with
    several hard links is written in place (same inode); any other file through a temporary
    file renamed over it, with the original owner, group and mode. A read-only file (no write
    bit) is refused unless ``force``.
    """
    real = os.path.realpath(path)
    real_root = os.path.realpath(root)
    if not (real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)):
        return "its real file is outside the vault (a symbolic link); not written"
    try:
        st = os.stat(real)
    except OSError as exc:
        return f"cannot read it any more ({exc.strerror})"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file any more"
    if is_read_only(st) and not force:
        return "the file is read-only; make it writable or add --force to write anyway"
    want = _digest(expected)
    with signals_deferred():
        if st.st_nlink > 1:
            return _write_in_place(real, want, new)
        try:
            return _replace(real, st, want, new)
        except PermissionError:
            # cannot give the new file the note's owner (not root): keep the inode instead
            return _write_in_place(real, want, new)


# -- exports --------------------------------------------------------------------------------


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _manifest(folder: Path) -> set[str]:
    try:
        return set((folder / MANIFEST).read_text("utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return set()


def written_by_vaultkg(path: Path) -> bool:
    """Listed in its folder's manifest, or an older export that names vaultkg at its top."""
    if path.name in _manifest(path.parent):
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(_SNIFF)
    except OSError:
        return False
    return b'"generator": "vaultkg' in head or b"vaultkg.example.org/schema" in head


def check_export_file(path: Path, vault_root: Path) -> None:
    """Raise OutputError unless vaultkg may write the export file ``path``."""
    out = Path(os.path.realpath(path))
    vault = Path(os.path.realpath(vault_root))
    if _inside(out, vault):
        raise OutputError(
            f"{path}: inside the vault {vault_root}; vaultkg never writes into a vault, "
            "choose an output outside it"
        )
    if out.suffix.lower() == ".md":
        raise OutputError(f"{path}: a Markdown note; choose another output file")
    if not os.path.lexists(path):
        return
    if os.path.islink(path) or not out.is_file():
        raise OutputError(f"{path}: not a regular file; choose another output")
    if out.stat().st_size and not written_by_vaultkg(out):
        raise OutputError(
            f"{path}: exists and was not written by vaultkg; it is left alone, choose "
            "another output or remove the file"
        )


def check_export_folder(folder: Path, vault_root: Path) -> None:
    """Raise OutputError when ``folder`` is, holds, or lies in the vault."""
    out = Path(os.path.realpath(folder))
    vault = Path(os.path.realpath(vault_root))
    if _inside(out, vault) or _inside(vault, out):
        raise OutputError(
            f"{folder}: the output folder is or holds the vault {vault_root}; vaultkg never "
            "writes into a vault, choose a folder outside it (the default is ./exports)"
        )
    if os.path.lexists(folder) and not out.is_dir():
        raise OutputError(f"{folder}: not a folder; give a folder to write into")


def record_export(path: Path) -> None:
    """Add ``path`` to its folder's manifest of files vaultkg wrote."""
    names = _manifest(path.parent)
    if path.name in names:
        return
    names.add(path.name)
    write_atomic(path.parent / MANIFEST, "".join(f"{n}\n" for n in sorted(names)).encode())


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary sibling and rename it into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{_short(path.name)}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_export(path: Path, data: bytes, vault_root: Path) -> Path:
    """Check, write atomically and record one export file."""
    check_export_file(path, vault_root)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)
    record_export(path)
    return path
