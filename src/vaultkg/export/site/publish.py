"""Which notes go into the published site."""

from __future__ import annotations

import fnmatch

from ...config import Config
from ...model import Note

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def _flag(value: object) -> bool | None:
    """A front matter boolean, written as YAML true/false or as a string."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    return None


def excluded_by_config(path: str, patterns: list[str]) -> bool:
    """``[publish] exclude`` in vaultkg.toml: folders ("Private/"), paths and globs."""
    for raw in patterns:
        pattern = raw.strip().lstrip("/")
        if not pattern:
            continue
        if pattern.endswith("/"):
            if path.startswith(pattern):
                return True
        elif any(c in pattern for c in "*?["):
            if fnmatch.fnmatchcase(path, pattern) or fnmatch.fnmatchcase(path, pattern + "/*"):
                return True
        elif path == pattern or path.startswith(pattern + "/") or path == pattern + ".md":
            return True
    return False


def is_published(note: Note, config: Config) -> bool:
    """``publish: false`` or ``draft: true`` in front matter, or an excluded path, keep it out."""
    if _flag(note.properties.get("publish")) is False:
        return False
    if _flag(note.properties.get("draft")) is True:
        return False
    return not excluded_by_config(note.path, config.publish_exclude)


def published_notes(notes: dict[str, Note], config: Config) -> set[str]:
    return {path for path, note in notes.items() if is_published(note, config)}
