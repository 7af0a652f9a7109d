"""Minting IRIs (as strings) for a vault's notes, entities, sources, claims and graphs.

A note's IRIs come from its ``id`` (or ``uid``) front matter property when it has one, so they
survive renames and moves (``note/@<id>``); otherwise from its vault-relative path
(``note/Drugs/Caffeine``), so they change when the note is renamed. Each segment is
NFC-normalised and percent-encoded, so names with spaces, quotes, ``#``, ``>`` or non-ASCII
letters still give valid IRIs; ``@`` is always encoded in a path segment, so an id-minted IRI
never equals a path-minted one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ...kg.entities import VOCAB_PREFIX
from .vocab import DATA_PREFIXES

if TYPE_CHECKING:
    from ...vault import Vault

# Characters that may not stand in an IRI (RFC 3987), percent-encoded when an identifier
# IRI from a note (a DOI with "<", a URL with a space) carries one.
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
ID_KEYS = ("id", "uid")


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


def safe_iri(iri: str) -> str:
    """An IRI taken from a note, with the characters IRIs forbid percent-encoded."""
    return _NOT_IRI.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), iri)


def note_id(properties: Mapping[str, Any]) -> str | None:
    """The stable id a note gives itself (``id: 20240101-caffeine``), or None."""
    for key in ID_KEYS:
        value = properties.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool):
            text = str(value).strip()
            if text:
                return text
    return None


def stable_ids(vault: Vault) -> tuple[dict[str, str], list[str]]:
    """Each note's id part (from ``id``/``uid``, else nothing) and the ids two notes share,
    which are not used (both notes fall back to their paths)."""
    ids = {path: i for path, note in vault.notes.items() if (i := note_id(note.properties))}
    counts = Counter(ids.values())
    clashes = sorted(i for i, n in counts.items() if n > 1)
    return {p: i for p, i in ids.items() if counts[i] == 1}, clashes


@dataclass(frozen=True, slots=True)
class Minter:
    base: str  # ends with "/" or "#"
    ids: Mapping[str, str] = field(default_factory=dict)  # note path -> its stable id
    # each path's IRI part, encoded once (a note's path is minted for many resources)
    _parts: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def for_base(cls, base_iri: str, ids: Mapping[str, str] | None = None) -> Minter:
        base = safe_iri(base_iri)
        return cls(base if base.endswith(("/", "#")) else base + "/", dict(ids or {}))

    @classmethod
    def for_vault(cls, vault: Vault) -> Minter:
        return cls.for_base(vault.config.base_iri, stable_ids(vault)[0])

    def prefixes(self) -> dict[str, str]:
        return {name: self.base + path for name, path in DATA_PREFIXES.items()}

    def part(self, path: str) -> str:
        """The note's IRI part: ``@<id>`` when it has a stable id, else its path's."""
        part = self._parts.get(path)
        if part is None:
            stable = self.ids.get(path)
            part = "@" + segment(stable) if stable is not None else path_iri_part(path)
            self._parts[path] = part
        return part

    def note(self, path: str) -> str:
        return f"{self.base}note/{self.part(path)}"

    def graph(self, path: str) -> str:
        """The named graph holding what the note says about itself and its entity or source."""
        return f"{self.base}graph/{self.part(path)}"

    def shared_graph(self, name: str) -> str:
        """A graph no single note owns: ``graphs/relations``, ``graphs/shared``."""
        return f"{self.base}graphs/{name}"

    def dataset(self) -> str:
        return f"{self.base}dataset"

    def entity(self, key: str) -> str:
        """A note's entity under ``entity/``; a vocabulary term's (``vocab:drug/caffeine``)
        under ``vocab/``, the same in every vault with the same base."""
        if key.startswith(VOCAB_PREFIX):
            return self.vocab(key[len(VOCAB_PREFIX) :])
        return f"{self.base}entity/{self.part(key)}"

    def vocab(self, term: str) -> str:
        return f"{self.base}vocab/{'/'.join(segment(s) for s in term.split('/'))}"

    def source(self, key: str) -> str:
        """A source note's path, or an inline citation's ``doi:…``, ``pmid:…``, ``url:…``."""
        scheme, sep, rest = key.partition(":")
        if sep and not key.endswith(".md") and scheme in ("doi", "pmid", "url", "ref"):
            return f"{self.base}ref/{scheme}/{segment(rest)}"
        return f"{self.base}source/{self.part(key)}"

    def claim(self, claim_id: str) -> str:
        return f"{self.base}claim/{segment(claim_id)}"

    def statement(self, claim_id: str, n: int) -> str:
        """The n-th (from 1) drug → target relation a claim states."""
        return f"{self.base}claim/{segment(claim_id)}-r{n}"

    def nanopub(self, claim_id: str, part: str = "") -> str:
        """The nanopublication of a claim, or one of its graphs (head, assertion, ...)."""
        tail = f"-{part}" if part else ""
        return f"{self.base}np/{segment(claim_id)}{tail}"
