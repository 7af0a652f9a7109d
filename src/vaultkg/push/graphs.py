"""The unit of a push: one graph (a named graph, or the default graph), its N-Triples lines
and their hash."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

DEFAULT_GRAPH = ""  # the key of the default graph in a mapping of graphs


@dataclass(frozen=True, slots=True)
class Graph:
    name: str  # the graph's IRI, or DEFAULT_GRAPH
    triples: Sequence[ox.Triple]  # as given (in any order, repeats allowed)
    lines: Sequence[str]  # sorted N-Triples statements, one per distinct triple
    digest: str

    def ntriples(self) -> Iterator[bytes]:
        """The body of a Graph Store request, in pieces of about 64 KiB."""
        piece: list[str] = []
        size = 0
        for line in self.lines:
            piece.append(line)
            size += len(line) + 1
            if size >= 65536:
                yield ("\n".join(piece) + "\n").encode("utf-8")
                piece, size = [], 0
        if piece:
            yield ("\n".join(piece) + "\n").encode("utf-8")

    def size(self) -> int:
        """About how many bytes the N-Triples body takes."""
        return sum(len(line) + 1 for line in self.lines)


def line(t: ox.Triple) -> str:
    return f"{t.subject} {t.predicate} {t.object} ."


def prepare(graphs: Mapping[str, Sequence[ox.Triple]]) -> dict[str, Graph]:
    """Each non-empty graph with its sorted lines and hash (an empty graph is not kept: on
    the server it is the same as none). pyoxigraph writes the N-Triples (faster than a
    line per triple in Python, and the same lines as ``line``)."""
    out: dict[str, Graph] = {}
    for name in sorted(graphs):
        triples = graphs[name]
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        text = data.decode("utf-8")
        lines = sorted(set(text.split("\n")) - {""})  # not splitlines: U+2028 is in literals
        if not lines:
            continue
        digest = hashlib.sha256(("\n".join(lines) + "\n").encode("utf-8")).hexdigest()
        out[name] = Graph(name, triples, lines, digest)
    return out


def units(graph: Graph) -> list[list[str]]:
    """The graph's lines in groups that must travel in one request: the triples joined by a
    blank node (a blank node names the same node only within one SPARQL Update request)."""
    parent: dict[str, str] = {}

    def find(b: str) -> str:
        while parent.setdefault(b, b) != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        return b

    by_line = {line(t): t for t in graph.triples}
    lines = sorted(by_line)
    blank_of: list[str | None] = []
    for text in lines:
        t = by_line[text]
        blanks = [str(x) for x in (t.subject, t.object) if isinstance(x, ox.BlankNode)]
        for other in blanks[1:]:
            parent[find(other)] = find(blanks[0])
        blank_of.append(blanks[0] if blanks else None)
    groups: dict[str, list[str]] = {}
    out: list[list[str]] = []
    for text, b in zip(lines, blank_of, strict=True):
        if b is None:
            out.append([text])
        else:
            root = find(b)
            if root not in groups:
                groups[root] = []
                out.append(groups[root])
            groups[root].append(text)
    return out
