"""Deterministic writers for Turtle, TriG, N-Triples and JSON-LD.

rdflib's own TriG and JSON-LD output follows the hash order of its store, which changes from
run to run; these writers sort subjects, predicates and objects, so the same triples always
give the same bytes. There are no blank nodes to label: every node has an IRI.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.term import Node

from .build import RdfData, Triple
from .vocab import RDF, XSD

# A local name that Turtle takes as is after "prefix:" (a subset of PN_LOCAL).
_LOCAL = re.compile(r"(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:[A-Za-z0-9_\-.]|%[0-9A-Fa-f]{2})*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_TO_ESCAPE = re.compile(r'[\\"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f]')


def _escape(text: str) -> str:
    return _TO_ESCAPE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04X}"), text)


def _sort_key(term: Node) -> tuple[int, str, str]:
    if isinstance(term, Literal):
        return (1, str(term.datatype or ""), str(term))
    return (0, "", str(term))


def nt_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    assert isinstance(term, Literal), term
    body = f'"{_escape(str(term))}"'
    if term.language:
        return f"{body}@{term.language}"
    if term.datatype and term.datatype != XSD.string:
        return f"{body}^^<{term.datatype}>"
    return body


def write_ntriples(data: RdfData) -> str:
    lines = sorted(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ." for s, p, o in data.triples)
    return "\n".join(lines) + ("\n" if lines else "")


@dataclass(slots=True)
class _Names:
    """Shortens IRIs to prefixed names, or to IRIs relative to the base."""

    prefixes: dict[str, str]
    base: str | None
    _cache: dict[str, str] = field(default_factory=dict)
    _by_length: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_length = sorted(
            ((ns, name) for name, ns in self.prefixes.items()), key=lambda p: -len(p[0])
        )

    def iri(self, iri: str) -> str:
        short = self._cache.get(iri)
        if short is None:
            short = self._cache[iri] = self._shorten(iri)
        return short

    def _shorten(self, iri: str) -> str:
        for ns, name in self._by_length:
            if iri.startswith(ns):
                local = iri[len(ns) :]
                if local == "" or (_LOCAL.fullmatch(local) and not local.endswith(".")):
                    return f"{name}:{local}"
                break
        if (
            self.base
            and iri.startswith(self.base)
            and ":" not in iri[len(self.base) :].split("/")[0]
        ):
            return f"<{iri[len(self.base) :]}>"
        return f"<{iri}>"

    def term(self, term: Node) -> str:
        if isinstance(term, URIRef):
            return self.iri(str(term))
        assert isinstance(term, Literal), term
        dt = term.datatype
        if dt in (XSD.integer, XSD.boolean) and not term.language:
            return str(term)  # canonical: 12, true
        body = f'"{_escape(str(term))}"'
        if term.language:
            return f"{body}@{term.language}"
        if dt and dt != XSD.string:
            return f"{body}^^{self.iri(str(dt))}"
        return body


def _relative_base(base: str) -> str | None:
    """The base to write ``@base`` with, when relative IRIs resolve back exactly."""
    return base if base.endswith("/") and "?" not in base and "#" not in base else None


def _header(names: _Names) -> list[str]:
    lines = [f"@prefix {name}: <{ns}> ." for name, ns in sorted(names.prefixes.items())]
    if names.base:
        lines.insert(0, f"@base <{names.base}> .")
    return lines


def _blocks(triples: Iterable[Triple], names: _Names, indent: str = "") -> list[str]:
    by_subject: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        by_subject[s][p].append(o)
    out = []
    for s in sorted(by_subject, key=_sort_key):
        preds = by_subject[s]
        order = sorted(preds, key=lambda p: (p != RDF.type, str(p)))
        parts = []
        for p in order:
            pred = "a" if p == RDF.type else names.term(p)
            objs = [names.term(o) for o in sorted(preds[p], key=_sort_key)]
            parts.append(f"{pred} " + f" ,\n{indent}        ".join(objs))
        out.append(f"{indent}{names.term(s)} " + f" ;\n{indent}    ".join(parts) + " .")
    return out


def _names(data: RdfData, base: str) -> _Names:
    return _Names(data.prefixes, _relative_base(base))


def write_turtle(data: RdfData, base: str) -> str:
    names = _names(data, base)
    return "\n".join(_header(names)) + "\n\n" + "\n\n".join(_blocks(data.triples, names)) + "\n"


def write_trig(data: RdfData, base: str) -> str:
    names = _names(data, base)
    parts = ["\n".join(_header(names))]
    parts.extend(_blocks(data.triples, names))
    for g in sorted(data.graphs):
        body = "\n".join(_blocks(data.graphs[g], names, indent="    "))
        parts.append(f"{names.term(g)} {{\n{body}\n}}")
    return "\n\n".join(parts) + "\n"


def _json_value(term: Node, names: _Names) -> object:
    if isinstance(term, URIRef):
        return {"@id": _compact(str(term), names)}
    assert isinstance(term, Literal), term
    dt = term.datatype
    if term.language:
        return {"@value": str(term), "@language": term.language}
    if dt == XSD.boolean:
        return term.toPython() is True
    if dt == XSD.integer:
        return int(term)
    if dt and dt != XSD.string:
        return {"@value": str(term), "@type": _compact(str(dt), names)}
    return str(term)


def _compact(iri: str, names: _Names) -> str:
    """``prefix:rest`` for any IRI under a declared namespace (JSON-LD allows any rest)."""
    for ns, name in names._by_length:
        if iri.startswith(ns) and not iri[len(ns) :].startswith("//"):
            return f"{name}:{iri[len(ns) :]}"
    return iri


def write_jsonld(data: RdfData) -> str:
    names = _Names(data.prefixes, None)
    nodes: dict[Node, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in data.triples:
        if p == RDF.type and isinstance(o, URIRef):
            nodes[s]["@type"].append(_compact(str(o), names))
        else:
            nodes[s][_compact(str(p), names)].append(_json_value(o, names))
    graph = []
    for s in sorted(nodes, key=_sort_key):
        node: dict[str, object] = {"@id": _compact(str(s), names)}
        for key, values in nodes[s].items():
            ordered = sorted(values, key=lambda v: json.dumps(v, sort_keys=True))
            node[key] = ordered[0] if len(ordered) == 1 else ordered
        graph.append(node)
    doc = {"@context": dict(sorted(data.prefixes.items())), "@graph": graph}
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
