"""A content-addressed cache of per-note parse results and of built graphs.

Entries live outside the vault: ``$VAULTKG_CACHE_DIR``, else ``[cache] dir`` in vaultkg.toml
(relative to the vault), else ``$XDG_CACHE_HOME/vaultkg`` (``~/.cache/vaultkg``).
``VAULTKG_NO_CACHE=1`` turns it off (``vaultkg --no-cache``).

Every key folds in a digest of vaultkg's own code and data, so an upgrade (or an edit of the
source) never reads an entry written by other code. Each entry is one file, written to a
temporary name and moved into place with ``os.replace``: concurrent runs never see half an
entry. A missing, truncated, corrupt or unreadable entry is a miss and is rebuilt; the cache
never makes a command fail.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

ENV_DIR = "VAULTKG_CACHE_DIR"
ENV_OFF = "VAULTKG_NO_CACHE"
FORMAT = 1  # bump when an entry's layout changes
# entries kept of the kinds that hold a whole vault or graph (one per state of a vault)
KEEP_WHOLE = 8
_MAGIC = b"vkgc1\n"
_DIGEST = 16  # bytes of blake2b over the payload, checked on every read


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of vaultkg's version, its Python files and its data (the vocabulary): what
    every cached result depends on besides the vault itself."""
    from . import __version__

    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT} {__version__} {sys.version_info[:2]}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".gz", ".json", ".ttl") and path.is_file():
            h.update(str(path.relative_to(package)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def key_of(*parts: str | bytes | int | float | bool | None) -> str:
    """One key from its parts (length-prefixed, so no two part lists collide)."""
    h = hashlib.blake2b(digest_size=20)
    h.update(code_digest().encode())
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode()
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Cache:
    """Entries under ``root``: ``root/<kind>/<key[:2]>/<key>``."""

    root: Path

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / key

    def get(self, kind: str, key: str) -> Any | None:
        """The value stored under ``key``, or None when there is none or it is damaged."""
        try:
            with open(self._path(kind, key), "rb") as fh:
                blob = fh.read()
        except OSError:
            return None
        head = len(_MAGIC) + _DIGEST
        if len(blob) < head or not blob.startswith(_MAGIC):
            return None
        payload = memoryview(blob)[head:]
        if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != blob[len(_MAGIC) : head]:
            return None  # truncated or corrupt: rebuilt by the caller
        was_enabled = gc.isenabled()
        gc.disable()  # the collector would walk every object made so far, again and again
        try:
            # pickle runs code named in the data it reads, so it is only read from a folder
            # the user owns and no one else can write (see open_cache), and only after the
            # checksum matched what this code wrote.
            value = pickle.loads(payload)
        except Exception:  # a damaged entry is a miss, whatever the unpickler says
            return None
        finally:
            if was_enabled:
                # what was read lives as long as the command: leave it out of later
                # collections (it is still freed by reference counting; it has no cycles)
                gc.freeze()
                gc.enable()
        return value

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store ``value``; a full disk or a read-only folder only means no entry."""
        path = self._path(kind, key)
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:8]}.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(_MAGIC)
                    fh.write(hashlib.blake2b(payload, digest_size=_DIGEST).digest())
                    fh.write(payload)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError, RecursionError):
            return

    def touch(self, kind: str, key: str) -> None:
        """Mark an entry as just used (``prune`` keeps the most recently used)."""
        with contextlib.suppress(OSError):
            os.utime(self._path(kind, key))

    def prune(self, kind: str, keep: int) -> None:
        """Keep the ``keep`` most recently used entries of ``kind``, for the kinds with one
        large entry per state of a vault (each edit makes a new one)."""
        try:
            entries = [p for p in (self.root / kind).glob("*/*") if not p.name.startswith(".")]
            entries.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        except OSError:
            return
        for path in entries[keep:]:
            with contextlib.suppress(OSError):
                path.unlink()

    def get_many(self, kind: str, keys: Iterable[str]) -> dict[str, Any]:
        found = {}
        for key in keys:
            value = self.get(kind, key)
            if value is not None:
                found[key] = value
        return found


def default_dir(vault: Path, configured: Any = None) -> Path:
    """Where the cache goes: the environment, then vaultkg.toml, then the user cache dir."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env).expanduser()
    if isinstance(configured, str) and configured:
        path = Path(configured).expanduser()
        return path if path.is_absolute() else vault / path
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vaultkg"


def disabled() -> bool:
    return os.environ.get(ENV_OFF, "") not in ("", "0")


def open_cache(vault: Path, configured: Any = None) -> Cache | None:
    """The cache for ``vault``, or None when it is off or its folder cannot be used safely
    (not creatable, or owned or writable by another user)."""
    if disabled():
        return None
    root = default_dir(vault, configured)
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = root.stat()
    except OSError:
        return None
    if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
        return None  # someone else could plant entries: never unpickle from there
    return Cache(root)
