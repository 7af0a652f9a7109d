"""Exports that need not be written again: when a publish's inputs are those of the exports
it replaces, their files are linked into the new exports instead of built again.

Each publish writes ``.vaultkg-export-keys.json`` beside its exports: for each export, a key
of everything it is made from, and the size and modification time of each file it wrote.
The key is made from the vault's fingerprint (every note's bytes, the settings, vaultkg's
code: see vault.py), the private notes left out, the run's settings and, where the export
reads them, the notes' modification times (RDF: a note without a ``created`` date is dated
by its file). A vault read without a cache has no fingerprint, and then nothing is reused.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cache import key_of

if TYPE_CHECKING:
    from ..kg.graph import KnowledgeGraph

KEYS = ".vaultkg-export-keys.json"


def export_key(kg: KnowledgeGraph, name: str, title: str | None, *, mtimes: bool) -> str:
    """The key of export ``name`` of ``kg``, or "" when the vault has no fingerprint."""
    vault = kg.vault
    if not vault.fingerprint:
        return ""
    times: list[tuple[str, int]] = []
    if mtimes:
        for path, file in sorted(vault.abspaths.items()):
            try:
                times.append((path, os.stat(file).st_mtime_ns))
            except OSError:
                times.append((path, -1))
    return key_of(
        "export",
        name,
        vault.fingerprint,
        repr(sorted(vault.withheld)),
        vault.include_private,
        title,
        repr(times),
    )


def previous_keys(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / KEYS).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def reuse(previous: dict[str, Any], key: str, out: Path, stage: Path) -> list[Path] | None:
    """Link the files of the export recorded in ``previous`` from ``out`` into ``stage`` when
    its key is ``key`` and every file is still there with its size and modification time (a
    file written since, by ``vaultkg export`` say, is not reused); the paths, or None."""
    if not key or not isinstance(previous, dict) or previous.get("key") != key:
        return None
    files, paths = previous.get("files"), previous.get("paths")
    if not isinstance(files, dict) or not isinstance(paths, list):
        return None
    try:
        for rel, (size, mtime) in files.items():
            st = (out / rel).stat()
            if (st.st_size, st.st_mtime_ns) != (size, mtime):
                return None
        for rel in files:
            dest = stage / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(out / rel, dest)
            except OSError:
                shutil.copy2(out / rel, dest)
    except (OSError, TypeError, ValueError):
        return None
    return [stage / p for p in paths]


def record(key: str, paths: list[Path], stage: Path, entry: str) -> dict[str, Any]:
    """What ``previous_keys`` reads back for an export written into ``stage``: every file of
    its ``entry`` (its manifest included), and the paths it reported."""
    top = stage / entry
    found = [top] if top.is_file() else [p for p in top.rglob("*") if p.is_file()]
    files = {}
    for file in found:
        st = file.stat()
        files[file.relative_to(stage).as_posix()] = [st.st_size, st.st_mtime_ns]
    return {
        "key": key,
        "paths": [p.relative_to(stage).as_posix() for p in paths],
        "files": files,
    }


def write_keys(stage: Path, keys: dict[str, Any]) -> None:
    (stage / KEYS).write_text(json.dumps(keys, indent=1, sort_keys=True) + "\n", "utf-8")
