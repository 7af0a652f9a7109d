"""The knowledge graph's plain data: entities, sources, claims, relations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Scope = Literal["sentence", "block", "note"]
Certainty = Literal["asserted", "hedged", "speculative"]


@dataclass(slots=True)
class Entity:
    key: str  # the note's vault-relative path, or "vocab:<term id>" for a term with no note
    title: str
    type: str  # drug, receptor, ..., concept
    aliases: list[str] = field(default_factory=list)
    identifiers: list[tuple[str, str]] = field(default_factory=list)  # (curie, iri)
    tags: list[str] = field(default_factory=list)
    note: str | None = None  # the note about it; None for a vocabulary term with no note
    vocab_id: str | None = None  # the built-in vocabulary term it is (drug/caffeine)
    parents: list[str] = field(default_factory=list)  # entity keys of its families or classes

    @property
    def names(self) -> list[str]:
        return [self.title, *self.aliases]


@dataclass(slots=True)
class Source:
    key: str  # a source note's path, or "doi:…", "pmid:…", "url:…", "ref:…" when cited inline
    title: str
    source_type: str
    level: str
    inferred: bool = False  # source_type was inferred, not written
    note: str | None = None  # the source note, when there is one
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    journal: str | None = None
    publisher: str | None = None
    doi: str | None = None
    pmid: str | None = None
    isbn: str | None = None
    url: str | None = None
    citekey: str | None = None
    retracted: bool = False


@dataclass(slots=True)
class Citation:
    source: str  # Source.key
    scope: Scope
    via: str  # footnote, link, citekey, doi, pmid, url, references, frontmatter


@dataclass(slots=True)
class RelationMention:
    subject: str  # entity key of the drug
    action: str  # action name
    object: str  # entity key of the target
    negated: bool = False
    explicit: bool = False  # from a relation field rather than prose
    via_class: str | None = None  # derived for a member from a statement about its drug class


@dataclass(slots=True)
class Claim:
    id: str
    text: str
    note: str
    line: int
    kind: Literal["sentence", "callout", "field", "title", "property"] = "sentence"
    entities: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    scope: Scope | None = None
    level: str = "unsupported"
    certainty: Certainty = "asserted"
    relations: list[RelationMention] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # retracted, contested

    @property
    def supported(self) -> bool:
        return self.level != "unsupported"

    @property
    def where(self) -> str:
        return f"{self.note}:{self.line}"


@dataclass(slots=True)
class Relation:
    """All the claims that a drug has one action on one target, taken together."""

    subject: str
    action: str
    object: str
    direction: int
    claims: list[str] = field(default_factory=list)
    level: str = "unsupported"
    certainty: Certainty = "asserted"
    contested: bool = False
    explicit: bool = False  # stated in a relation field
    # the drug classes it is derived from when no claim states it of the drug itself, only of
    # a class the drug belongs to ("SSRIs inhibit SERT" → fluoxetine inhibitor SERT)
    via_class: list[str] = field(default_factory=list)

    @property
    def derived(self) -> bool:
        return bool(self.via_class)
