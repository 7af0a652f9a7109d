"""Where the site may be written, and replacing it in one step.

The site is built in a temporary folder beside the output folder and swapped in with renames,
so a failed export leaves the previous site as it was. An output folder is only ever replaced
when it is empty or holds a site vaultkg wrote (it carries a marker file); never the vault, a
folder inside the vault, a folder that holds the vault or any Markdown note.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

MARKER = ".vaultkg-site"


class SiteError(Exception):
    """The site cannot be written where asked; the message says why and what to do."""


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _first_note(folder: Path) -> Path | None:
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            if name.lower().endswith(".md"):
                return Path(dirpath) / name
    return None


def check_output(out_dir: Path, vault_root: Path) -> None:
    """Refuse an output folder that would overwrite notes or anything not ours."""
    out = out_dir.resolve()
    vault = vault_root.resolve()
    if out == vault:
        raise SiteError(f"{out_dir}: this is the vault itself; choose an output folder outside it")
    if _is_within(out, vault):
        raise SiteError(
            f"{out_dir}: this folder is inside the vault {vault_root}; "
            "choose an output folder outside it (e.g. exports/site)"
        )
    if _is_within(vault, out):
        raise SiteError(
            f"{out_dir}: this folder holds the vault {vault_root}; "
            "choose an output folder of its own (e.g. exports/site)"
        )
    if out.exists() and not out.is_dir():
        raise SiteError(f"{out_dir}: a file, not a folder; choose a folder for the site")
    if out.is_dir():
        note = _first_note(out)
        if note is not None:
            raise SiteError(
                f"{out_dir}: holds Markdown notes ({note.relative_to(out)}); the export would "
                "replace them; choose an empty or new folder"
            )
        if any(out.iterdir()) and not (out / MARKER).is_file():
            raise SiteError(
                f"{out_dir}: not empty and not a site written by vaultkg; the export replaces "
                "the whole folder, so choose an empty or new folder"
            )


def replace_atomically(out_dir: Path, build: Callable[[Path], None]) -> None:
    """Run ``build`` into a fresh sibling folder, then swap it in for ``out_dir``."""
    parent = out_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=parent))
    try:
        build(tmp)
        (tmp / MARKER).write_text("This folder is written by `vaultkg export html`.\n", "utf-8")
        os.chmod(tmp, 0o755)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    target = out_dir.resolve()
    old: Path | None = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=parent))
        os.rmdir(old)
        os.rename(target, old)
    try:
        os.rename(tmp, target)
    except BaseException:
        if old is not None:
            os.rename(old, target)
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
