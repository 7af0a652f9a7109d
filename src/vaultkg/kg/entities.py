"""What a note is about: its entity type, the vocabulary term it is, the names it goes by."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..config import Config
from ..model import Note, Tag
from .identifiers import converter, identifiers_of
from .model import Entity
from .vocabulary import TERM_TYPES, Term, Vocabulary, fold_name

ENTITY_TYPES = (*TERM_TYPES, "source", "claim")
TARGET_TYPES = frozenset({"receptor", "channel", "transporter", "enzyme"})
# Types that stand for a thing in the world, and so are "mentioned" by prose.
MENTIONABLE_TYPES = frozenset(ENTITY_TYPES) - {"source", "claim"}

_SYNONYMS = {
    "drugs": "drug",
    "medication": "drug",
    "medications": "drug",
    "medicine": "drug",
    "medicines": "drug",
    "compound": "drug",
    "ligand": "drug",
    "substance": "drug",
    "drug class": "drug-class",
    "drug_class": "drug-class",
    "drug-classes": "drug-class",
    "drug classes": "drug-class",
    "receptors": "receptor",
    "ion channel": "channel",
    "ion-channel": "channel",
    "ion_channel": "channel",
    "ion channels": "channel",
    "channels": "channel",
    "transporters": "transporter",
    "enzymes": "enzyme",
    "neurotransmitters": "neurotransmitter",
    "transmitter": "neurotransmitter",
    "mechanisms": "mechanism",
    "sources": "source",
    "reference": "source",
    "references": "source",
    "paper": "source",
    "papers": "source",
    "article": "source",
    "articles": "source",
    "book": "source",
    "books": "source",
    "literature": "source",
    "publication": "source",
    "claims": "claim",
}
# Properties besides ``type`` that people use for the kind of a note.
TYPE_PROPERTIES = ("category", "kind", "categories")
# Folder names that say what their notes are, whatever the folder above them; a vault's
# ``[types]`` in vaultkg.toml overrides them.
DEFAULT_FOLDERS = {
    "drugs": "drug",
    "drug": "drug",
    "medications": "drug",
    "medicines": "drug",
    "drug classes": "drug-class",
    "receptors": "receptor",
    "targets": "receptor",  # the vocabulary says which kind of target, when it knows
    "transporters": "transporter",
    "enzymes": "enzyme",
    "ion channels": "channel",
    "channels": "channel",
    "neurotransmitters": "neurotransmitter",
    "mechanisms": "mechanism",
    "sources": "source",
    "references": "source",
    "literature": "source",
    "papers": "source",
    "zotero": "source",
    "readwise": "source",
    "claims": "claim",
}


def normalise_type(value: object) -> str | None:
    """Map a written type ("Drug", "ion channel", "receptors") to one of ENTITY_TYPES."""
    if not isinstance(value, str):
        return None
    key = " ".join(value.strip().lower().lstrip("#").replace("[[", "").replace("]]", "").split())
    key = _SYNONYMS.get(key, key)
    return key if key in ENTITY_TYPES else None


def _first_type(value: object) -> str | None:
    for v in value if isinstance(value, list) else [value]:
        found = normalise_type(v)
        if found:
            return found
    return None


def _tag_type(name: str) -> str | None:
    """``#drug``, ``#type/drug``, ``#source/book``, ``#pharmacology/drugs``."""
    parts = [p for p in name.lower().split("/") if p]
    if parts and parts[0] == "type":
        parts = parts[1:2]
    for part in (parts[-1:] + parts[:1]) if parts else []:
        found = normalise_type(part)
        if found:
            return found
    return None


def declared_type(note: Note) -> str | None:
    """The type a note gives itself (property, inline field, tag); None when it says none."""
    found = _first_type(note.property("type"))
    if found:
        return found
    for fld in note.fields:
        if fld.key.strip().lower() == "type":
            found = normalise_type(fld.value)
            if found:
                return found
    for key in TYPE_PROPERTIES:
        found = _first_type(note.property(key))
        if found:
            return found
    for tag in note.tags:
        found = _tag_type(tag.name)
        if found and _tags_the_note(note, tag):
            return found
    return None


_TAG_LINE = re.compile(r"^[\s>*+-]*(?:(?:tags?|type)\s*::?\s*)?(?:#[^\s#]+[\s,]*)+$", re.I)


def _tags_the_note(note: Note, tag: Tag) -> bool:
    """Front matter tags and inline tags above the first heading or on a line of tags say
    what the note is; one inside a section ("## Acyclovir #drug", "give dexamethasone #drug"
    in a note on croup) marks that passage only."""
    if tag.source == "frontmatter":
        return True
    if not note.headings or tag.line < min(h.line for h in note.headings):
        return True
    lines = note.text.splitlines()
    return 0 < tag.line <= len(lines) and bool(_TAG_LINE.match(lines[tag.line - 1]))


def folder_type(path: str, config: Config) -> str | None:
    """The deepest ``[types]`` folder holding ``path``, else the deepest well-known folder."""
    best = ""
    found: str | None = None
    for folder, typ in config.types.items():
        prefix = folder.strip("/") + "/"
        if path.startswith(prefix) and len(prefix) > len(best):
            best, found = prefix, normalise_type(typ)
    if best:
        return found
    for folder in reversed(path.split("/")[:-1]):
        typ = DEFAULT_FOLDERS.get(" ".join(folder.lower().replace("_", " ").split()))
        if typ:
            return typ
    return None


def vocabulary_term(note: Note, vocabulary: Vocabulary, etype: str | None = None) -> Term | None:
    """The vocabulary term a note's title or an alias names ("Muscarinic Receptors" too),
    of a kind that fits ``etype`` when the note has a type."""
    if not len(vocabulary):
        return None
    for name in note.names:
        if not isinstance(name, str):
            continue
        for form in _forms(name):
            terms = vocabulary.lookup(form)
            if etype is not None:
                terms = [t for t in terms if same_kind(etype, t.type)]
            else:  # a note named only by an ambiguous short name ("ACE") needs a type
                terms = [t for t in terms if not _only_context(form, t)]
            if terms:
                return terms[0]
    return None


def _only_context(name: str, term: Term) -> bool:
    folded = fold_name(name)
    return all(fold_name(n) != folded for n in (term.label, *term.names))


def _forms(name: str) -> list[str]:
    """A name and, when its last word is a plural, the name in the singular."""
    out = [name]
    words = name.split()
    last = words[-1] if words else ""
    if len(last) > 3 and last.endswith("s") and not last.isupper():
        out.append(" ".join([*words[:-1], last[:-1]]))
    return out


_GENERIC_TITLE = re.compile(
    r"(?:(?:list\s+of|all|my|index\s+of)\s+)?(?:drugs?|medications?|medicines?|receptors?|"
    r"targets?|enzymes?|transporters?|channels?|neurotransmitters?|mechanisms?|sources?|"
    r"references?|drug\s+class(?:es)?|pharmacology)(?:\s+(?:index|moc|list|overview))?"
)


def entity_type(note: Note, config: Config, vocabulary: Vocabulary | None = None) -> str:
    """The first rule that applies: ``type:``, ``type::``, ``category:``, a tag, a folder,
    then the vocabulary term the title or an alias names; otherwise ``concept``."""
    return _typed(note, config, vocabulary)[0]


def _typed(note: Note, config: Config, vocabulary: Vocabulary | None) -> tuple[str, bool]:
    """(type, whether only the note's name gave it)."""
    if note.property("type") is None and _GENERIC_TITLE.fullmatch(fold_name(note.title)):
        return "concept", False  # "Drugs", "Receptors": an index of a kind, not one of it
    found = declared_type(note)
    if found:
        return found, False
    term = vocabulary_term(note, vocabulary) if vocabulary is not None else None
    found = folder_type(note.path, config)
    if found == "receptor" and term is not None and term.type in TARGET_TYPES:
        return term.type, False  # a "Targets" folder holds transporters and enzymes too
    if found:
        return found, False
    return (term.type, True) if term is not None else ("concept", False)


def note_types(
    notes: Iterable[Note], config: Config, vocabulary: Vocabulary
) -> dict[str, tuple[str, Term | None]]:
    """Each note's entity type and the vocabulary term it is, vault-wide.

    A note typed by nothing but its name ("Ketamine") is the term only when no typed note is
    that term and no other such note names it: a reading list titled "Ketamine" does not
    compete with ``Drugs/Ketamine.md`` (``type: drug``).
    """
    out: dict[str, tuple[str, Term | None]] = {}
    by_name: dict[str, list[str]] = defaultdict(list)
    claimed: set[str] = set()
    for note in notes:
        etype, name_only = _typed(note, config, vocabulary)
        term = None
        if etype not in ("source", "claim"):
            term = vocabulary_term(note, vocabulary, etype)
        out[note.path] = (etype, term)
        if term is not None:
            if name_only:
                by_name[term.id].append(note.path)
            else:
                claimed.add(term.id)
    for term_id, paths in by_name.items():
        if term_id in claimed or len(paths) > 1:
            for path in paths:
                out[path] = ("concept", None)
    return out


# -- entities from notes and from the vocabulary ---------------------------------------------

VOCAB_PREFIX = "vocab:"
_KINDRED = (TARGET_TYPES, frozenset({"drug", "drug-class"}))


def vocab_key(term_id: str) -> str:
    """The key of a vocabulary term's entity when no note is about it."""
    return VOCAB_PREFIX + term_id


def same_kind(note_type: str, term_type: str) -> bool:
    """A note typed ``receptor`` may still be the vocabulary's channel, a drug its class."""
    return note_type == term_type or any(note_type in k and term_type in k for k in _KINDRED)


def note_entity(note: Note, etype: str, term: Term | None) -> Entity:
    """The entity a note stands for; a vocabulary term it names adds identifiers."""
    idents = [
        (i.curie, i.iri) for i in identifiers_of(note.properties, target=etype in TARGET_TYPES)
    ]
    if term is not None:
        idents.extend(_term_identifiers(term, {c for c, _ in idents}))
    return Entity(
        key=note.path,
        title=note.title,
        type=etype,
        aliases=list(note.aliases),
        identifiers=idents,
        tags=sorted({t.name for t in note.tags}),
        note=note.path,
        vocab_id=term.id if term else None,
    )


def term_entity(term: Term) -> Entity:
    names = [n for n in (*term.names, *term.context_names) if n != term.label]
    return Entity(
        key=vocab_key(term.id),
        title=term.label,
        type=term.type,
        aliases=list(dict.fromkeys(names)),
        identifiers=_term_identifiers(term, set()),
        vocab_id=term.id,
    )


def _term_identifiers(term: Term, have: set[str]) -> list[tuple[str, str]]:
    conv, _ = converter()
    out = []
    for curie in term.identifiers:
        if curie not in have:
            iri = conv.expand(curie, strict=False)
            if iri:
                out.append((curie, iri))
    return out


def with_vocabulary(entities: dict[str, Entity], vocabulary: Vocabulary) -> dict[str, Entity]:
    """The vault's entities, then one per vocabulary term no note is about (to be pruned
    once claims show which are mentioned); parents point at entity keys."""
    by_term = {e.vocab_id: e.key for e in entities.values() if e.vocab_id}
    out = dict(entities)
    for term in vocabulary:
        if term.id not in by_term:
            entity = term_entity(term)
            out[entity.key] = entity
            by_term[term.id] = entity.key
    for entity in out.values():
        term = vocabulary.get(entity.vocab_id) if entity.vocab_id else None
        if term is not None:
            entity.parents = [by_term[p] for p in term.parents if p in by_term]
    return out


def name_pairs(
    entities: dict[str, Entity], vocabulary: Vocabulary
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(name, key) pairs for the matcher: those that match anywhere, and context names.

    A name a vault note goes by is that note's alone: the vocabulary never competes with it.
    """
    plain: list[tuple[str, str]] = []
    contextual: list[tuple[str, str]] = []
    vault_names: set[str] = set()
    for e in entities.values():
        if e.note is not None and e.type in MENTIONABLE_TYPES:
            plain.extend((n, e.key) for n in e.names)
            vault_names.update(fold_name(n) for n in e.names)
    for e in entities.values():
        term = vocabulary.get(e.vocab_id) if e.vocab_id else None
        if term is None or e.type not in MENTIONABLE_TYPES:
            continue
        mine = e.note is not None
        for names, into in ((term.all_names[: 1 + len(term.names)], plain),
                            (term.context_names, contextual)):  # fmt: skip
            into.extend((n, e.key) for n in names if mine or fold_name(n) not in vault_names)
    return plain, contextual


def class_mechanisms(
    entities: dict[str, Entity], vocabulary: Vocabulary
) -> dict[str, list[tuple[str, str]]]:
    """Drug-class entity key → its mechanism as (action, target entity key) pairs.

    "Donepezil is an acetylcholinesterase inhibitor" names a class; what the class does is
    what the sentence says of donepezil.
    """
    by_term = {e.vocab_id: e.key for e in entities.values() if e.vocab_id}
    out: dict[str, list[tuple[str, str]]] = {}
    for e in entities.values():
        term = vocabulary.get(e.vocab_id) if e.vocab_id else None
        if term is None or e.type != "drug-class":
            continue
        pairs = [(action, by_term[t]) for action, t in term.actions if t in by_term]
        if pairs:
            out[e.key] = pairs
    return out


def carriers(entities: dict[str, Entity], vocabulary: Vocabulary) -> dict[str, str]:
    """Neurotransmitter entity key → the transporter that takes it back up from the synapse.

    "Reuptake of dopamine" names the plasma-membrane carrier, never a vesicular one (VMAT2);
    of several, the most selective (DAT before NET, which also carries dopamine), and where
    several are equally selective (the EAATs for glutamate), their common family.
    """
    by_term = {e.vocab_id: e.key for e in entities.values() if e.vocab_id}
    candidates: dict[str, list[tuple[int, bool, Entity, Term]]] = defaultdict(list)
    for e in entities.values():
        term = vocabulary.get(e.vocab_id) if e.vocab_id else None
        if term is None or e.type != "transporter" or not term.carries:
            continue
        if any("vesicular" in name.casefold() for name in term.all_names):
            continue
        for nt in term.carries:
            if nt in by_term:
                # a vault note about the transporter wins over the vocabulary's own entity
                candidates[by_term[nt]].append((len(term.carries), e.note is None, e, term))
    out: dict[str, str] = {}
    for nt_key, found in candidates.items():
        fewest = min(n for n, _, _, _ in found)
        best = sorted((c for c in found if c[0] == fewest), key=lambda c: (c[1], c[2].key))
        terms = {term.id for _, _, _, term in best}
        if len(terms) == 1:
            out[nt_key] = best[0][2].key
            continue
        shared = set.intersection(*(set(term.parents) for _, _, _, term in best))
        family = next((by_term[p] for p in sorted(shared) if p in by_term), None)
        if family is not None:
            out[nt_key] = family
    return out
