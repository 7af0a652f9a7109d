"""Minting IRIs for a vault's notes, entities, sources and claims under its base IRI.

Every IRI is built from the vault-relative path (or the claim id), so it is stable across runs;
each path segment is NFC-normalised and percent-encoded, so names with spaces, quotes, ``#``,
``>`` or non-ASCII letters still give valid IRIs (and valid URIs).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import URIRef

from ...kg.entities import VOCAB_PREFIX
from .vocab import DATA_PREFIXES

# Characters that may not stand in an IRI (RFC 3987), percent-encoded when an identifier
# IRI from a note (a DOI with "<", a URL with a space) carries one.
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def segment(text: str) -> str:
    """One path segment: NFC, then every byte outside A-Z a-z 0-9 - . _ ~ percent-encoded."""
    encoded = quote(unicodedata.normalize("NFC", text), safe="")
    # "." and ".." would be removed as dot-segments when the IRI is resolved or normalised
    return encoded.replace(".", "%2E") if not encoded.strip(".") else encoded


def path_iri_part(path: str) -> str:
    """``Drugs/Caffeine.md`` → ``Drugs/Caffeine``: segments encoded, ``/`` kept, ``.md`` off."""
    if path.endswith(".md"):
        path = path[:-3]
    return "/".join(segment(s) for s in path.split("/"))


def safe_iri(iri: str) -> URIRef:
    """An IRI taken from a note, with the characters IRIs forbid percent-encoded."""
    return URIRef(_NOT_IRI.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), iri))


@dataclass(frozen=True, slots=True)
class Minter:
    base: str  # ends with "/" or "#"

    @classmethod
    def for_base(cls, base_iri: str) -> Minter:
        base = str(safe_iri(base_iri))
        return cls(base if base.endswith(("/", "#")) else base + "/")

    def prefixes(self) -> dict[str, str]:
        return {name: self.base + path for name, path in DATA_PREFIXES.items()}

    def note(self, path: str) -> URIRef:
        return URIRef(f"{self.base}note/{path_iri_part(path)}")

    def entity(self, key: str) -> URIRef:
        """A note's entity under ``entity/``; a vocabulary term's (``vocab:drug/caffeine``)
        under ``vocab/``, the same in every vault with the same base."""
        if key.startswith(VOCAB_PREFIX):
            term = key[len(VOCAB_PREFIX) :]
            return URIRef(f"{self.base}vocab/{'/'.join(segment(s) for s in term.split('/'))}")
        return URIRef(f"{self.base}entity/{path_iri_part(key)}")

    def source(self, key: str) -> URIRef:
        """A source note's path, or an inline citation's ``doi:…``, ``pmid:…``, ``url:…``."""
        scheme, sep, rest = key.partition(":")
        if sep and not key.endswith(".md") and scheme in ("doi", "pmid", "url", "ref"):
            return URIRef(f"{self.base}ref/{scheme}/{segment(rest)}")
        return URIRef(f"{self.base}source/{path_iri_part(key)}")

    def claim(self, claim_id: str) -> URIRef:
        return URIRef(f"{self.base}claim/{segment(claim_id)}")

    def statement(self, claim_id: str, n: int) -> URIRef:
        """The n-th (from 1) drug → target relation a claim states."""
        return URIRef(f"{self.base}claim/{segment(claim_id)}-r{n}")

    def nanopub(self, claim_id: str, part: str = "") -> URIRef:
        """The nanopublication of a claim, or one of its graphs (head, assertion, ...)."""
        tail = f"-{part}" if part else ""
        return URIRef(f"{self.base}np/{segment(claim_id)}{tail}")
