"""Claims and their citations, note by note.

For each note: the sentences that are claims, the relations they state, and the citations that
support them at the closest scope (sentence, then block, then note).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from ..model import Block, Diagnostic, InlineField, Link, Note, Sentence
from ..parse.frontmatter import strings_in
from ..parse.note import is_card_question
from ..resolve import LinkIndex
from . import cards
from .actions import action_for_key
from .boilerplate import normalise
from .entities import MENTIONABLE_TYPES, TARGET_TYPES
from .evidence import best_level, certainty
from .identifiers import article_id, clean_url, find_urls
from .membership import memberships
from .model import Citation, Claim, Entity, RelationMention, Source
from .names import NameMatcher
from .references import is_citation_text, looks_like_reference
from .relations import Mention, extract
from .sources import GENERIC_TYPES, inline_source, reference_sources
from .statements import has_predicate, not_a_statement

REFERENCE_SECTIONS = re.compile(
    r"^(?:references?|sources?|bibliography|literature|works cited|citations?|further reading)"
    r"\s*:?$",
    re.IGNORECASE,
)
_LINKS = re.compile(r"!?\[\[[^\]\n]*\]\]|!?\[[^\]\n]*\]\([^)\n]*\)|https?://\S+")
# a class name standing before one of these nouns describes it rather than naming the class
_CLASS_AS_ADJECTIVE = re.compile(
    r"[ -](?:effects?|actions?|activity|properties|property|potency|withdrawal|overdose|"
    r"toxicity|use|users?|misuse|dependence|tolerance|experience|state|syndrome|"
    r"receptors?|site|binding|signall?ing|pathways?|system|peptides?|tone)\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W\d_]{2,}")
_RECEPTORS = re.compile(r"\breceptors\b", re.IGNORECASE)
# a role named by a plural noun: "CYP3A4 inducers", "inhibitors of MAO", "D2 antagonists"
_ROLE_NOUN = re.compile(
    r"\b(?:inducers|inhibitors|substrates|agonists|antagonists|blockers|activators|openers)\b",
    re.IGNORECASE,
)
# a word before a class name that narrows it to a subclass ("most SSRIs" is still a statement
# about the class, though not about each member: kg/graph.py derives nothing from it)
_NARROWED = re.compile(
    r"\b(?:class\s+(?:[IVX]+|\d+)[a-d]?|(?:first|second|third|1st|2nd|3rd)[\s-]+generation|"
    r"older|newer|low[\s-]+potency|high[\s-]+potency|(?:non[\s-]?)?sedating|"
    r"cardioselective|(?:non[\s-]?)?selective|(?:long|short|intermediate)[\s-]+acting|"
    r"topical|inhaled)[\s-]+$",
    re.IGNORECASE,
)
# a restrictive clause after a class name: "NSAIDs that prefer COX-1", "an antidepressant that"
_RESTRICTED = re.compile(r"\s+(?:that|which|who|whose)\b", re.IGNORECASE)
_WIKILINK = re.compile(r"\[\[([^\[\]\n]+?)\]\]")
_MD_LINK = re.compile(r"(?<!!)\[([^\[\]\n]*)\]\(\s*<?(?=(?:https?|zotero)://)")
# zotero://select/items/@citekey, zotero://select/library/items/KEY, zotero://open-pdf/…
_ZOTERO = re.compile(
    r"^zotero://[\w-]+/(?:items/@([^/?#\s]+)|(?:library|groups/\d+)/items/(\w+))", re.I
)
# inline fields that cite a source for the whole note: source:: [[Hyman 1996]]
_CITING_FIELDS = frozenset(
    {"source", "sources", "reference", "references", "citation", "citations"}
)
# Dataview fields that describe the note, never a statement: status:: done, rating:: 4
_METADATA_KEYS = _CITING_FIELDS | frozenset(
    [
        "tag",
        "tags",
        "alias",
        "aliases",
        "status",
        "created",
        "modified",
        "updated",
        "date",
        "due",
        "type",
        "category",
        "categories",
        "author",
        "authors",
        "topic",
        "topics",
        "keyword",
        "keywords",
        "title",
        "description",
        "url",
        "link",
        "links",
        "up",
        "down",
        "next",
        "prev",
        "previous",
        "parent",
        "related",
        "rating",
        "priority",
        "course",
        "lecture",
        "week",
        "class",
        "cssclass",
        "cssclasses",
        "reviewed",
        "progress",
    ]
)
_BARE_ASKING = frozenset({"what", "which", "who", "why", "how", "when", "where"})
# quote-like callouts whose title may name the source: [!quote], [!quote-yellow], [!cite]
_QUOTE_CALLOUTS = ("quote", "cite", "citation")


def claim_id(note: str, text: str) -> str:
    normalised = " ".join(text.casefold().split())
    return "c" + hashlib.sha1(f"{note}\n{normalised}".encode()).hexdigest()[:12]


@dataclass
class Catalogue:
    """What the whole vault knows, shared by every note's extraction."""

    entities: dict[str, Entity]
    sources: dict[str, Source]
    index: LinkIndex
    matcher: NameMatcher
    # neurotransmitter entity key -> the transporter entity that carries it ("reuptake of 5-HT")
    carriers: dict[str, str] = field(default_factory=dict)
    by_doi: dict[str, str] = field(default_factory=dict)
    by_pmid: dict[str, str] = field(default_factory=dict)
    by_url: dict[str, str] = field(default_factory=dict)
    by_citekey: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    # citekey -> entry of a BibTeX or CSL-JSON bibliography in the vault, registered when cited
    bibliography: dict[str, Source] = field(default_factory=dict)
    # drug-class key -> (action, target key) of what the class does ("an AChE inhibitor")
    class_mechanisms: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for s in self.sources.values():
            self._index(s)

    def _index(self, s: Source) -> None:
        if s.doi:
            self.by_doi.setdefault(s.doi.lower(), s.key)
        if s.pmid:
            self.by_pmid.setdefault(s.pmid, s.key)
        if s.url:
            self.by_url.setdefault(s.url.rstrip("/"), s.key)
        if s.citekey:
            self.by_citekey.setdefault(s.citekey.lower(), s.key)

    def register(self, source: Source) -> str:
        """The key of ``source``, or of the known source with the same DOI, PMID or URL (which
        learns the study design when the new citation names one and it had none)."""
        for table, value in (
            (self.by_doi, (source.doi or "").lower()),
            (self.by_pmid, source.pmid or ""),
            (self.by_url, (source.url or "").rstrip("/")),
        ):
            if value and value in table:
                known = self.sources[table[value]]
                generic = {known.source_type, source.source_type} & GENERIC_TYPES
                if known.inferred and generic == {known.source_type}:
                    known.source_type, known.level = source.source_type, source.level
                return known.key
        known = self.sources.setdefault(source.key, source)
        self._index(known)
        return known.key

    def source_for(self, kind: str, value: str, text: str = "") -> str:
        """The key of the source a DOI/PMID/URL/ISBN/text names, registering it if new."""
        return self.register(inline_source(kind, value, text))


class NoteClaims:
    """Extracts the claims of one note."""

    def __init__(self, note: Note, cat: Catalogue, template: Collection[str] = ()) -> None:
        self.note = note
        self.cat = cat
        self.template = template  # normalised template sentences (boilerplate.find)
        self.entity = cat.entities.get(note.path)
        self.own_source = note.path if note.path in cat.sources else None
        self.footnotes = {f.label: f for f in note.footnotes}
        self.link_texts = link_texts(note.text)
        # the last sentence of each block that ends in a cluster of footnotes -> their labels
        self.cluster_ends = {
            id(b.sentences[-1]): set(b.trailing.footnotes)
            for b in note.blocks
            if b.sentences and len(b.trailing.footnotes) > 1
        }
        self._bibliographies: dict[tuple[str, ...], bool] | None = None
        self.claims: list[Claim] = []
        self._ids: dict[str, int] = {}

    # -- citations -----------------------------------------------------------------------

    def _source_of_link(self, link: Link) -> str | None:
        if link.resolved and link.resolved in self.cat.sources:
            return link.resolved
        return None

    def _cite_links(self, links: Iterable[Link], scope: str, via: str) -> list[Citation]:
        return [
            Citation(key, scope, via)  # type: ignore[arg-type]
            for link in links
            if (key := self._source_of_link(link))
        ]

    def _cite_footnote(self, label: str, scope: str) -> list[Citation]:
        fn = self.footnotes.get(label)
        if fn is None:
            return []
        cites = self._cite_links(fn.links, scope, "footnote")
        for src in reference_sources(fn.text, fn.urls, fallback=not cites):
            cites.append(Citation(self.cat.register(src), scope, "footnote"))  # type: ignore[arg-type]
        return cites

    def _cite_citekeys(self, keys: Iterable[str], scope: str, line: int) -> list[Citation]:
        cites = []
        for key in keys:
            found = self.cat.by_citekey.get(key.lower())
            entry = self.cat.bibliography.get(key.lower())
            if found is None and entry is not None:
                found = self.cat.by_citekey[key.lower()] = self.cat.register(entry)
            if found is None:
                self.cat.diagnostics.append(
                    Diagnostic(
                        self.note.path,
                        line,
                        1,
                        "warning",
                        "unknown-citekey",
                        f"citation key @{key} matches no source note and no bibliography entry; "
                        f"add 'citekey: {key}' to the source's front matter",
                    )
                )
                continue
            cites.append(Citation(found, scope, "citekey"))  # type: ignore[arg-type]
        return cites

    def _cites_url(self, url: str, text: str) -> bool:
        """Whether a URL in prose is a citation rather than navigation: written out bare, the
        page of an article, or a link whose text reads as a citation or stands in brackets
        ("[source](…)", "([Smith 2019](…))"). "[Sertraline](wikipedia…)" is navigation."""
        texts = self.link_texts.get(clean_url(url))
        if not texts or url in text or article_id(url):
            return True
        whole = text.strip(" .,;:-–—()[]")
        return any(
            wrapped or is_citation_text(shown) or shown == whole  # a link standing alone
            for shown, wrapped in texts
        )

    def _cite_text(
        self, text: str, urls: Iterable[str], scope: str, line: int, every_link: bool = False
    ) -> list[Citation]:
        cites = []
        for url in urls:
            # a link into Zotero always points at a reference: it is never navigation
            m = _ZOTERO.match(url)
            if m and m.group(1):
                cites.extend(self._cite_citekeys([m.group(1)], scope, line))
            elif m:
                key = self.cat.source_for("ref", "", f"Zotero item {m.group(2)}")
                cites.append(Citation(key, scope, "zotero"))  # type: ignore[arg-type]
        web = [u for u in urls if not _ZOTERO.match(u) and (every_link or self._cites_url(u, text))]
        for src in reference_sources(text, web, fallback=False, prose=True):
            via = "doi" if src.doi else "pmid" if src.pmid else "url"
            cites.append(Citation(self.cat.register(src), scope, via))  # type: ignore[arg-type]
        return cites

    def sentence_citations(self, s: Sentence, scope: str = "sentence") -> list[Citation]:
        cites = self._cite_links(s.links, scope, "link")
        cluster = self.cluster_ends.get(id(s), ()) if scope == "sentence" else ()
        for label in s.footnotes:
            if label not in cluster:  # a footnote cluster ending a block covers all of it
                cites.extend(self._cite_footnote(label, scope))
        cites.extend(self._cite_citekeys(s.citekeys, scope, s.line))
        cites.extend(self._cite_text(s.text, s.urls, scope, s.line))
        return _dedupe(cites)

    def block_citations(self, block: Block) -> list[Citation]:
        t = block.trailing
        cites = self._cite_links(t.links, "block", "link")
        for label in t.footnotes:
            cites.extend(self._cite_footnote(label, "block"))
        cites.extend(self._cite_citekeys(t.citekeys, "block", block.end_line))
        last = block.sentences[-1].text if block.sentences else ""
        cites.extend(self._cite_text(last, t.urls, "block", block.end_line))
        cites.extend(self._cite_callout_title(block))
        if len(block.sentences) > 1 and self._only_links(block.sentences[-1]):
            # a link on a line of its own after a statement is that paragraph's reference
            cite = block.sentences[-1]
            cites.extend(self._cite_links(cite.links, "block", "link"))
            cites.extend(self._cite_text("", cite.urls, "block", cite.line, every_link=True))
        return _dedupe(cites)

    def _only_links(self, s: Sentence) -> bool:
        lines = self.note.text.splitlines()
        raw = lines[s.line - 1] if 0 < s.line <= len(lines) else ""
        return bool(s.links or s.urls) and not re.search(r"[^\W\d_]", _LINKS.sub("", raw))

    def _cite_callout_title(self, block: Block) -> list[Citation]:
        """``> [!quote] [[Source]]`` and ``> [!cite] Smith 2019 ([[Smith 2019]])``: a source
        linked in a quote callout's title supports what the callout says."""
        kind = block.callout or ""
        if not kind.startswith(_QUOTE_CALLOUTS):
            return []
        around = [c for c in self.note.callouts if c.line <= block.line <= c.end_line]
        if not around:
            return []
        callout = max(around, key=lambda c: c.line)
        links = [link for link in self.note.links if link.line == callout.line]
        cites = self._cite_links(links, "block", "callout")
        title = _WIKILINK.sub(" ", callout.title)
        for src in reference_sources(title, [], fallback=False):
            cites.append(Citation(self.cat.register(src), "block", "callout"))
        return cites

    def note_citations(self) -> list[Citation]:
        cites: list[Citation] = []
        for block in self.note.blocks:
            if self._in_references(block):
                cites.extend(self._cite_reference_item(block))
        for key in ("sources", "source", "references", "citations"):
            for text in strings_in(self.note.property(key)):
                for m in _WIKILINK.finditer(text):
                    target = m.group(1).split("|")[0].split("#")[0].strip()
                    res = self.cat.index.resolve(target, self.note.path)
                    if res.path in self.cat.sources:
                        cites.append(Citation(res.path, "note", "frontmatter"))
                for src in reference_sources(_WIKILINK.sub("", text), fallback=False):
                    cites.append(Citation(self.cat.register(src), "note", "frontmatter"))
        lines = self.note.text.splitlines()
        for fld in self.note.fields:
            if fld.key.strip().lower() not in _CITING_FIELDS:
                continue
            cites.extend(self._cite_links(fld.links, "note", "field"))
            raw = lines[fld.line - 1] if 0 < fld.line <= len(lines) else ""
            urls = [u for _, _, u in find_urls(raw)]
            for src in reference_sources(fld.value, urls, fallback=False):
                cites.append(Citation(self.cat.register(src), "note", "field"))
        return _dedupe(cites)

    def _cite_reference_item(self, block: Block) -> list[Citation]:
        """An item of a bibliography: one reference, whatever its sentences and links."""
        text = " ".join(s.text for s in block.sentences)
        links = [*(link for s in block.sentences for link in s.links), *block.trailing.links]
        urls = [*(u for s in block.sentences for u in s.urls), *block.trailing.urls]
        keys = [*(k for s in block.sentences for k in s.citekeys), *block.trailing.citekeys]
        cites = self._cite_links(links, "note", "references")
        cites.extend(self._cite_citekeys(keys, "note", block.line))
        zotero = [u for u in urls if _ZOTERO.match(u)]
        cites.extend(self._cite_text("", zotero, "note", block.line, every_link=True))
        web = [u for u in urls if not _ZOTERO.match(u)]
        for src in reference_sources(text, web, fallback=not cites and looks_like_reference(text)):
            cites.append(Citation(self.cat.register(src), "note", "references"))
        return [Citation(c.source, "note", "references") for c in cites]

    def _in_references(self, block: Block) -> bool:
        """Whether ``block`` is an item of a bibliography: it stands under a References,
        Sources or Bibliography heading whose items mostly read as citations. Under a template
        heading over ordinary statements, the statements stay claims."""
        root = _reference_root(block.section)
        if root is None:
            return False
        if self._bibliographies is None:
            items: dict[tuple[str, ...], list[bool]] = {}
            for b in self.note.blocks:
                r = _reference_root(b.section)
                if r is not None:
                    items.setdefault(r, []).append(self._reads_as_citation(b))
            self._bibliographies = {
                r: 2 * sum(flags) >= len(flags) for r, flags in items.items() if flags
            }
        return self._bibliographies.get(root, False)

    def _reads_as_citation(self, block: Block) -> bool:
        text = " ".join(s.text for s in block.sentences)
        links = [*(link for s in block.sentences for link in s.links), *block.trailing.links]
        urls = [u for s in block.sentences for u in s.urls]
        keys = [k for s in block.sentences for k in s.citekeys]
        return bool(
            keys
            or urls
            or block.trailing.footnotes
            or any(self._source_of_link(link) for link in links)
            or looks_like_reference(text)
        )

    # -- mentions and relations ------------------------------------------------------------

    def mentions(self, text: str, links: list[Link]) -> list[Mention]:
        found: list[Mention] = []
        cursor = 0
        for link in links:
            display = link.display
            if not display:
                continue
            pos = text.find(display, cursor)
            if pos < 0:
                continue
            cursor = pos + len(display)
            entity = self.cat.entities.get(link.resolved or "")
            if entity and entity.type in MENTIONABLE_TYPES:
                found.append(Mention(pos, pos + len(display), entity.key, entity.type))
            else:
                # a link to a non-entity still hides its text from name matching
                found.append(Mention(pos, pos + len(display), "", ""))
        for m in self.cat.matcher.find(text):
            if m.entity is None or any(f.start < m.end and m.start < f.end for f in found):
                continue
            entity = self.cat.entities[m.entity]
            if entity.type == "drug-class" and (
                _CLASS_AS_ADJECTIVE.match(text, m.end)
                or _NARROWED.search(text[max(0, m.start - 40) : m.start])
                or _RESTRICTED.match(text, m.end)
            ):
                # "the psychedelic effect": no class is meant; "class IA antiarrhythmics",
                # "first-generation H1 blockers", "NSAIDs that prefer COX-1": only part of it
                continue
            found.append(Mention(m.start, m.end, entity.key, entity.type))
        return sorted(found, key=lambda m: m.start)

    # -- claims --------------------------------------------------------------------------

    def _new(self, text: str, line: int, kind: str) -> Claim:
        cid = claim_id(self.note.path, text)
        n = self._ids.get(cid, 0)
        self._ids[cid] = n + 1
        if n:
            cid = f"{cid}-{n + 1}"
        return Claim(id=cid, text=text, note=self.note.path, line=line, kind=kind)  # type: ignore[arg-type]

    def extract(self) -> list[Claim]:
        note = self.note
        note_cites: list[Citation] | None = None
        block_cites: dict[int, list[Citation]] = {}

        def note_level() -> list[Citation]:
            nonlocal note_cites
            if note_cites is None:
                note_cites = self.note_citations()
            return note_cites

        for block, s in self._statements():
            in_claim_callout = block is not None and block.callout == "claim"
            # a list item under a heading is matched once, for the role reading and below
            named = self.mentions(s.text, s.links) if s.context and not s.card else None
            reading = self._role_list_item(s, named) if named is not None else None
            s = reading or s
            if not in_claim_callout and self._not_a_claim(s, heading=block is None):
                continue
            mentions = (
                named if named is not None and reading is None else self.mentions(s.text, s.links)
            )
            if not any(m.key for m in mentions) and not in_claim_callout:
                continue
            if reading is None and not _has_words_outside(s.text, mentions):
                continue  # a bare link ("- [[Caffeine]]") states nothing
            claim = self._new(s.text, s.line, "callout" if in_claim_callout else "sentence")
            claim.entities = _unique(m.key for m in mentions if m.key)
            claim.certainty = certainty(s.text)  # type: ignore[assignment]
            subject, obj = self._card_defaults(s, mentions)
            claim.relations = self._relations(s, mentions, subject, obj)
            cites = self.sentence_citations(s)
            if not cites and block is not None:
                if block.line not in block_cites:
                    block_cites[block.line] = self.block_citations(block)
                cites = block_cites[block.line]
            if not cites:
                cites = note_level()
            if not cites and self.own_source:
                # what a source note says of its source is supported by that source
                cites = [Citation(self.own_source, "note", "self")]
            self._finish(claim, cites)
        for fld in note.fields:
            self._field_claim(fld, note_level)
        self._property_claims(note_level)
        if self._has_title_claim():
            self._title_claim()
        return self.claims

    # -- where statements are read ---------------------------------------------------------

    def _statements(self) -> list[tuple[Block | None, Sentence]]:
        """Every sentence that may state a claim, in reading order: statement-like headings
        (with no block) and the sentences of prose blocks outside the references."""
        found: list[tuple[Block | None, Sentence]] = []
        # a claim note's title is its claim already; its first heading often repeats it
        title = normalise(self.note.title) if self._has_title_claim() else None
        for h in self.note.headings:
            if h.sentence is None or normalise(h.sentence.text) == title:
                continue
            if not any(REFERENCE_SECTIONS.match(text.strip()) for text, _ in h.sentence.context):
                found.append((None, h.sentence))
        for block in self.note.blocks:
            if not self._in_references(block):
                found.extend((block, s) for s in block.sentences)
        return sorted(found, key=lambda pair: pair[1].line)

    def _headings_above(self, line: int) -> list[tuple[str, int]]:
        """The headings a line stands under, outermost first."""
        stack: list[tuple[int, str, int]] = []
        for h in self.note.headings:
            if h.line >= line:
                break
            while stack and stack[-1][0] >= h.level:
                stack.pop()
            stack.append((h.level, h.text, h.line))
        return [(text, at) for _, text, at in stack]

    def _has_title_claim(self) -> bool:
        return self.entity is None and str(self.note.property("type", "")).lower() == "claim"

    def _not_a_claim(self, s: Sentence, heading: bool = False) -> bool:
        """Questions, instructions, narration, navigation, fragments and template text."""
        if normalise(s.text) in self.template:
            return True
        reason = not_a_statement(
            s.text,
            links=[link.display for link in s.links],
            heading=heading,
            card=s.card,
            context=[text for text, _ in s.context],
        )
        return reason is not None

    def _role_list_item(self, s: Sentence, mentions: list[Mention]) -> Sentence | None:
        """A list item that only names drugs, under a heading or item that names a role at a
        target or a class, states that role: "- Rifampicin" under "## CYP3A4 inducers" reads
        "Rifampicin — CYP3A4 inducers"; "- bromocriptine" under "- Agonists" under
        "## D2 receptor" reads "bromocriptine — D2 receptor agonists"; at the item's line."""
        found = [m for m in mentions if m.key]
        if not found or any(m.type != "drug" for m in found):
            return None
        rest = s.text
        for m in sorted(found, key=lambda m: -m.start):
            rest = rest[: m.start] + " " + rest[m.end :]
        if len(_WORDS.findall(rest)) > 4:
            return None  # the item says more than its names and a short aside
        label = self._role_label(s.context)
        if label is None:
            return None
        reading = Sentence(f"{s.text} — {label}", s.line, s.col, list(s.links), list(s.footnotes))
        reading.context, reading.citekeys, reading.urls = s.context, s.citekeys, s.urls
        return reading

    def _role_label(self, context: list[tuple[str, int]]) -> str | None:
        """The role a list stands under: "CYP3A4 inducers", "5-HT3 antagonists", or a bare
        "Agonists" completed by the one target named higher up ("D2 receptor agonists")."""
        label = context[-1][0].split(":")[0].strip()
        named = [m for m in self.mentions(label, []) if m.key]
        classes = [m for m in named if m.type == "drug-class"]
        targets = [m for m in named if m.type in TARGET_TYPES]
        if len(classes) + len(targets) != len(named):
            return None  # "Opioids, cannabinoids, GABA": a list of topics, not a role
        if classes:
            return label if len(named) == 1 else None
        role = _ROLE_NOUN.search(label)
        if role is None:
            return None
        if targets:
            return label
        if len(_WORDS.findall(label)) > 3:
            return None
        for text, _ in reversed(context[:-1]):
            above = [m for m in self.mentions(text, []) if m.key]
            if len(above) == 1 and above[0].type in TARGET_TYPES:
                target = _RECEPTORS.sub("receptor", text[above[0].start : above[0].end])
                return f"{target} {label.lower()}"
            if above:
                return None
        return None

    def _relations(
        self, s: Sentence, mentions: list[Mention], subject: str | None, obj: str | None
    ) -> list[RelationMention]:
        """What a sentence states of drugs and targets; a card is read in a few rewordings."""
        texts = cards.readings(s.text) if s.card else [s.text]
        for text in texts:
            found = mentions if text == s.text else self.mentions(text, s.links)
            relations = [
                RelationMention(f.subject, f.action, f.object, f.negated)
                for f in extract(text, found, subject, obj, carriers=self.cat.carriers)
            ]
            if relations:
                return relations
        found = memberships(s.text, mentions, self.cat.class_mechanisms)
        if found or s.card:
            return found
        return self._label_relations(s, subject)

    def _label_relations(self, s: Sentence, subject: str | None) -> list[RelationMention]:
        """ "- μ-opioid receptor: partial agonist" under a drug: what the drug is at the one
        target its label names (cards.label_reading)."""
        reading = cards.label_reading(s.text)
        if subject is None or reading is None:
            return []
        label, text = reading
        named = [m for m in self.mentions(label, []) if m.key]
        if len(named) != 1 or named[0].type not in TARGET_TYPES:
            return []
        return [
            RelationMention(f.subject, f.action, f.object, f.negated)
            for f in extract(
                text, self.mentions(text, s.links), subject, None, carriers=self.cat.carriers
            )
        ]

    def defaults(self, context: list[tuple[str, int]]) -> tuple[str | None, str | None]:
        """The drug and the target a sentence speaks of when it names none itself.

        The nearest heading or parent list item that names a drug (a target) decides: its
        topic, when that is its first-named entity and the only one of its kind ("## Haloperidol",
        "- Nicotinic receptors"); failing any, the note's own drug or target.
        """
        subject: str | None = None
        obj: str | None = None
        decided = {"drug": False, "target": False}
        for text, _ in reversed(context):
            found = [m for m in self.mentions(text, []) if m.key]
            drugs = _unique(m.key for m in found if m.type == "drug")
            targets = _unique(m.key for m in found if m.type in TARGET_TYPES)
            if drugs and not decided["drug"]:
                decided["drug"] = True
                if len(drugs) == 1 and found[0].key == drugs[0]:
                    subject = drugs[0]
            if targets and not decided["target"]:
                decided["target"] = True
                if len(targets) == 1 and found[0].key == targets[0]:
                    obj = targets[0]
        if self.entity is not None and not decided["drug"] and self.entity.type == "drug":
            subject = self.entity.key
        if self.entity is not None and not decided["target"] and self.entity.type in TARGET_TYPES:
            obj = self.entity.key
        return subject, obj

    def _card_defaults(self, s: Sentence, mentions: list[Mention]) -> tuple[str | None, str | None]:
        """The defaults of a sentence; a card's question that names one drug (one target) gives
        the default subject (object) of its answer: "Fentanyl is cleared by which enzyme?"."""
        subject, obj = self.defaults(s.context)
        if not s.card:
            return subject, obj
        end = s.text.find(cards.SEPARATOR)
        asked = [m for m in mentions if m.key and m.end <= end]
        drugs = _unique(m.key for m in asked if m.type == "drug")
        targets = _unique(m.key for m in asked if m.type in TARGET_TYPES)
        return (
            drugs[0] if len(drugs) == 1 else subject,
            targets[0] if len(targets) == 1 else obj,
        )

    def _field_claim(self, fld: InlineField, note_level) -> None:  # type: ignore[no-untyped-def]
        key = fld.key.strip().lower()
        action = action_for_key(key)
        if key not in ("claim", "claims") and action is None:
            if is_card_question(fld.key, fld.value) or self._field_states(fld):
                self._card_claim(fld, note_level)
            return
        targets = [
            self.cat.entities[link.resolved]
            for link in fld.links
            if link.resolved in self.cat.entities
        ]
        shown = _WIKILINK.sub(lambda m: m.group(1).split("|")[-1].strip(), fld.value)
        if action is None:
            text = shown
        else:
            if self.entity is None or not targets:
                return
            text = f"{self.entity.title} {action.key}:: {shown}"
        claim = self._new(text, fld.line, "field")
        claim.entities = _unique(
            [*([self.entity.key] if self.entity else []), *(t.key for t in targets)]
        )
        claim.certainty = certainty(fld.value)  # type: ignore[assignment]
        if action is not None and self.entity is not None:
            for t in targets:
                if t.type in TARGET_TYPES:
                    claim.relations.append(
                        RelationMention(self.entity.key, action.name, t.key, explicit=True)
                    )
        cites = self._cite_links(fld.links, "sentence", "link")
        for label in fld.footnotes:
            cites.extend(self._cite_footnote(label, "sentence"))
        cites.extend(self._cite_citekeys(fld.citekeys, "sentence", fld.line))
        cites = _dedupe(cites)
        if not cites:
            block = next((b for b in self.note.blocks if b.line <= fld.line <= b.end_line), None)
            if block is not None:
                cites = self.block_citations(block)
        self._finish(claim, cites or note_level())

    def _field_states(self, fld: InlineField) -> bool:
        """Whether a field is a statement "Key — value", read as a card: its key names one drug
        or target ("Lamotrigine:: blocks sodium channels"), or its value states something of
        one ("Mechanism:: blocks D2 receptors"). Metadata stays a field: "status:: done",
        "caffeine:: 2 cups", "related:: [[Haloperidol]]"."""
        key = " ".join(fld.key.strip(" *_").split())
        if fld.style != "line":
            return False  # "[key:: value]" inside a sentence: that sentence is the statement
        if key.lower() in _METADATA_KEYS or key.lower() in _BARE_ASKING:
            return False  # "why:: it blocks D2" answers a question the note never asks
        value = _WIKILINK.sub(lambda m: m.group(1).split("|")[-1].strip(), fld.value).strip()
        only_links = not re.search(r"[^\W\d_]", _WIKILINK.sub("", fld.value))
        if only_links or len(re.findall(r"[^\W\d_]{2,}", value)) < 2 or not value[0].isalpha():
            return False
        named = [m for m in self.mentions(key, []) if m.key]
        if (
            len(named) == 1
            and named[0].type in ("drug", *TARGET_TYPES)
            and not re.search(r"\w", key[: named[0].start] + key[named[0].end :])
        ):
            return True
        return has_predicate(value) and any(m.key for m in self.mentions(value, fld.links))

    def _card_claim(self, fld: InlineField, note_level) -> None:  # type: ignore[no-untyped-def]
        """A flashcard written "Question::Answer": the answer read in the question's context."""
        shown = _WIKILINK.sub(lambda m: m.group(1).split("|")[-1].strip(), fld.value)
        text = f"{' '.join(fld.key.split())} — {' '.join(shown.split())}"
        sentence = Sentence(text, fld.line, fld.col, list(fld.links), list(fld.footnotes))
        sentence.citekeys, sentence.card = list(fld.citekeys), True
        block = next((b for b in self.note.blocks if b.line <= fld.line <= b.end_line), None)
        if block is not None and block.sentences:
            sentence.context = block.sentences[0].context
        else:
            sentence.context = self._headings_above(fld.line)
        if self._not_a_claim(sentence):
            return
        mentions = self.mentions(text, sentence.links)
        if not any(m.key for m in mentions):
            return
        claim = self._new(text, fld.line, "sentence")
        claim.entities = _unique(m.key for m in mentions if m.key)
        claim.certainty = certainty(text)  # type: ignore[assignment]
        subject, obj = self._card_defaults(sentence, mentions)
        claim.relations = self._relations(sentence, mentions, subject, obj)
        cites = self.sentence_citations(sentence)
        if not cites and block is not None:
            cites = self.block_citations(block)
        self._finish(claim, cites or note_level())

    def _property_claims(self, note_level) -> None:  # type: ignore[no-untyped-def]
        if self.entity is None:
            return
        for key, value in self.note.properties.items():
            action = action_for_key(key)
            if action is None:
                continue
            targets = []
            for text in strings_in(value):
                for m in _WIKILINK.finditer(text):
                    target = m.group(1).split("|")[0].split("#")[0].strip()
                    res = self.cat.index.resolve(target, self.note.path)
                    if res.path in self.cat.entities:
                        targets.append(self.cat.entities[res.path])
            if not targets:
                continue
            line = _property_line(self.note, key)
            text = f"{self.entity.title} {action.key}: {', '.join(t.title for t in targets)}"
            claim = self._new(text, line, "property")
            claim.entities = _unique([self.entity.key, *(t.key for t in targets)])
            for t in targets:
                if t.type in TARGET_TYPES:
                    claim.relations.append(
                        RelationMention(self.entity.key, action.name, t.key, explicit=True)
                    )
            self._finish(claim, note_level())

    def _title_claim(self) -> None:
        note = self.note
        claim = self._new(note.title, 1, "title")
        mentions = self.mentions(note.title, [])
        claim.entities = _unique(m.key for m in mentions if m.key)
        claim.certainty = certainty(note.title)  # type: ignore[assignment]
        for f in extract(note.title, mentions):
            claim.relations.append(RelationMention(f.subject, f.action, f.object, f.negated))
        # the body of an atomic claim note is its evidence: any citation in it counts
        cites = list(self.note_citations())
        for block in note.blocks:
            for s in block.sentences:
                cites.extend(Citation(c.source, "note", c.via) for c in self.sentence_citations(s))
        self._finish(claim, _dedupe(cites))

    def _finish(self, claim: Claim, cites: list[Citation]) -> None:
        claim.citations = cites
        claim.scope = cites[0].scope if cites else None
        good = []
        for c in cites:
            src = self.cat.sources[c.source]
            if src.retracted:
                if "retracted" not in claim.flags:
                    claim.flags.append("retracted")
            else:
                good.append(src.level)
        claim.level = best_level(good)
        self.claims.append(claim)


def regrade(claims: list[Claim], sources: dict[str, Source]) -> None:
    """Grade every claim again once all notes are read: a source cited bare in one note
    ("PMID 123") may learn its design from a full reference in a note read later."""
    for claim in claims:
        good = [sources[c.source].level for c in claim.citations if not sources[c.source].retracted]
        claim.level = best_level(good)


def _has_words_outside(text: str, mentions: list[Mention]) -> bool:
    for m in sorted(mentions, key=lambda m: -m.start):
        text = text[: m.start] + " " + text[m.end :]
    return re.search(r"[^\W\d_]{2,}", text) is not None


def _reference_root(section: tuple[str, ...]) -> tuple[str, ...] | None:
    """The headings down to a References/Sources/Bibliography heading above a block."""
    for i, heading in enumerate(section):
        if REFERENCE_SECTIONS.match(heading.strip()):
            return section[: i + 1]
    return None


def link_texts(text: str) -> dict[str, list[tuple[str, bool]]]:
    """URL -> (text, in brackets) of each Markdown link to it in a note's source."""
    out: dict[str, list[tuple[str, bool]]] = {}
    for m in _MD_LINK.finditer(text):
        found = find_urls(text[m.end() : m.end() + 2000])
        if found and found[0][0] == 0:
            wrapped = m.start() > 0 and text[m.start() - 1] in "(["
            out.setdefault(found[0][2], []).append((m.group(1).strip(), wrapped))
    return out


def _property_line(note: Note, key: str) -> int:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*:", re.IGNORECASE)
    for i, line in enumerate(note.text.splitlines()[: note.frontmatter_lines], start=1):
        if pattern.match(line):
            return i
    return 1


def _dedupe(cites: list[Citation]) -> list[Citation]:
    seen = set()
    out = []
    for c in cites:
        if c.source not in seen:
            seen.add(c.source)
            out.append(c)
    return out


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
