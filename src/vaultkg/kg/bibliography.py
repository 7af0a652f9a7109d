"""Bibliographies exported by Zotero (Better BibTeX ``.bib``, CSL-JSON ``.json``) in the vault.

Each entry becomes a Source under its citation key, so that ``[@smith2019]`` and
``zotero://select/items/@smith2019`` resolve even without a source note.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import bibtexparser

from ..model import Diagnostic
from .evidence import level_of, normalise_source_type
from .identifiers import normalise
from .model import Source
from .references import design_of

MAX_BYTES = 20_000_000

# BibTeX entry types and CSL item types -> source types
_ENTRY_TYPES = {
    "article": "journal article",
    "article-journal": "journal article",
    "book": "book",
    "inbook": "book",
    "incollection": "book",
    "chapter": "book",
    "mvbook": "book",
    "webpage": "website",
    "online": "website",
    "misc": "unspecified",
    "post-weblog": "blog",
    "post": "blog",
    "article-newspaper": "news",
    "article-magazine": "news",
    "entry-encyclopedia": "encyclopedia",
    "report": "unspecified",
    "thesis": "unspecified",
    "phdthesis": "unspecified",
}


def read_bibliographies(root: Path, files: list[str]) -> tuple[dict[str, Source], list[Diagnostic]]:
    """citekey (lower-cased) -> Source for every entry of the vault's ``.bib`` and CSL-JSON
    files; a file that cannot be read becomes a diagnostic."""
    entries: dict[str, Source] = {}
    diags: list[Diagnostic] = []
    for rel in sorted(files):
        lower = rel.lower()
        if not lower.endswith((".bib", ".json")):
            continue
        path = root / rel
        try:
            if path.stat().st_size > MAX_BYTES:
                continue
            text = path.read_text("utf-8", errors="replace")
        except OSError as exc:
            diags.append(Diagnostic(rel, 1, 1, "warning", "bibliography-unreadable", str(exc)))
            continue
        if lower.endswith(".bib"):
            found, problem = _bibtex(text)
        else:
            found, problem = _csl_json(text)
        if problem:
            diags.append(Diagnostic(rel, 1, 1, "warning", "bibliography-unreadable", problem))
        for key, source in found:
            entries.setdefault(key.lower(), source)
    return entries, diags


def _bibtex(text: str) -> tuple[list[tuple[str, Source]], str | None]:
    try:
        library = bibtexparser.parse_string(text)
    except Exception as exc:  # the parser's errors are not part of its API
        return [], f"not a BibTeX file: {exc}"
    out = []
    for entry in library.entries:
        fields = {f.key.lower(): str(f.value) for f in entry.fields}
        out.append(
            (
                entry.key,
                _source(
                    entry.key,
                    entry.entry_type.lower(),
                    title=_unbrace(fields.get("title", "")),
                    keywords=fields.get("keywords", ""),
                    authors=[a.strip() for a in fields.get("author", "").split(" and ") if a],
                    year=fields.get("year") or fields.get("date"),
                    journal=_unbrace(fields.get("journal") or fields.get("journaltitle") or ""),
                    publisher=fields.get("publisher"),
                    doi=fields.get("doi"),
                    pmid=fields.get("pmid"),
                    isbn=fields.get("isbn"),
                    url=fields.get("url"),
                    written=fields.get("type"),
                ),
            )
        )
    problem = None
    if library.failed_blocks:
        problem = f"{len(library.failed_blocks)} BibTeX entries could not be read"
    return out, problem


def _csl_json(text: str) -> tuple[list[tuple[str, Source]], str | None]:
    try:
        data = json.loads(text)
    except ValueError:
        return [], None  # any other JSON file of the vault
    items = data.get("items") if isinstance(data, dict) else data
    if not isinstance(items, list):
        return [], None
    out = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str | int):
            continue
        if not isinstance(item.get("type"), str):
            continue  # not CSL
        key = str(item.get("citation-key") or item["id"])
        out.append(
            (
                key,
                _source(
                    key,
                    item["type"].lower(),
                    title=_text(item.get("title")),
                    keywords=_text(item.get("keyword")),
                    authors=[_name(a) for a in item.get("author") or [] if isinstance(a, dict)],
                    year=_csl_year(item.get("issued")),
                    journal=_text(item.get("container-title")),
                    publisher=_text(item.get("publisher")) or None,
                    doi=_text(item.get("DOI")) or None,
                    pmid=_text(item.get("PMID")) or None,
                    isbn=_text(item.get("ISBN")) or None,
                    url=_text(item.get("URL")) or None,
                    written=_text(item.get("genre")) or None,
                ),
            )
        )
    return out, None


def _source(
    key: str, entry_type: str, *, title: str, keywords: str, written: Any, **info: Any
) -> Source:
    """A bibliography entry as a Source: its type from the entry type, refined by the design
    its keywords or title name ("meta-analysis", "randomized controlled trial")."""
    doi = _local("doi", info["doi"])
    pmid = _local("pmid", info["pmid"])
    stype = (
        normalise_source_type(written)
        or design_of(keywords)
        or design_of(title)
        or _ENTRY_TYPES.get(entry_type, "unspecified")
    )
    if stype == "unspecified" and (doi or pmid):
        stype = "journal article"
    year = re.match(r"\s*(\d{4})", str(info["year"] or ""))
    source_key = f"doi:{doi}" if doi else f"pmid:{pmid}" if pmid else f"cite:{key}"
    return Source(
        key=source_key,
        title=title or key,
        source_type=stype,
        level=level_of(stype),
        inferred=True,
        authors=info["authors"],
        year=int(year.group(1)) if year else None,
        journal=info["journal"] or None,
        publisher=info["publisher"],
        doi=doi,
        pmid=pmid,
        isbn=_local("isbn", info["isbn"]),
        url=info["url"],
        citekey=key,
    )


def _local(kind: str, value: Any) -> str | None:
    ident = normalise(kind, value) if value else None
    return ident.curie.split(":", 1)[1] if ident else None


def _unbrace(text: str) -> str:
    return " ".join(text.replace("{", "").replace("}", "").split())


def _text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(_text(v) for v in value)
    return str(value).strip() if isinstance(value, str | int | float) else ""


def _name(author: dict[str, Any]) -> str:
    return " ".join(_text(author.get(k)) for k in ("family", "given") if author.get(k)) or _text(
        author.get("literal")
    )


def _csl_year(issued: Any) -> str | None:
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            return str(parts[0][0])
        return _text(issued.get("raw")) or None
    return None
