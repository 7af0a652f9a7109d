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

DOI_PATTERN = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>\]\[)(,;]+[^\s\"<>\]\[)(,;.])")
PMID_PATTERN = re.compile(r"\bPMID:?\s*(\d{4,9})\b", re.IGNORECASE)
ISBN_PATTERN = re.compile(r"\bISBN(?:-1[03])?:?\s*([0-9][0-9\- ]{8,16}[0-9Xx])\b")


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
