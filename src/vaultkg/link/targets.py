"""The entities the linker may link to: mentionable notes, their names and link targets."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Config
from ..folding import fold
from ..kg.entities import MENTIONABLE_TYPES, note_types
from ..kg.names import NameMatcher
from ..kg.vocabulary import Term, Vocabulary, builtin, fold_name
from ..model import Note
from ..resolve import LinkIndex

# Obsidian cannot link to a file whose name holds one of these.
_UNLINKABLE = set("[]|#^")


@dataclass(slots=True, frozen=True)
class Entity:
    path: str
    title: str
    type: str
    names: tuple[str, ...]  # title first, then aliases
    target: str  # what to write in [[...]]: the title, or the path when titles clash


@dataclass(slots=True)
class EntityTable:
    entities: dict[str, Entity] = field(default_factory=dict)
    matcher: NameMatcher = field(default_factory=lambda: NameMatcher([]))

    def lookup(self, written: str) -> list[Entity]:
        """Entities whose path, path without .md, title or alias is ``written``."""
        key = fold(written.strip().strip("/"))
        if key.endswith(".md"):
            key = key[:-3]
        found = [
            e
            for e in self.entities.values()
            if key == fold(e.path[:-3]) or key in (fold(n) for n in e.names)
        ]
        return sorted(found, key=lambda e: e.path)


def _link_target(note: Note, index: LinkIndex | None) -> str:
    """The title when ``[[title]]`` resolves to this note, else the path without .md."""
    if index is not None:
        found = index.resolve(note.title, note.path)
        if found.path != note.path or found.status != "ok":
            return note.path[:-3] if note.path.lower().endswith(".md") else note.path
    return note.title


def build_entities(
    notes: dict[str, Note],
    config: Config,
    index: LinkIndex | None,
    min_length: int = 2,
    vocabulary: Vocabulary | None = None,
) -> EntityTable:
    """Every note of a mentionable type (drug, receptor, ...) with the names it goes by.

    Only notes are link targets. A note that is a vocabulary term (by its title or an alias)
    is also found by the term's other names, and by its short ambiguous names (``D2``) only
    where the context says it is meant, as in claim extraction.
    """
    vocab = vocabulary if vocabulary is not None else builtin()
    table = EntityTable()
    pairs: list[tuple[str, str]] = []
    contextual: list[tuple[str, str]] = []
    terms: dict[str, Term] = {}
    types = note_types(notes.values(), config, vocab)
    for path in sorted(notes):
        note = notes[path]
        typ, term = types[path]
        if typ not in MENTIONABLE_TYPES or _UNLINKABLE & set(note.title):
            continue
        names = tuple(dict.fromkeys(n for n in note.names if isinstance(n, str) and n.strip()))
        table.entities[path] = Entity(path, note.title, typ, names, _link_target(note, index))
        pairs.extend((n, path) for n in names if not _UNLINKABLE & set(n))
        if term is not None:
            terms[path] = term
    own = {fold_name(n) for n, _ in pairs}
    for path, term in terms.items():
        for names, into in ((term.all_names[: 1 + len(term.names)], pairs),
                            (term.context_names, contextual)):  # fmt: skip
            into.extend(
                (n, path) for n in names if fold_name(n) not in own and not _UNLINKABLE & set(n)
            )
    table.matcher = NameMatcher(pairs, min_length=min_length, contextual=contextual)
    return table
