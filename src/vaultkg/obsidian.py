"""Folders named in Obsidian's own settings (``.obsidian/``): read once, here."""

from __future__ import annotations

import json
from pathlib import Path

# (settings file, key, how the folder is described) for the folders that hold templates
TEMPLATE_SETTINGS = (
    (".obsidian/templates.json", "folder", ".obsidian/templates.json"),
    (".obsidian/plugins/templater-obsidian/data.json", "templates_folder", "Templater settings"),
)


def setting(root: Path, relpath: str, key: str) -> str | None:
    """A folder named in one of Obsidian's JSON settings files, if it is readable.

    Never the vault root itself ("" or "/"): that would name every note.
    """
    try:
        data = json.loads((root / relpath).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get(key) if isinstance(data, dict) else None
    return value.strip().strip("/") if isinstance(value, str) and value.strip("/ ") else None


def template_folders(root: Path) -> dict[str, str]:
    """The templates folders Obsidian's core plugin and Templater are set to: folder -> why."""
    found: dict[str, str] = {}
    for relpath, key, why in TEMPLATE_SETTINGS:
        folder = setting(root, relpath, key)
        if folder:
            found.setdefault(folder, why)
    return found
