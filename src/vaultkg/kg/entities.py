"""What a note is about: its entity type and the names it goes by."""

from __future__ import annotations

from ..config import Config
from ..model import Note

ENTITY_TYPES = (
    "drug",
    "receptor",
    "transporter",
    "enzyme",
    "neurotransmitter",
    "mechanism",
    "source",
    "claim",
)
TARGET_TYPES = frozenset({"receptor", "transporter", "enzyme"})
# Types that stand for a thing in the world, and so are "mentioned" by prose.
MENTIONABLE_TYPES = frozenset(ENTITY_TYPES) - {"source", "claim"}

_SYNONYMS = {
    "drugs": "drug",
    "medication": "drug",
    "compound": "drug",
    "ligand": "drug",
    "receptors": "receptor",
    "ion channel": "receptor",
    "ion-channel": "receptor",
    "ion_channel": "receptor",
    "channel": "receptor",
    "transporters": "transporter",
    "enzymes": "enzyme",
    "neurotransmitters": "neurotransmitter",
    "transmitter": "neurotransmitter",
    "mechanisms": "mechanism",
    "sources": "source",
    "reference": "source",
    "paper": "source",
    "claims": "claim",
}


def normalise_type(value: object) -> str | None:
    """Map a written type ("Drug", "ion channel", "receptors") to one of ENTITY_TYPES."""
    if not isinstance(value, str):
        return None
    key = value.strip().lower()
    key = _SYNONYMS.get(key, key)
    return key if key in ENTITY_TYPES else None


def entity_type(note: Note, config: Config) -> str:
    """The first rule that applies: ``type:`` property, a type tag, a folder mapping."""
    declared = note.property("type")
    if isinstance(declared, list) and declared:
        declared = declared[0]
    found = normalise_type(declared)
    if found:
        return found
    for tag in note.tags:
        name = tag.name.lower()
        if name.startswith("type/"):
            name = name[5:]
        found = normalise_type(name)
        if found:
            return found
    best = ""
    for folder, typ in config.types.items():
        prefix = folder.strip("/") + "/"
        if note.path.startswith(prefix) and len(prefix) > len(best):
            best, found = prefix, normalise_type(typ)
    return found or "concept"
