"""Find the files of a vault, as Obsidian would see them."""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .model import Diagnostic

NOTE_SUFFIXES = (".md",)


@dataclass(slots=True, frozen=True)
class VaultFile:
    path: str  # vault-relative, POSIX separators, NFC
    abspath: str
    is_note: bool
    size: int


def _matches(path: str, pattern: str) -> bool:
    pattern = pattern.strip()
    if not pattern:
        return False
    if pattern.endswith("/"):
        return path.startswith(pattern) or path == pattern[:-1]
    if any(c in pattern for c in "*?["):
        return fnmatch.fnmatchcase(path, pattern) or fnmatch.fnmatchcase(path, pattern + "/*")
    return path == pattern or path.startswith(pattern.rstrip("/") + "/")


def _obsidian_filter(path: str, flt: str) -> bool:
    """Obsidian's userIgnoreFilters: "/regex/" patterns, else path prefixes."""
    if len(flt) > 2 and flt.startswith("/") and flt.endswith("/"):
        try:
            return re.search(flt[1:-1], path) is not None
        except re.error:
            return False
    return path.startswith(flt)


def is_excluded(path: str, config: Config) -> bool:
    return any(_matches(path, p) for p in config.exclude) or any(
        _obsidian_filter(path, f) for f in config.obsidian_ignore
    )


def within(path: str, root: str) -> bool:
    """True when the real path ``path`` is ``root`` or lies under it (both resolved)."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _outside(relpath: str, kind: str) -> Diagnostic:
    return Diagnostic(
        relpath,
        1,
        1,
        "warning",
        "outside-vault",
        f"symbolic link to a {kind} outside the vault; not read, so nothing behind it is "
        "published or edited; move what it points to into the vault or remove the link",
    )


def _bad_name(rel: str, raw: str) -> Diagnostic | None:
    """A name that is not valid UTF-8 (os.scandir hands it over with surrogate escapes)."""
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        shown = raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        where = f"{rel}/{shown}" if rel else shown
        return Diagnostic(
            where,
            1,
            1,
            "warning",
            "invalid-name",
            "file name is not valid UTF-8; skipped, rename it (U+FFFD marks the bad bytes)",
        )
    return None


def scan(root: Path, config: Config, diagnostics: list[Diagnostic]) -> Iterator[VaultFile]:
    """Yield notes and attachments under ``root``, sorted, skipping dot folders and exclusions.

    Real folders are walked first, then folders reached through symbolic links, each at most
    once: a link to a folder already read (a link loop among them) is reported and skipped,
    so the scan always ends and the same notes always keep their real paths. A symbolic link
    whose target lies outside the vault is never followed (reported as ``outside-vault``).
    """
    root = root.resolve()
    real_root = os.path.realpath(root)
    seen: set[tuple[int, int]] = set()
    stack = [(str(root), "")]
    linked: list[tuple[str, str]] = []  # folders behind symbolic links, walked last
    found: list[VaultFile] = []
    while stack or linked:
        folder, rel = stack.pop() if stack else linked.pop(0)
        try:
            st = os.stat(folder)
            key = (st.st_dev, st.st_ino)
            if key in seen:
                diagnostics.append(
                    Diagnostic(
                        rel or ".",
                        1,
                        1,
                        "warning",
                        "symlink-loop",
                        "symbolic link to a folder that is already read (a link loop or a "
                        "second path); skipped, remove the link or exclude it in vaultkg.toml",
                    )
                )
                continue
            seen.add(key)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            diagnostics.append(
                Diagnostic(
                    rel or ".",
                    1,
                    1,
                    "error",
                    "unreadable",
                    f"cannot read folder: {exc.strerror}; check its permissions",
                )
            )
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue  # .obsidian, .trash, .git and every other hidden file, as Obsidian does
            bad = _bad_name(rel, entry.name)
            if bad is not None:
                diagnostics.append(bad)
                continue
            name = unicodedata.normalize("NFC", entry.name)
            relpath = f"{rel}/{name}" if rel else name
            try:
                st = entry.stat(follow_symlinks=True)
            except OSError as exc:
                if is_excluded(relpath, config):
                    continue
                diagnostics.append(
                    Diagnostic(
                        relpath,
                        1,
                        1,
                        "error",
                        "unreadable",
                        f"cannot read file: {exc.strerror}; check the link or its permissions",
                    )
                )
                continue
            if is_excluded(relpath, config):
                continue
            if entry.is_symlink() and not within(os.path.realpath(entry.path), real_root):
                kind = "folder" if stat.S_ISDIR(st.st_mode) else "file"
                diagnostics.append(_outside(relpath, kind))
                continue
            if stat.S_ISDIR(st.st_mode):
                (linked if entry.is_symlink() else stack).append((entry.path, relpath))
                continue
            if not stat.S_ISREG(st.st_mode):
                # a named pipe or device would block or never end when read
                diagnostics.append(
                    Diagnostic(
                        relpath,
                        1,
                        1,
                        "warning",
                        "unreadable",
                        "not a regular file (a pipe, socket or device); skipped, move it out "
                        "of the vault",
                    )
                )
                continue
            size = st.st_size
            is_note = name.lower().endswith(NOTE_SUFFIXES)
            if name == "vaultkg.toml" and not rel:
                continue
            found.append(VaultFile(relpath, entry.path, is_note, size))
    found.sort(key=lambda f: f.path)
    yield from found
