"""Sources: source notes, and what an inline citation (DOI, PMID, URL, footnote text) names."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Any

from ..model import FootnoteDef, Note
from ..parse.frontmatter import as_list
from .evidence import infer_source_type, level_of, normalise_source_type
from .identifiers import article_id, clean_url, normalise
from .model import Source
from .references import design_of, identifiers_of, plain, read_reference

# types that say a work is an article or a page but not how good it is
GENERIC_TYPES = frozenset({"journal article", "website", "unspecified"})
# tag roots under which a nested tag names a source's type: #source/book, #type/paper
_TYPE_TAG_ROOTS = ("source", "sources", "type", "literature", "lit", "reference", "ref")


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


def _tag_type(note: Note) -> str | None:
    """The source type a nested tag gives: #source/book, #type/paper, #source/researchpaper."""
    for tag in note.tags:
        root, _, rest = tag.name.lower().partition("/")
        if root in _TYPE_TAG_ROOTS and rest:
            for part in (rest, rest.rsplit("/", 1)[-1]):
                found = normalise_source_type(part.replace("-", " "))
                if found:
                    return found
    return None


def _written_type(note: Note) -> str | None:
    """The source type written in front matter or an inline field (``type:: journal article``);
    ``type: source`` says only that the note is a source, so a field may still say which."""
    fields = {f.key.strip().lower().replace("-", "_"): f.value for f in note.fields}
    for key in ("source_type", "source type"):
        for value in (note.properties.get(key), fields.get(key)):
            if found := normalise_source_type(value):
                return found
    for value in (note.properties.get("type"), fields.get("type")):
        if found := normalise_source_type(plain(value) if isinstance(value, str) else value):
            return found
    return None


def note_properties(note: Note) -> dict[str, Any]:
    """Front matter, with inline fields (``DOI:: 10.1/x``, ``type:: journal article``) filling
    the keys it leaves out."""
    props = dict(note.properties)
    for fld in note.fields:
        key = fld.key.strip().lower().replace("-", "_")
        value = plain(fld.value)
        if value and key not in props:
            props[key] = value
    return props


def source_from_note(note: Note) -> Source:
    props = note_properties(note)
    doi = _local("doi", props.get("doi"))
    pmid = _local("pmid", props.get("pmid") or props.get("pubmed"))
    isbn = _local("isbn", props.get("isbn"))
    url = _str(props.get("url"))
    publisher = _str(props.get("publisher"))
    title = _str(props.get("title")) or note.title
    written = _written_type(note) or _tag_type(note)
    # a generic type gives way to the design the title or keywords name
    design = design_of(" ; ".join([title, *map(str, as_list(props.get("keywords")))]))
    if written in (None, *GENERIC_TYPES) and design:
        stype, inferred = design, True
    elif written:
        stype, inferred = written, False
    else:
        stype = infer_source_type(doi=doi, pmid=pmid, isbn=isbn, url=url, publisher=publisher)
        inferred = True
    retracted = props.get("retracted") is True or str(props.get("retracted")).lower() == "true"
    return Source(
        key=note.path,
        title=title,
        source_type=stype,
        level=level_of(stype),
        inferred=inferred,
        note=note.path,
        authors=as_list(props.get("authors") or props.get("author") or props.get("creators")),
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
    """A source known only from a citation: a DOI, PMID, PMC id, URL or a reference in words."""
    ref = read_reference(text) if text.strip() else None
    if kind == "url" and (found := article_id(value)):
        kind, value = found
    if kind in ("doi", "pmid", "pmcid"):
        key = {"doi": "doi", "pmid": "pmid", "pmcid": "pmc"}[kind]
        shown = {"doi": f"doi:{value}", "pmid": f"PMID {value}", "pmcid": value}[kind]
        stype = (ref.design if ref else None) or (
            infer_source_type(doi=value) if kind == "doi" else "journal article"
        )
        source = Source(f"{key}:{value}", shown, stype, level_of(stype), inferred=True)
        if kind == "doi":
            source.doi = value
        elif kind == "pmid":
            source.pmid = value
        else:
            source.url = f"https://www.ncbi.nlm.nih.gov/pmc/articles/{value}/"
    elif kind == "url":
        # a reference in a known style is what it says, wherever its link points
        written = ref.source_type if ref is not None and ref.style else None
        stype = written or infer_source_type(url=value)
        source = Source(f"url:{value}", value, stype, level_of(stype), inferred=True, url=value)
    elif kind == "isbn":
        source = Source(
            f"isbn:{value}", f"ISBN {value}", "book", level_of("book"), True, isbn=value
        )
    else:
        stype = (ref.source_type if ref else None) or infer_source_type(text=text)
        digest = hashlib.sha1(" ".join(text.lower().split()).encode()).hexdigest()[:10]
        source = Source(f"ref:{digest}", text.strip()[:200], stype, level_of(stype), True)
    if ref is not None and ref.style:
        source.title = ref.title or source.title
        source.authors = ref.authors
        source.year = ref.year
        source.journal = ref.journal
        source.doi = source.doi or ref.doi
        source.pmid = source.pmid or ref.pmid
    return source


def reference_sources(
    text: str, urls: Iterable[str] = (), *, fallback: bool = True, prose: bool = False
) -> list[Source]:
    """The sources one written reference names (a footnote, a bibliography item).

    A reference in a known style ("Smith J. Title. J Clin. 2019;80:1. doi:…") is one work,
    whatever identifiers and links it carries; anything else gives one source per identifier
    or URL, and, when it has none and ``fallback`` is set, one source read from its words.
    With ``prose`` the text is a claim, not a reference: only its identifiers are read.
    """
    found = _merge_urls(identifiers_of(text), urls)
    if prose:
        return [inline_source(kind, value) for kind, value in found]
    ref = read_reference(text)
    if ref.style and found:
        kind, value = _best_identifier(found)
        return [inline_source(kind, value, text)]
    if found:
        return [
            inline_source(kind, value, text if len(found) == 1 else "") for kind, value in found
        ]
    if fallback and text.strip():
        return [inline_source("ref", "", text)]
    return []


def _best_identifier(found: list[tuple[str, str]]) -> tuple[str, str]:
    order = {"doi": 0, "pmid": 1, "pmcid": 2, "isbn": 3, "url": 4}
    return min(found, key=lambda kv: order.get(kv[0], 5))


def _merge_urls(found: list[tuple[str, str]], urls: Iterable[str]) -> list[tuple[str, str]]:
    """Add link targets not already found, as the identifier their page names if any; a URL
    cut short at a bracket by an earlier reader ("…/x(1") is dropped for the whole one."""
    urls = list(dict.fromkeys(clean_url(u) for u in urls))
    out = list(found)
    for url in urls:
        if any(u != url and u.startswith(url) for u in urls):
            continue
        item = article_id(url) or ("url", url)
        if item not in out:
            out.append(item)
    return out


def identifiers_in_text(text: str) -> list[tuple[str, str]]:
    """(kind, value) for each DOI, PMID, PMC id, ISBN and URL written in ``text``."""
    return identifiers_of(text)


def footnote_identifiers(fn: FootnoteDef) -> list[tuple[str, str]]:
    return _merge_urls(identifiers_of(fn.text), fn.urls)
