"""Reading a reference written out in words: AMA, Vancouver, APA or Harvard style.

"Smith J, Lee K. Title. J Clin Psych. 2019;80(2):123-130. doi:10.1/x" and
"Smith, J., & Lee, K. (2019). Title. Journal, 80(2), 123–130." give authors, year, title,
journal and identifiers; the words of the title (and a few journals) give the study design.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .identifiers import (
    ISBN_PATTERN,
    PMCID_PATTERN,
    PMID_PATTERN,
    article_id,
    find_dois,
    find_urls,
    is_preprint_doi,
)

# "2019;80(2):123", "2019 Mar;80:123", "2019 Mar 3;80" — the year and volume of AMA/Vancouver
_AMA_ISSUE = re.compile(r"\b((?:19|20)\d\d)(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;\s*\d+")
# "(2019)." or "(2019, March 3)." after the authors (APA, Harvard)
_APA_YEAR = re.compile(
    r"^(?P<authors>[^()]{2,300}?)\s*\((?P<year>(?:19|20)\d\d)[a-z]?(?:,[^)]*)?\)\.?"
)
# "Smith J, Lee K" (AMA) and "Smith, J., & Lee, K." (APA)
_AMA_AUTHORS = re.compile(r"\s*[,;]\s*|\s+and\s+")
_APA_AUTHORS = re.compile(r"(?<=\.),\s*(?:&\s*)?|\s+&\s+|,?\s+and\s+")

# Study designs named in a title, most specific first: a systematic review of trials is a
# systematic review, a trial in mice an animal study.
_DESIGNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("meta-analysis", r"\bmeta-?\s?analy[sz]|\bmeta-regression|\bpooled analysis\b"),
        ("systematic review", r"\bsystematic (?:literature )?review|\bumbrella review|cochrane"),
        # not "…data from Get With The Guidelines", a registry
        (
            "guideline",
            r"(?<!with the )\bguidelines?\b|\bpractice parameter|"
            r"\brecommendations? (?:of|from|for)\b",
        ),
        ("consensus statement", r"\bconsensus\b|\bposition (?:statement|paper)\b"),
        (
            "narrative review",
            r"\breview\b|\boverview\b|\bstate of the art\b|\ban update\b|\bupdates? on\b",
        ),
        (
            "animal study",
            r"\b(?:rats?|mice|mouse|murine|rodents?|primates?|monkeys?|macaques?|zebrafish|"
            r"drosophila|canine|porcine|rabbits?|in vivo)\b",
        ),
        ("in-vitro assay", r"\bin vitro\b|\bcell lines?\b|\bcultured\b|\borganoids?\b"),
        (
            "randomised controlled trial",
            r"\brandomi[sz]ed\b[^.]{0,80}?\b(?:trials?|study|studies)\b|\bRCTs?\b|"
            r"\bplacebo-controlled\b[^.]{0,40}?\btrials?\b",
        ),
        ("cohort", r"\bcohort\b|\blongitudinal study\b|\bprospective (?:study|analysis)\b"),
        ("case-control", r"\bcase[- ]control\b"),
        ("cross-sectional", r"\bcross[- ]sectional\b"),
        ("case series", r"\bcase series\b|\breport of (?:two|three|four|\d+) cases\b"),
        ("case report", r"\bcase reports?\b|\ba case of\b|\bcase study\b"),
    )
)
_PREPRINT = re.compile(r"\b(?:biorxiv|medrxiv|arxiv|psyarxiv|research square|ssrn)\b", re.I)
_BOOK = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th) ed\b|eds?\.|edition\b|press\b|publishers?\b|publishing\b|"
    r"elsevier\b|springer\b|wiley\b|mcgraw|wolters kluwer\b|lippincott\b|saunders\b)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Reference:
    """What a written reference says of the work it cites."""

    text: str
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    title: str | None = None
    journal: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    isbn: str | None = None
    urls: list[str] = field(default_factory=list)
    design: str | None = None  # a study design or publication type read from the words
    style: str | None = None  # "ama" (AMA/Vancouver), "apa" (APA/Harvard) or None

    @property
    def is_article(self) -> bool:
        return bool(self.doi or self.pmid or self.pmcid or self.journal)

    @property
    def source_type(self) -> str | None:
        """The source type this reference gives, or None when it says nothing."""
        if self.design:
            return self.design
        if self.is_article:
            return "journal article"
        if self.isbn or _BOOK.search(self.text):
            return "book"
        return None


def plain(text: str) -> str:
    """The reference without Markdown emphasis or link targets."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(re.sub(r"(?<!\w)[*_]{1,2}|[*_]{1,2}(?!\w)", "", text).split())


def design_of(text: str) -> str | None:
    """The study design or publication type a title names, or None."""
    for name, pattern in _DESIGNS:
        if pattern.search(text):
            return name
    return None


def read_reference(text: str) -> Reference:
    """Read a reference in any of the usual styles; what cannot be read stays None."""
    ref = Reference(text=text)
    for kind, value in identifiers_of(text):
        if kind == "url":
            ref.urls.append(value)
        elif getattr(ref, kind) is None:
            setattr(ref, kind, value)
    words = plain(text)
    ama = _AMA_ISSUE.search(words)
    apa = _APA_YEAR.match(words)
    if apa:
        ref.style, ref.year = "apa", int(apa.group("year"))
        ref.authors = _authors(apa.group("authors"), _APA_AUTHORS)
        parts = _sentences(words[apa.end() :])
        if parts:
            ref.title = parts[0]
        if len(parts) > 1 and re.search(r",\s*\d+", parts[1]):
            ref.journal = parts[1].split(",")[0].strip() or None
    elif ama:
        ref.style, ref.year = "ama", int(ama.group(1))
        parts = _sentences(words[: ama.start()])
        if len(parts) >= 3:
            ref.authors = _authors(parts[0], _AMA_AUTHORS)
            ref.title = ". ".join(parts[1:-1])
            ref.journal = parts[-1]
        elif len(parts) == 2:
            ref.title, ref.journal = parts
    else:
        m = re.search(r"\b((?:19|20)\d\d)\b", words)
        ref.year = int(m.group(1)) if m else None
    if (ref.journal and _PREPRINT.search(ref.journal)) or (ref.doi and is_preprint_doi(ref.doi)):
        ref.design = "preprint"
    elif ref.journal and re.search(r"cochrane", ref.journal, re.I):
        ref.design = "systematic review"
    else:
        # the title when it could be read, else everything but the journal's name
        about = ref.title or (words.replace(ref.journal, " ") if ref.journal else words)
        ref.design = design_of(about)
        if ref.design is None and _PREPRINT.search(words):
            ref.design = "preprint"
    return ref


def identifiers_of(text: str) -> list[tuple[str, str]]:
    """(kind, value) for each DOI, PMID, PMC id, ISBN and URL in ``text``; a URL of a PubMed,
    PMC or DOI page gives that identifier instead of a URL."""
    found: list[tuple[str, str]] = []
    urls = find_urls(text)
    for _, _, url in urls:
        found.append(article_id(url) or ("url", url))
    inside = [(s, e) for s, e, _ in urls]
    for start, _, doi in find_dois(text):
        if not any(s <= start < e for s, e in inside):
            found.append(("doi", doi))
    found.extend(("pmid", m.group(1)) for m in PMID_PATTERN.finditer(text))
    found.extend(("pmcid", m.group(1).upper()) for m in PMCID_PATTERN.finditer(text))
    found.extend(
        ("isbn", re.sub(r"[^0-9Xx]", "", m.group(1)).upper()) for m in ISBN_PATTERN.finditer(text)
    )
    return list(dict.fromkeys(found))


_CITATION_WORDS = re.compile(
    r"^\W*(?:sources?|refs?\.?|references?|citations?|cited?|via|from|pubmed|pmc|pmid|doi|"
    r"link|here|article|paper|study|abstract|full[ -]?text|pdf|\d{1,3})\W*$",
    re.IGNORECASE,
)
_AUTHOR_YEAR = re.compile(r"\b[A-Z][\w'’-]+.{0,40}?\b(?:19|20)\d\d[a-z]?\b")
_JOURNAL_STYLE = re.compile(r"\b(?:19|20)\d\d[a-z]?\s*;\s*\d+|\((?:19|20)\d\d[a-z]?\)|\bet al\b")


def is_citation_text(text: str) -> bool:
    """Whether a link's text reads as a citation ("source", "ref", "[3]", "Smith 2019",
    "PubMed") rather than as a name ("Sertraline", "the serotonin transporter")."""
    return bool(
        _CITATION_WORDS.match(text) or _AUTHOR_YEAR.search(text) or looks_like_reference(text)
    )


def looks_like_reference(text: str) -> bool:
    """Whether ``text`` reads as a bibliography entry: it carries an identifier or a URL,
    a year in parentheses, a journal-style "2019;80(2):123" or "et al"."""
    if any(kind != "url" for kind, _ in identifiers_of(text)):
        return True
    return bool(find_urls(text) or _JOURNAL_STYLE.search(text))


def _sentences(text: str) -> list[str]:
    """Split at ". ", "? " and "! "."""
    parts = re.split(r"[.?!]\s+(?=\S)", text.strip())
    return [p.strip().rstrip(".").strip() for p in parts if p.strip(" .")]


def _authors(text: str, split: re.Pattern[str]) -> list[str]:
    text = re.sub(r",?\s*et al\b.*$", "", text.strip())
    return [a.strip(" ,") for a in split.split(text) if a.strip(" .,")]
