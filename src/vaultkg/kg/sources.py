"""Sources: source notes, and what an inline citation (DOI, PMID, URL, footnote text) names."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from ..model import FootnoteDef, Note
from ..parse.frontmatter import as_list
from .evidence import infer_source_type, level_of, normalise_source_type
from .identifiers import DOI_PATTERN, ISBN_PATTERN, PMID_PATTERN, normalise
from .model import Source


def _int(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})", value)
        return int(m.group(1)) if m else None
    return None


def _str(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list | bool):
        return None
    text = str(value).strip()
    return text or None


def _local(key: str, value: Any) -> str | None:
    ident = normalise(key, value)
    return ident.curie.split(":", 1)[1] if ident else None


def source_from_note(note: Note) -> Source:
    props = note.properties
    doi = _local("doi", props.get("doi"))
    pmid = _local("pmid", props.get("pmid") or props.get("pubmed"))
    isbn = _local("isbn", props.get("isbn"))
    url = _str(props.get("url"))
    publisher = _str(props.get("publisher"))
    written = normalise_source_type(props.get("source_type") or props.get("source type"))
    stype = written or infer_source_type(
        doi=doi, pmid=pmid, isbn=isbn, url=url, publisher=publisher
    )
    retracted = props.get("retracted") is True or str(props.get("retracted")).lower() == "true"
    return Source(
        key=note.path,
        title=_str(props.get("title")) or note.title,
        source_type=stype,
        level=level_of(stype),
        inferred=written is None,
        note=note.path,
        authors=as_list(props.get("authors") or props.get("author")),
        year=_int(props.get("year") or props.get("date")),
        journal=_str(props.get("journal")),
        publisher=publisher,
        doi=doi,
        pmid=pmid,
        isbn=isbn,
        url=url,
        citekey=_str(props.get("citekey") or props.get("citation_key")),
        retracted=retracted,
    )


def inline_source(kind: str, value: str, text: str = "") -> Source:
    """A source known only from a citation: a DOI, PMID, URL or a reference in words."""
    if kind == "doi":
        return Source(
            f"doi:{value}",
            f"doi:{value}",
            "journal article",
            level_of("journal article"),
            inferred=True,
            doi=value,
        )
    if kind == "pmid":
        return Source(
            f"pmid:{value}",
            f"PMID {value}",
            "journal article",
            level_of("journal article"),
            inferred=True,
            pmid=value,
        )
    if kind == "url":
        stype = infer_source_type(url=value)
        return Source(f"url:{value}", value, stype, level_of(stype), inferred=True, url=value)
    if kind == "isbn":
        return Source(
            f"isbn:{value}", f"ISBN {value}", "book", level_of("book"), inferred=True, isbn=value
        )
    stype = infer_source_type(text=text)
    digest = hashlib.sha1(" ".join(text.lower().split()).encode()).hexdigest()[:10]
    return Source(f"ref:{digest}", text.strip()[:200], stype, level_of(stype), inferred=True)


def identifiers_in_text(text: str) -> list[tuple[str, str]]:
    """(kind, value) for each DOI, PMID, ISBN and URL written in ``text``."""
    found: list[tuple[str, str]] = []
    dois = set()
    for m in DOI_PATTERN.finditer(text):
        doi = m.group(1).rstrip(".")
        dois.add(doi)
        found.append(("doi", doi))
    found.extend(("pmid", m.group(1)) for m in PMID_PATTERN.finditer(text))
    found.extend(
        ("isbn", re.sub(r"[^0-9Xx]", "", m.group(1)).upper()) for m in ISBN_PATTERN.finditer(text)
    )
    for m in re.finditer(r"https?://[^\s<>\])\"']+", text):
        url = m.group(0).rstrip(".,;")
        if not any(d in url for d in dois):
            found.append(("url", url))
    return found


def footnote_identifiers(fn: FootnoteDef) -> list[tuple[str, str]]:
    found = identifiers_in_text(fn.text)
    for url in fn.urls:
        if ("url", url) not in found and not any(v in url for _, v in found):
            found.append(("url", url))
    return found
