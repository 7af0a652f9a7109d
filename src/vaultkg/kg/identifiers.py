"""Identifiers in front matter (``chebi: 27732``, ``doi: 10.1176/...``) as CURIEs and IRIs.

The prefix records come from the Bioregistry (exported by scripts/make_prefix_map.py) and
are applied with ``curies``, so "CHEBI:27732", "chebi:27732" and "27732" under ``chebi:`` all
become ``chebi:27732`` and http://purl.obolibrary.org/obo/CHEBI_27732.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import unquote

import curies

# front matter key -> Bioregistry prefix; the second entry is used on target notes
KEY_PREFIXES: dict[str, tuple[str, str]] = {
    "chebi": ("chebi", "chebi"),
    "pubchem": ("pubchem.compound", "pubchem.compound"),
    "chembl": ("chembl.compound", "chembl.target"),
    "drugbank": ("drugbank", "drugbank"),
    "uniprot": ("uniprot", "uniprot"),
    "hgnc": ("hgnc", "hgnc"),
    "gene": ("hgnc.symbol", "hgnc.symbol"),
    "iuphar": ("iuphar.ligand", "iuphar.receptor"),
    "gtopdb": ("iuphar.ligand", "iuphar.receptor"),
    "mesh": ("mesh", "mesh"),
    "wikidata": ("wikidata", "wikidata"),
    "doi": ("doi", "doi"),
    "pmid": ("pubmed", "pubmed"),
    "pubmed": ("pubmed", "pubmed"),
    "isbn": ("isbn", "isbn"),
}

DOI_PATTERN = re.compile(r"\b10\.\d{4,9}/(?=\S)")
PMID_PATTERN = re.compile(r"\bPMID:?\s*(\d{4,9})\b", re.IGNORECASE)
ISBN_PATTERN = re.compile(r"\bISBN(?:-1[03])?:?\s*([0-9][0-9\- ]{8,16}[0-9Xx])\b")
PMCID_PATTERN = re.compile(r"\b(PMC\d{4,9})\b")
URL_START = re.compile(r"https?://", re.IGNORECASE)

_OPEN = {"(": ")", "[": "]", "{": "}"}
_STOP = frozenset(' \t\n"<>|`')
_TRAILING = ".,;:!?'*_"

# Pages that are one journal article: PubMed, PubMed Central, Europe PMC, a DOI resolver.
_ARTICLE_URLS = (
    ("pmid", re.compile(r"^https?://pubmed\.ncbi\.nlm\.nih\.gov/(\d{1,9})\b", re.I)),
    (
        "pmid",
        re.compile(r"^https?://(?:www\.)?ncbi\.nlm\.nih\.gov/pubmed/(?:\?term=)?(\d{1,9})\b", re.I),
    ),
    (
        "pmid",
        re.compile(r"^https?://(?:www\.)?europepmc\.org/(?:abstract|article)/MED/(\d+)", re.I),
    ),
    ("pmcid", re.compile(r"^https?://(?:www\.)?ncbi\.nlm\.nih\.gov/pmc/articles/(PMC\d+)", re.I)),
    ("pmcid", re.compile(r"^https?://pmc\.ncbi\.nlm\.nih\.gov/articles/(PMC\d+)", re.I)),
    (
        "pmcid",
        re.compile(r"^https?://(?:www\.)?europepmc\.org/(?:abstract|article)/PMC/(PMC\d+)", re.I),
    ),
    ("doi", re.compile(r"^https?://(?:dx\.)?doi\.org/(10\.\d{4,9}/.+)$", re.I)),
)
_DOI_IN_PATH = re.compile(r"^https?://[^/]+/(?:.*/)?(10\.\d{4,9}/[^\s]+)$", re.I)
_PAGE_SUFFIX = re.compile(r"(?:/(?:full|abstract|e?pdf|full-?text|html|meta|summary))+/?$")


def _balanced_end(text: str, start: int) -> int:
    """Where a DOI or URL that starts at ``start`` ends: at a space or an unbalanced closing
    bracket ("(doi:10.1/x(2)3)" keeps its inner pair), before an opening bracket never closed,
    and without trailing punctuation."""
    opened: list[tuple[str, int]] = []  # (closer, position of the opener)
    i = start
    while i < len(text):
        ch = text[i]
        if ch in _STOP:
            break
        if ch in _OPEN:
            opened.append((_OPEN[ch], i))
        elif ch in ")]}":
            if not opened or opened[-1][0] != ch:
                break
            opened.pop()
        i += 1
    if opened:
        i = opened[0][1]
    while i > start and text[i - 1] in _TRAILING:
        i -= 1
    return i


def find_dois(text: str) -> list[tuple[int, int, str]]:
    """(start, end, doi) for each DOI in ``text``, per the DOI syntax: "10.", a registrant
    code, "/", and a suffix that may hold balanced brackets ("10.1016/S0140-6736(20)30183-5")."""
    out = []
    for m in DOI_PATTERN.finditer(text):
        end = _balanced_end(text, m.end())
        if end > m.end():
            out.append((m.start(), end, text[m.start() : end]))
    return out


def find_urls(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) for each http(s) URL in ``text``, brackets balanced as for DOIs."""
    out = []
    for m in URL_START.finditer(text):
        end = _balanced_end(text, m.start())
        if end > m.end():
            out.append((m.start(), end, text[m.start() : end]))
    return out


# DOIs that preprint servers mint: bioRxiv/medRxiv (10.1101/2020.01.01.123456, not the Cold
# Spring Harbor journals' 10.1101/gr.…), arXiv, Research Square, SSRN, OSF preprints
_PREPRINT_DOI = re.compile(
    r"^10\.(?:1101/(?:\d{4}\.\d\d\.\d\d\.)?\d+(?:v\d+)?$|48550/arxiv\.|21203/rs\.|2139/ssrn\.|"
    r"31234/osf\.io/)",
    re.IGNORECASE,
)


def is_preprint_doi(doi: str) -> bool:
    return bool(_PREPRINT_DOI.match(doi))


def clean_url(url: str) -> str:
    """A URL without the punctuation or unbalanced bracket a reader may have left after it."""
    return url[: _balanced_end(url, 0)] or url


def article_id(url: str) -> tuple[str, str] | None:
    """("pmid" | "pmcid" | "doi", id) when ``url`` is the page of one journal article."""
    for kind, pattern in _ARTICLE_URLS:
        m = pattern.match(unquote(url.strip()) if kind == "doi" else url.strip())
        if m:
            value = m.group(1)
            return kind, value[: _balanced_end(value, 0)] if kind == "doi" else value.upper()
    # a publisher's page named by its DOI: nejm.org/doi/full/10.1056/…, …/10.3389/x/full
    m = _DOI_IN_PATH.search(unquote(url.split("?", 1)[0].split("#", 1)[0]))
    if m:
        doi = _PAGE_SUFFIX.sub("", m.group(1))
        return "doi", doi[: _balanced_end(doi, 0)]
    return None


@dataclass(slots=True, frozen=True)
class Identifier:
    key: str  # the front matter key it was written under
    curie: str
    iri: str
    valid: bool  # matches the registry's pattern for local ids


@cache
def converter() -> tuple[curies.Converter, dict[str, str]]:
    """The prefix converter and each prefix's local-id pattern (built once, read-only)."""
    text = resources.files("vaultkg").joinpath("data/prefixes.json").read_text("utf-8")
    records = json.loads(text)
    conv = curies.Converter.from_extended_prefix_map(
        [
            {
                "prefix": r["prefix"],
                "uri_prefix": r["uri_prefix"],
                "prefix_synonyms": [s for s in r["prefix_synonyms"] if s != r["prefix"]],
            }
            for r in records
        ]
    )
    patterns = {r["prefix"]: r["pattern"] for r in records if r.get("pattern")}
    return conv, patterns


def normalise(key: str, value: Any, *, target: bool = False) -> Identifier | None:
    """Turn a front matter identifier into a CURIE and IRI, or None if it is not one."""
    key = key.lower()
    if key not in KEY_PREFIXES or value is None or isinstance(value, bool | dict | list):
        return None
    prefix = KEY_PREFIXES[key][1 if target else 0]
    local = str(value).strip()
    if not local:
        return None
    conv, patterns = converter()
    if key == "doi":
        local = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", local, flags=re.I)
    elif key in ("pmid", "pubmed"):
        local = re.sub(r"^(?:pmid|pubmed):\s*", "", local, flags=re.I)
    elif key == "isbn":
        local = re.sub(r"[^0-9Xx]", "", local.removeprefix("ISBN").removeprefix("isbn")).upper()
    elif ":" in local:
        written, _, rest = local.partition(":")
        standard = conv.standardize_prefix(written, strict=False)
        if standard is not None:
            local = rest.strip()
            if standard != prefix and standard in patterns:
                prefix = standard
        elif key == "chebi" and written.lower() == "chebi":
            local = rest.strip()
    if prefix == "chembl.compound" or prefix == "chembl.target":
        local = local.upper()
    if prefix == "uniprot":
        local = local.upper()
    pattern = patterns.get(prefix)
    valid = bool(re.match(pattern, local)) if pattern else True
    curie = f"{prefix}:{local}"
    iri = conv.expand(curie, strict=False) or ""
    return Identifier(key, curie, iri, valid)


def identifiers_of(properties: dict[str, Any], *, target: bool = False) -> list[Identifier]:
    """Every identifier in a note's properties; list values give several."""
    out: list[Identifier] = []
    for key in sorted(properties):
        value = properties[key]
        for item in value if isinstance(value, list) else [value]:
            ident = normalise(key, item, target=target)
            if ident:
                out.append(ident)
    return out
