"""How good a source is, and how sure a sentence sounds."""

from __future__ import annotations

import re

from ..constants import LEVELS as LEVELS  # re-exported: tests and older callers
from .identifiers import article_id, is_preprint_doi

_RANK = {level: i for i, level in enumerate(LEVELS)}

SOURCE_LEVELS: dict[str, str] = {
    "meta-analysis": "high",
    "systematic review": "high",
    "randomised controlled trial": "high",
    "cohort": "moderate",
    "case-control": "moderate",
    "cross-sectional": "moderate",
    "non-randomised trial": "moderate",
    "in-vitro assay": "moderate",
    "binding assay": "moderate",
    "animal study": "moderate",
    "pharmacology database": "moderate",
    "journal article": "moderate",
    "guideline": "moderate",
    "narrative review": "low",
    "consensus statement": "low",
    "textbook": "low",
    "book": "low",
    "case report": "low",
    "case series": "low",
    "preprint": "low",
    "encyclopedia": "very-low",
    "news": "very-low",
    "website": "very-low",
    "blog": "very-low",
    "opinion": "very-low",
    "anecdote": "very-low",
    "marketing": "very-low",
    "unspecified": "very-low",
}

# Other ways people write the same source types.
_TYPE_SYNONYMS = {
    "meta analysis": "meta-analysis",
    "metaanalysis": "meta-analysis",
    "systematic-review": "systematic review",
    "rct": "randomised controlled trial",
    "randomized controlled trial": "randomised controlled trial",
    "randomised trial": "randomised controlled trial",
    "randomized trial": "randomised controlled trial",
    "clinical trial": "non-randomised trial",
    "non-randomized trial": "non-randomised trial",
    "cohort study": "cohort",
    "prospective cohort": "cohort",
    "observational": "cohort",
    "observational study": "cohort",
    "case control": "case-control",
    "case-control study": "case-control",
    "cross sectional": "cross-sectional",
    "cross-sectional study": "cross-sectional",
    "in vitro": "in-vitro assay",
    "in-vitro": "in-vitro assay",
    "in vitro assay": "in-vitro assay",
    "binding": "binding assay",
    "animal": "animal study",
    "animal model": "animal study",
    "preclinical": "animal study",
    "database": "pharmacology database",
    "curated database": "pharmacology database",
    "curated pharmacology database": "pharmacology database",
    "article": "journal article",
    "paper": "journal article",
    "primary study": "journal article",
    "review": "narrative review",
    "review article": "narrative review",
    "literature review": "narrative review",
    "encyclopaedia": "encyclopedia",
    "wiki": "encyclopedia",
    "web": "website",
    "web page": "website",
    "webpage": "website",
    "glossary": "website",
    "blog post": "blog",
    "press": "news",
    "newspaper": "news",
    "advert": "marketing",
    "advertisement": "marketing",
    "commercial": "marketing",
    "case reports": "case report",
    "editorial": "opinion",
    "commentary": "opinion",
    "letter": "opinion",
    "journal article": "journal article",
    "research paper": "journal article",
    "research article": "journal article",
    "scientific article": "journal article",
    "study": "journal article",
    "trial": "non-randomised trial",
    "book section": "book",
    "book chapter": "book",
    "chapter": "book",
    "guidelines": "guideline",
    "clinical guideline": "guideline",
    "practice guideline": "guideline",
    "clinical practice guideline": "guideline",
    "consensus": "consensus statement",
    "expert consensus": "consensus statement",
    "position statement": "consensus statement",
    "animal studies": "animal study",
    "in vivo": "animal study",
    "systematic reviews": "systematic review",
    "meta-analyses": "meta-analysis",
    "case study": "case report",
    "encyclopedia article": "encyclopedia",
    "newspaper article": "news",
    "magazine article": "news",
    "blogpost": "blog",
}
# the same keys without spaces or hyphens, for tags like #source/researchpaper
_COMPACT = {
    re.sub(r"[\s-]", "", key): value
    for key, value in [*((k, k) for k in SOURCE_LEVELS), *_TYPE_SYNONYMS.items()]
}

HEDGE_CUES = re.compile(
    r"\b(?:may|might|could|can|possibly|possible|perhaps|probably|likely|unlikely|suggests?|"
    r"suggested|suggesting|appears? to|seems? to|thought to|believed to|proposed|propose[sd]?|"
    r"hypothes[ie]s|hypothesi[sz]ed|potentially|presumably|putative(?:ly)?|reportedly|"
    r"is said to|some evidence|tentative(?:ly)?|not (?:yet )?clear|unclear|indicates?)\b",
    re.IGNORECASE,
)
SPECULATION_CUES = re.compile(
    r"\b(?:speculat\w*|conceivabl[ey]|hypothetical(?:ly)?|it is tempting|unproven|untested|"
    r"no (?:direct )?evidence|remains to be (?:shown|tested|seen))\b",
    re.IGNORECASE,
)


def normalise_source_type(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    key = " ".join(value.strip().lower().replace("_", " ").split())
    key = _TYPE_SYNONYMS.get(key, key)
    if key not in SOURCE_LEVELS:
        key = _COMPACT.get(re.sub(r"[\s-]", "", key), key)
    return key if key in SOURCE_LEVELS else None


def level_of(source_type: str) -> str:
    return SOURCE_LEVELS.get(source_type, "very-low")


def rank(level: str) -> int:
    """0 for high … 4 for unsupported: lower is better."""
    return _RANK[level]


def best_level(levels: list[str]) -> str:
    return min(levels, key=rank) if levels else "unsupported"


def at_least(level: str, minimum: str) -> bool:
    return rank(level) <= rank(minimum)


def certainty(text: str) -> str:
    """``asserted``, ``hedged`` or ``speculative``, from cue words in the sentence."""
    if SPECULATION_CUES.search(text):
        return "speculative"
    if HEDGE_CUES.search(text):
        return "hedged"
    return "asserted"


# Sites whose pages are one kind of source wherever they are cited: preprint servers, clinical
# guideline bodies, curated pharmacology databases and point-of-care references (textbooks).
# The first entry that the host ends with wins.
_KNOWN_HOSTS: tuple[tuple[str, str], ...] = (
    ("biorxiv.org", "preprint"),
    ("medrxiv.org", "preprint"),
    ("arxiv.org", "preprint"),
    ("psyarxiv.com", "preprint"),
    ("researchsquare.com", "preprint"),
    ("bnf.nice.org.uk", "pharmacology database"),  # the formulary, before NICE's guidance
    ("nice.org.uk", "guideline"),
    ("sign.ac.uk", "guideline"),
    ("guidelines.gov", "guideline"),
    ("guidetopharmacology.org", "pharmacology database"),
    ("drugbank.com", "pharmacology database"),
    ("drugbank.ca", "pharmacology database"),
    ("ebi.ac.uk", "pharmacology database"),
    ("pubchem.ncbi.nlm.nih.gov", "pharmacology database"),
    ("pdsp.unc.edu", "pharmacology database"),
    ("uptodate.com", "textbook"),
    ("dynamed.com", "textbook"),
    ("bestpractice.bmj.com", "textbook"),
    ("merckmanuals.com", "textbook"),
    ("msdmanuals.com", "textbook"),
    ("accessmedicine.mhmedical.com", "textbook"),
)


def infer_source_type(
    *,
    doi: str | None = None,
    pmid: str | None = None,
    isbn: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    text: str = "",
) -> str:
    """A source's type from what is known of it, when no ``source_type`` is given."""
    if doi and is_preprint_doi(doi):
        return "preprint"
    if doi or pmid:
        return "journal article"
    if url and (found := article_id(url)):
        return infer_source_type(doi=found[1]) if found[0] == "doi" else "journal article"
    if isbn or publisher:
        return "book"
    lowered = (url or "").lower() + " " + text.lower()
    if "wikipedia.org" in lowered or "britannica.com" in lowered:
        return "encyclopedia"
    host = re.match(r"^[a-z][\w+.-]*://(?:www\.)?([^/:?#]+)", url or "", re.IGNORECASE)
    if host:
        name = host.group(1).lower()
        for suffix, stype in _KNOWN_HOSTS:
            if name == suffix or name.endswith("." + suffix):
                return stype
    if url and re.search(r"^[a-z]+://[^/]+/(?:.*/)?books?/", url, re.IGNORECASE):
        return "book"  # a chapter of a book online: ncbi.nlm.nih.gov/books/NBK…, …/content/book/…
    if url:
        return "website"
    if re.search(r"\b(?:press|publishers?|publishing|edition|ed\.)\b", text, re.IGNORECASE):
        return "book"
    if re.search(r"\b(?:19|20)\d\d\s*;\s*\d+", text):  # "1996;153(2):151" journal reference
        return "journal article"
    return "unspecified"
