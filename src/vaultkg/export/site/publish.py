"""Which notes go into the published site: the public ones (see vaultkg.privacy)."""

from __future__ import annotations

from ...config import Config
from ...model import Note
from ...privacy import excluded_by_config, flag, is_private

__all__ = ["excluded_by_config", "flag", "is_published", "published_notes"]


def is_published(note: Note, config: Config) -> bool:
    return not is_private(note, config)


def published_notes(
    notes: dict[str, Note], config: Config, *, everything: bool = False
) -> set[str]:
    """Every public note; every note at all with ``everything`` (--include-private)."""
    if everything:
        return set(notes)
    return {path for path, note in notes.items() if is_published(note, config)}
