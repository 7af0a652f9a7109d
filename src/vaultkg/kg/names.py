"""Find names of entities in plain text: whole words, longest first, plurals and variants too.

Shared by claim extraction (unlinked mentions count as mentions) and by the linker (which
turns them into links). Short upper-case abbreviations (``D2``, ``NET``, ``DAT``) match only
as written, so "net effect" is not the norepinephrine transporter.

Every word is folded as ``vocabulary.fold_name`` folds a name (sub- and superscripts become
digits, Greek letters are spelled out, case is folded) and split where letters meet digits, so
"5-HT₂A", "5HT2A" and "5-HT2A" are the same three-part name and "α1" is "alpha-1". Offsets
always point into the text as given.

Ambiguous short names (a vocabulary term's ``context_names``: ``D2``, ``A1``, ``MOR``) match
only with a cue within a few words (receptor, a family word such as dopamine, an action such
as antagonist) and never right after a blocking word ("vitamin D2").

Names are matched word by word through a trie keyed on their first word, so the cost grows
with the length of the text, not with the number of names.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .vocabulary import fold_name

# A name this short with a capital in it is an abbreviation: match its case exactly.
SHORT_NAME = 4
# How many words either side of an ambiguous short name are searched for a cue.
CUE_WINDOW = 4

# \w does not include combining marks: keep a decomposed "é" inside its word.
_WORD = re.compile(r"[\w\u0300-\u036f]+")
_PART = re.compile(r"\d+|[^\W\d_]+|_")  # "caffeine_" is no "caffeine"
_DASH_CHARS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_GREEK = {k: v for k, v in (("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"),
          ("ε", "epsilon"), ("ζ", "zeta"), ("η", "eta"), ("θ", "theta"), ("ι", "iota"),
          ("κ", "kappa"), ("λ", "lambda"), ("μ", "mu"), ("ν", "nu"), ("ξ", "xi"), ("π", "pi"),
          ("ρ", "rho"), ("σ", "sigma"), ("ς", "sigma"), ("τ", "tau"), ("φ", "phi"),
          ("χ", "chi"), ("ψ", "psi"), ("ω", "omega"))}  # fmt: skip
_GREEK_RE = re.compile("|".join(_GREEK))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CUE_WORDS = _words(
    """receptor receptors subtype subtypes transporter transporters enzyme enzymes inhibitor
    inhibitors inhibition inhibit inhibits inhibited inhibiting channel channels agonist agonists
    agonism antagonist antagonists antagonism antagonise antagonize antagonises antagonizes
    blocker blockers blockade block blocks blocked blocking binds bind binding bound affinity
    ligand ligands activates activate activated activation activator stimulates modulator
    modulators occupancy selective selectivity expression expressed upregulation
    downregulation upregulates downregulates desensitization desensitisation heteroreceptor
    autoreceptor autoreceptors reuptake uptake dopamine dopaminergic serotonin serotonergic
    adenosine adenosinergic opioid opioids opiate muscarinic nicotinic cholinergic histamine
    histaminergic adrenergic adrenoceptor adrenoceptors noradrenergic norepinephrine
    noradrenaline epinephrine adrenaline glutamate glutamatergic gaba gabaergic glycine
    cannabinoid angiotensin monoamine melatonin orexin purinergic vasopressin oxytocin"""
)
# Words right before a short name that make it something else ("vitamin D2", "grade A1").
BLOCK_BEFORE = _words(
    """vitamin vitamins vit hepatitis grade grades stage stages figure fig table step steps
    phase level levels page pages chapter section lead leads type class row column item"""
)
# Words right after one ("ACE of spades", "ACE score").
BLOCK_AFTER = _words("score scores questionnaire inventory")
_CARD_SUITS = re.compile(r"\s+of\s+(?:spades|hearts|diamonds|clubs)\b", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class NameMatch:
    start: int
    end: int
    text: str  # as written in the text
    name: str  # the name it matched
    entities: tuple[str, ...]  # entity keys sharing that name; >1 = ambiguous

    @property
    def entity(self) -> str | None:
        return self.entities[0] if len(self.entities) == 1 else None


class _Node:
    """A part of a name in a trie of names: children by (punctuation before it, part)."""

    __slots__ = ("children", "contextual", "entities", "name")

    def __init__(self) -> None:
        self.children: dict[tuple[str, str], _Node] = {}
        self.name: str | None = None  # set where a name ends
        self.entities: tuple[str, ...] = ()  # match anywhere
        self.contextual: tuple[str, ...] = ()  # match only with a cue nearby


def is_case_sensitive(name: str) -> bool:
    return len(name) <= SHORT_NAME and any(c.isupper() for c in name)


def _exact_form(word: str) -> str:
    """``fold_name`` without the case folding: NFKC, Greek letters spelled out."""
    word = unicodedata.normalize("NFKC", word)
    return _GREEK_RE.sub(lambda m: _GREEK[m.group(0)], word)


def _gap(between: str) -> str:
    """Spaces and dashes between parts do not count ("mu-opioid" is "mu opioid" is "5HT")."""
    return "".join(c for c in between if not c.isspace() and c not in _DASH_CHARS)


def _name_parts(name: str, fold: bool) -> list[tuple[str, str]] | None:
    """(gap, part) pairs of a name, or None when it starts or ends in punctuation."""
    words = list(_WORD.finditer(name))
    if not words or words[0].start() != 0 or words[-1].end() != len(name):
        return None
    out: list[tuple[str, str]] = []
    for k, w in enumerate(words):
        gap = _gap(name[words[k - 1].end() : w.start()]) if k else ""
        word = w.group(0)
        parts = _PART.findall(_exact_form(word.casefold() if fold else word))
        for j, part in enumerate(parts):
            out.append((gap if j == 0 else "", part))
    return out or None


def _plural_bases(part: str, word: str, shortest: int = 3) -> list[str]:
    """What the last part of a word may be the plural of ("receptors", "SSRIs", "2As")."""
    if len(part) < shortest or part[-1] not in "sS":
        return []
    if len(word) <= 5 and word.isupper():
        return []  # "LPS" is not the plural of "LP"
    out = [part[:-1]]
    if len(part) > 3 and part[-2:] in ("es", "ES"):
        out.append(part[:-2])
    if len(part) > 4 and part[-3:] in ("ies", "IES"):
        out.append(part[:-3] + ("y" if part[-1] == "s" else "Y"))
    return out


_Split = tuple[tuple[str, ...], tuple[str, ...]]  # a word's parts: as written, folded


class _Parts:
    """Text cut into name parts, one word at a time as a walk needs them: per part its
    exact and folded form, the punctuation before it, and where its word is."""

    __slots__ = (
        "_next",
        "_prev_end",
        "_split",
        "_text",
        "_words",
        "ends",
        "exact",
        "folded",
        "gaps",
        "starts",
        "words",
    )

    def __init__(
        self, text: str, words: list[re.Match[str]], first: int, split: Callable[[str], _Split]
    ) -> None:
        self._text = text
        self._words = words
        self._next = first
        self._prev_end = -1
        self._split = split
        self.exact: list[str] = []
        self.folded: list[str] = []
        self.gaps: list[str] = []
        self.starts: list[int] = []  # offset where the part's word starts, or -1 inside it
        self.ends: list[int] = []  # offset where the part's word ends, or -1 inside it
        self.words: list[str] = []  # the word each part is in

    def grow(self) -> bool:
        """Add the parts of the next word; False when there is none."""
        while self._next < len(self._words):
            m = self._words[self._next]
            self._next += 1
            w = m.group(0)
            exact, folded = self._split(w)
            n = len(exact)
            if not n:
                continue
            s, e = m.span()
            between = self._text[self._prev_end : s] if self._prev_end >= 0 else ""
            self.gaps.append("" if between == " " or not between else _gap(between))
            self._prev_end = e
            self.exact.extend(exact)
            self.folded.extend(folded)
            self.starts.append(s)
            self.words.extend([w] * n)
            if n > 1:
                self.gaps.extend([""] * (n - 1))
                self.starts.extend([-1] * (n - 1))
                self.ends.extend([-1] * (n - 1))
            self.ends.append(e)
            return True
        return False


class NameMatcher:
    """Matches many names at once, part by part through a trie."""

    def __init__(
        self,
        names: Iterable[tuple[str, str]],
        min_length: int = 2,
        contextual: Iterable[tuple[str, str]] = (),
    ) -> None:
        """``names``: (name, entity key) pairs; one name may belong to several entities.

        ``contextual``: (name, key) pairs that match only with a cue nearby.
        """
        owners: dict[tuple[str, bool], tuple[set[str], set[str]]] = defaultdict(
            lambda: (set(), set())
        )
        for pairs, slot in ((names, 0), (contextual, 1)):
            for name, key in pairs:
                name = " ".join(unicodedata.normalize("NFC", name).split())
                if len(name) < min_length or not _WORD.search(name):
                    continue
                exact = is_case_sensitive(name)
                owners[(name if exact else fold_name(name), exact)][slot].add(key)
        self._exact = _Node()
        self._folded = _Node()
        for (name, exact), (plain, ctx) in sorted(owners.items(), key=lambda kv: kv[0]):
            parts = _name_parts(name, fold=not exact)
            if parts is None:
                continue
            node = self._exact if exact else self._folded
            for key in parts:
                node = node.children.setdefault(key, _Node())
            node.name = name
            node.entities = tuple(sorted(set(node.entities) | plain))
            node.contextual = tuple(sorted((set(node.contextual) | ctx) - set(node.entities)))
        self._cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        # the first parts of names: a word that is none of them (nor their plural) starts none
        self._first_folded = frozenset(part for _, part in self._folded.children)
        self._first_exact = frozenset(part for _, part in self._exact.children)

    def __bool__(self) -> bool:
        return bool(self._exact.children or self._folded.children)

    def _split(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        found = self._cache.get(word)
        if found is None:
            exact = tuple(_PART.findall(_exact_form(word)))
            folded = tuple(_PART.findall(_exact_form(word.casefold())))
            if len(folded) != len(exact):
                exact = folded  # the parts must line up; an abbreviation will not match
            found = self._cache[word] = (exact, folded)
        return found

    @staticmethod
    def _walk(root: _Node, tokens: list[str], p: _Parts, i: int) -> list[tuple[int, _Node]]:
        """Every name in ``root`` starting at part ``i``: (end offset, node), longest last."""
        found: list[tuple[int, _Node]] = []
        node = root
        k = i - 1
        while True:
            k += 1
            if k >= len(tokens) and not p.grow():
                break
            gap = p.gaps[k] if k > i else ""
            tok = tokens[k]
            if p.ends[k] >= 0 and tok[-1] in "sS":
                # the last part of a name may be in the plural ("receptors", "SSRIs")
                after_digit = k > i and p.starts[k] < 0 and tokens[k - 1].isdigit()
                for base in _plural_bases(tok, p.words[k], 2 if after_digit else 3):
                    child = node.children.get((gap, base))
                    if child is not None and child.name is not None:
                        found.append((p.ends[k], child))
            nxt = node.children.get((gap, tok))
            if nxt is None:
                # "D2s": a plural "s" after a number ends the word
                if (
                    tok in ("s", "S")
                    and k > i
                    and p.ends[k] >= 0
                    and p.starts[k] < 0
                    and node.name is not None
                    and tokens[k - 1].isdigit()
                ):
                    found.append((p.ends[k], node))
                break
            node = nxt
            if node.name is not None and p.ends[k] >= 0:
                found.append((p.ends[k], node))
        found.sort(key=lambda f: f[0])
        return found

    def find(self, text: str) -> list[NameMatch]:
        """Non-overlapping matches in ``text``, the longest winning where two overlap."""
        words = list(_WORD.finditer(text))
        out: list[NameMatch] = []
        first_f, first_e = self._first_folded, self._first_exact
        cache = self._cache
        for i, m in enumerate(words):
            start = m.start()
            if out and start < out[-1].end:
                continue
            w = m.group(0)
            exact, folded = cache.get(w) or self._split(w)
            if not exact:
                continue
            in_f, in_e = _may_start(folded[0], first_f), _may_start(exact[0], first_e)
            if not (in_f or in_e) or (start > 0 and text[start - 1] in _DASH_CHARS):
                continue
            p = _Parts(text, words, i, self._split)  # cut into parts as the walk goes
            candidates = [
                *(self._walk(self._folded, p.folded, p, 0) if in_f else ()),
                *(self._walk(self._exact, p.exact, p, 0) if in_e else ()),
            ]
            for end, node in sorted(candidates, key=lambda c: -c[0]):
                if _hyphenated(text, end):
                    continue  # part of a longer word ("dopamine-like") is not a mention
                entities = self._accept(text, start, end, node)
                if entities:
                    assert node.name is not None
                    out.append(NameMatch(start, end, text[start:end], node.name, entities))
                    break
        return out

    @staticmethod
    def _accept(text: str, start: int, end: int, node: _Node) -> tuple[str, ...]:
        """The entities a match stands for here, or () when the context rules it out."""
        assert node.name is not None
        short = is_case_sensitive(node.name) or bool(node.contextual)
        if short and blocked(text, start, end):
            return ()
        if node.contextual and has_cue(text, start, end):
            return tuple(sorted({*node.entities, *node.contextual}))
        return node.entities


def _may_start(part: str, firsts: frozenset[str]) -> bool:
    if part in firsts:
        return True
    if part[-1] not in "sS":
        return False
    return part[:-1] in firsts or part[:-2] in firsts or part[:-3] + "y" in firsts


def _hyphenated(text: str, end: int) -> bool:
    return end + 1 < len(text) and text[end] in _DASH_CHARS and text[end + 1].isalnum()


def _words_before(text: str, start: int, n: int) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text[max(0, start - 16 * n) : start])][-n:]


def _words_after(text: str, end: int, n: int) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text[end : end + 16 * n])][:n]


def blocked(text: str, start: int, end: int) -> bool:
    """A short name made into something else by the word next to it ("vitamin D2")."""
    before = _words_before(text, start, 1)
    if before and before[0] in BLOCK_BEFORE:
        return True
    after = _words_after(text, end, 1)
    return bool(after and after[0] in BLOCK_AFTER) or bool(_CARD_SUITS.match(text, end))


def has_cue(text: str, start: int, end: int, window: int = CUE_WINDOW) -> bool:
    """A word within ``window`` words that says a short name is a target or transmitter."""
    near = _words_before(text, start, window) + _words_after(text, end, window)
    return any(w in CUE_WORDS or w.rstrip("s") in CUE_WORDS for w in near)
