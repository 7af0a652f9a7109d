"""The built-in vocabulary: drugs, drug classes, targets and transmitters vaultkg knows by name.

It ships as package data (``data/vocabulary.json.gz``, built by ``scripts/build_vocabulary.py``)
so that a vault with no ``type:`` anywhere still yields entities. A vault's own notes add to it
and override it (``kg/entities.py`` decides that); this module only holds the terms and answers
"which terms go by this name?".

Names are compared after ``fold_name``: Unicode NFKC (sub- and superscripts become digits),
Greek letters spelled out (α → alpha, μ → mu), every dash and hyphen the same, case folded,
spaces collapsed.
"""

from __future__ import annotations

import gc
import gzip
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

# Entity types a term can have. "drug-class" holds drugs (SSRIs); "channel" is a voltage- or
# otherwise-gated ion channel that is not a receptor (Nav1.5, hERG); families of targets
# ("5-HT2 receptors") carry the type of their members and have children.
TERM_TYPES = (
    "drug",
    "drug-class",
    "receptor",
    "channel",
    "transporter",
    "enzyme",
    "neurotransmitter",
    "mechanism",
)

_GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "ζ": "zeta",
    "η": "eta",
    "θ": "theta",
    "ι": "iota",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
    "ν": "nu",
    "ξ": "xi",
    "π": "pi",
    "ρ": "rho",
    "σ": "sigma",
    "ς": "sigma",
    "τ": "tau",
    "φ": "phi",
    "χ": "chi",
    "ψ": "psi",
    "ω": "omega",
}
_GREEK_RE = re.compile("|".join(_GREEK))
# hyphen, non-breaking hyphen, figure/en/em dash, minus sign, small and full-width hyphen-minus
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d]")


def fold_name(text: str) -> str:
    """The form two names are compared in: ``"5‑HT₂A"`` and ``"5-ht2a"`` fold alike."""
    if text.isascii():  # the common case, and NFKC, dashes and Greek cannot apply to it
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKC", text)
    text = _DASHES.sub("-", text)
    text = _GREEK_RE.sub(lambda m: _GREEK[m.group(0)], text.casefold())
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Term:
    """One thing the vocabulary knows.

    ``id`` is stable and readable (``drug/caffeine``, ``target/HTR2A``, ``class/ssri``,
    ``family/5-HT2``, ``nt/serotonin``). ``names`` are matched anywhere; ``context_names`` are
    short or ambiguous names (``D2``, ``NET``, ``ACE``, ``MOR``) that match only with a cue
    nearby (the word receptor, a family word, an action phrase). ``identifiers`` are CURIEs
    with Bioregistry prefixes, each taken from a named source, never made up.
    """

    id: str
    label: str
    type: str
    names: tuple[str, ...] = ()
    context_names: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()  # targets' families, drugs' classes, transmitters' groups
    actions: tuple[tuple[str, str], ...] = ()  # (action, target id): class mechanism or drug's
    carries: tuple[str, ...] = ()  # a transporter's substrates: neurotransmitter ids

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.label, *self.names, *self.context_names)


@dataclass(slots=True)
class Vocabulary:
    terms: dict[str, Term] = field(default_factory=dict)
    _by_name: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _children: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def from_terms(cls, terms: Iterable[Term]) -> Vocabulary:
        vocab = cls()
        for term in terms:
            vocab.terms[term.id] = term
        for term in vocab.terms.values():
            for name in dict.fromkeys(fold_name(n) for n in term.all_names):
                vocab._by_name[name].append(term.id)
            for parent in term.parents:
                vocab._children[parent].append(term.id)
        return vocab

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms.values())

    def get(self, term_id: str) -> Term | None:
        return self.terms.get(term_id)

    def lookup(self, name: str) -> list[Term]:
        """Terms that go by ``name`` (any spelling that folds alike)."""
        return [self.terms[i] for i in self._by_name.get(fold_name(name), ())]

    def lookup_plain(self, name: str) -> list[Term]:
        """Terms whose label or plain names include ``name``: not those that go by it only as
        a context name (a note titled "Acids" is not LSD, though "acid" is one of its names)."""
        key = fold_name(name)
        return [t for t in self.lookup(name) if key in {fold_name(n) for n in (t.label, *t.names)}]

    def children(self, term_id: str) -> list[Term]:
        return [self.terms[i] for i in self._children.get(term_id, ())]

    def descendants(self, term_id: str) -> list[Term]:
        out: list[Term] = []
        todo = [term_id]
        seen = {term_id}
        while todo:
            for child in self.children(todo.pop()):
                if child.id not in seen:
                    seen.add(child.id)
                    out.append(child)
                    todo.append(child.id)
        return out

    def ancestors(self, term_id: str) -> list[Term]:
        out: list[Term] = []
        todo = [term_id]
        seen = {term_id}
        while todo:
            term = self.terms.get(todo.pop())
            for parent in term.parents if term else ():
                if parent not in seen and parent in self.terms:
                    seen.add(parent)
                    out.append(self.terms[parent])
                    todo.append(parent)
        return out


def _term(raw: dict[str, object]) -> Term:
    def tup(key: str) -> tuple[str, ...]:
        return tuple(raw.get(key, ()))  # type: ignore[arg-type]

    return Term(
        id=str(raw["id"]),
        label=str(raw["label"]),
        type=str(raw["type"]),
        names=tup("names"),
        context_names=tup("context_names"),
        identifiers=tup("identifiers"),
        parents=tup("parents"),
        actions=tuple(tuple(a) for a in raw.get("actions", ())),  # type: ignore[attr-defined]
        carries=tup("carries"),
    )


@cache
def builtin() -> Vocabulary:
    """The shipped vocabulary (read once per process; it never changes while running)."""
    path = resources.files("vaultkg").joinpath("data/vocabulary.json.gz")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Vocabulary()
    # Tens of thousands of small objects, none of them cyclic: the cyclic collector would
    # only rescan them again and again while they are made (about a third of the load time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        raw = json.loads(gzip.decompress(data))
        return Vocabulary.from_terms(_term(t) for t in raw["terms"])
    finally:
        if was_enabled:
            gc.enable()
