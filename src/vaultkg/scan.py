"""Find the files of a vault, as Obsidian would see them."""

from __future__ import annotations

import fnmatch
import os
import re
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


def scan(root: Path, config: Config, diagnostics: list[Diagnostic]) -> Iterator[VaultFile]:
    """Yield notes and attachments under ``root``, sorted, skipping dot folders and exclusions.

    Symbolic links are followed once: a link back into a folder already walked is skipped,
    so a link loop cannot hang the scan.
    """
    root = root.resolve()
    seen: set[tuple[int, int]] = set()
    stack = [(str(root), "")]
    found: list[VaultFile] = []
    while stack:
        folder, rel = stack.pop()
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
                        "folder is reached twice through symbolic links; read once",
                    )
                )
                continue
            seen.add(key)
            entries = list(os.scandir(folder))
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
            name = unicodedata.normalize("NFC", entry.name)
            if name.startswith("."):
                continue  # .obsidian, .trash, .git and every other hidden file, as Obsidian does
            relpath = f"{rel}/{name}" if rel else name
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_excluded(relpath, config):
                continue
            if is_dir:
                stack.append((entry.path, relpath))
                continue
            try:
                size = entry.stat(follow_symlinks=True).st_size
            except OSError as exc:
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
            is_note = name.lower().endswith(NOTE_SUFFIXES)
            if name == "vaultkg.toml" and not rel:
                continue
            found.append(VaultFile(relpath, entry.path, is_note, size))
    found.sort(key=lambda f: f.path)
    yield from found
