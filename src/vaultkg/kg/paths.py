"""Graph questions on the knowledge graph's networkx graph: how a drug reaches a mechanism or
an effect (through which targets, on which claims), and which entities are linked to one.

Two entities are linked when a drug → target relation joins them or when claims mention
both. A drug's adaptation relation ("cocaine downregulates D2") also links its target to the
mechanism that names the adaptation ("Downregulation"), for that drug's routes.

>>> route = paths(kg, "cocaine", "downregulation")[0]
>>> [kg.title(k) for k in route.nodes]
['Cocaine', 'Dopamine D2 receptor', 'Downregulation']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

import networkx as nx

from .entities import TARGET_TYPES

if TYPE_CHECKING:
    from .graph import KnowledgeGraph
    from .model import Entity, Relation

DRUG = frozenset({"drug"})
MAX_SUGGESTIONS = 12
# the mechanism an adaptation action names, in the spellings notes use
ADAPTATION_NOUNS: dict[str, tuple[str, ...]] = {
    "downregulates": ("downregulation", "down-regulation", "receptor downregulation"),
    "upregulates": ("upregulation", "up-regulation", "receptor upregulation"),
    "desensitizes": ("desensitization", "desensitisation", "receptor desensitization"),
}


class UnknownName(LookupError):
    """A name that matches no entity, or several."""

    def __init__(self, message: str, candidates: list[Entity] | None = None) -> None:
        super().__init__(message)
        self.candidates = candidates or []


@dataclass(slots=True)
class Link:
    """What joins two entities: relations between them (either way) and the claims that
    mention both (a relation's claims included)."""

    relations: list[Relation] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)  # claim ids, in vault order

    @property
    def weight(self) -> float:
        return _weight(len(self.claims), len(self.relations))


def _weight(claims: int, relations: int) -> float:
    """Shortest routes first, then the best supported: a hop costs 1, plus less than 1 the
    more claims and relations stand behind it."""
    return 1.0 + 1.0 / (1 + claims + 2 * relations)


@dataclass(frozen=True, slots=True)
class Step:
    source: str  # entity key
    target: str
    relations: tuple[Relation, ...]
    claims: tuple[str, ...]
    adaptation: Relation | None = None  # the drug's adaptation that names ``target``


@dataclass(frozen=True, slots=True)
class Route:
    steps: tuple[Step, ...]

    @property
    def nodes(self) -> list[str]:
        return [self.steps[0].source, *(s.target for s in self.steps)]


@dataclass(frozen=True, slots=True)
class Neighbour:
    key: str
    depth: int
    via: str  # the entity it was reached from
    relations: tuple[Relation, ...]
    claims: tuple[str, ...]


# -- names ------------------------------------------------------------------------------------


def resolve(
    kg: KnowledgeGraph, name: str, types: frozenset[str] | None = None, what: str = "entity"
) -> Entity:
    """The one entity ``name`` (a title or alias) stands for, or ``UnknownName`` saying why."""
    found = kg.find_entities(name, types)
    if len(found) == 1:
        return found[0]
    if not found:
        pool = sorted(
            (e.title for e in kg.entities.values() if types is None or e.type in types),
            key=str.lower,
        )
        close = [t for t in pool if name.casefold() in t.casefold()] or pool
        more = " …" if len(close) > MAX_SUGGESTIONS else ""
        raise UnknownName(
            f"no {what} named '{name}' in the vault (titles and aliases are searched); "
            f"known: {', '.join(close[:MAX_SUGGESTIONS])}{more}"
        )
    found.sort(key=lambda e: e.title.lower())
    titles = ", ".join(f"{e.title} ({e.type})" for e in found)
    raise UnknownName(f"'{name}' matches several {what} names: {titles}; give one title", found)


# -- the entity graph -----------------------------------------------------------------------


def entity_graph(kg: KnowledgeGraph) -> nx.Graph:
    """Entities joined by relations and by the claims that mention both, from ``kg.graph``.

    Each edge holds a ``Link`` under ``"link"``.
    """
    g = kg.graph
    by_key = {(r.subject, r.action, r.object): r for r in kg.relations}
    h = nx.Graph()
    h.add_nodes_from(sorted(kg.entities))
    for claim, data in g.nodes(data=True):
        if data.get("kind") != "claim":
            continue
        mentioned = sorted(
            {v for _, v, d in g.out_edges(claim, data=True) if d.get("type") == "mentions"}
            & kg.entities.keys()
        )
        for i, a in enumerate(mentioned):
            for b in mentioned[i + 1 :]:
                _link(h, a, b).claims.append(claim)
    for u, v, data in g.edges(data=True):
        if data.get("type") == "relation" and u in kg.entities and v in kg.entities:
            link = _link(h, u, v)
            link.relations.append(by_key[(u, data["action"], v)])
            link.claims.extend(c for c in data["claims"] if c not in link.claims)
    for _, _, data in h.edges(data=True):
        _in_vault_order(kg, data["link"].claims)
    return h


def _in_vault_order(kg: KnowledgeGraph, claims: list[str]) -> None:
    """Sort claim ids by note and line, as ``where`` lists them."""
    by_id = kg.claims_by_id
    claims.sort(key=lambda c: (by_id[c].note, by_id[c].line, c))


def _link(h: nx.Graph, a: str, b: str) -> Link:
    if not h.has_edge(a, b):
        h.add_edge(a, b, link=Link())
    link: Link = h.edges[a, b]["link"]
    return link


def _step(kg: KnowledgeGraph, h: nx.Graph, a: str, b: str, adaptation: Relation | None) -> Step:
    link: Link | None = h.edges[a, b]["link"] if h.has_edge(a, b) else None
    relations = tuple(link.relations) if link else ()
    claims = list(link.claims) if link else []
    if adaptation is not None:
        claims.extend(c for c in adaptation.claims if c not in claims)
        _in_vault_order(kg, claims)
    return Step(a, b, relations, tuple(claims), adaptation)


# -- how a drug reaches a mechanism or effect ----------------------------------------------


def paths(kg: KnowledgeGraph, drug: str, goal: str, *, limit: int = 5) -> list[Route]:
    """Routes from ``drug`` to ``goal`` (a mechanism, effect or any other entity), one per
    target the drug reaches first, shortest and best supported first.

    A route starts with a target the drug has a relation with (or, failing that, shares
    claims with), then follows relations, shared claims and the drug's adaptations; it
    never passes through another drug. Raises ``UnknownName`` for an unknown or ambiguous
    name.
    """
    start = resolve(kg, drug, DRUG, "drug").key
    others = frozenset(e.type for e in kg.entities.values()) - DRUG
    end = resolve(kg, goal, others, "mechanism, effect or target").key
    h = entity_graph(kg)
    adaptations = _adaptations(kg, start)
    # the rest of a route, walked backwards from the goal: no drugs, plus the drug's own
    # adaptation edges (target → mechanism, so mechanism → target here)
    back = nx.DiGraph()
    for a, b, data in h.edges(data=True):
        if kg.entities[a].type not in DRUG and kg.entities[b].type not in DRUG:
            back.add_edge(a, b, weight=data["link"].weight)
            back.add_edge(b, a, weight=data["link"].weight)
    for target, mechanism in adaptations:
        back.add_edge(mechanism, target, weight=1.0)  # stated by the drug's own relation
    back.add_node(end)
    _, from_goal = nx.single_source_dijkstra(back, end, weight="weight")
    routes = []
    for target in _first_targets(kg, h, start):
        if target not in from_goal:
            continue
        nodes = [start, *reversed(from_goal[target])]
        steps = tuple(_step(kg, h, a, b, adaptations.get((a, b))) for a, b in pairwise(nodes))
        routes.append(Route(steps))
    routes.sort(key=lambda r: (len(r.steps), _cost(r), kg.title(r.nodes[1]).lower()))
    return routes[:limit]


def _first_targets(kg: KnowledgeGraph, h: nx.Graph, drug: str) -> list[str]:
    """Targets the drug acts on, or when it has no relation, targets it shares claims with."""
    targets = [k for k in h.adj[drug] if kg.entities[k].type in TARGET_TYPES]
    related = [k for k in targets if h.edges[drug, k]["link"].relations]
    return sorted(related or targets)


def _adaptations(kg: KnowledgeGraph, drug: str) -> dict[tuple[str, str], Relation]:
    """(target, mechanism) → the drug's adaptation relation on that target naming it."""
    named: dict[str, list[str]] = {}
    for action, nouns in ADAPTATION_NOUNS.items():
        found = (
            e.key
            for noun in nouns
            for e in kg.find_entities(noun, frozenset({"mechanism", "concept"}))
            if any(n.casefold() == noun for n in e.names)
        )
        named[action] = list(dict.fromkeys(found))
    out: dict[tuple[str, str], Relation] = {}
    for r in kg.relations:
        if r.subject == drug and r.action in named:
            for mechanism in named[r.action]:
                out.setdefault((r.object, mechanism), r)
    return out


def _cost(route: Route) -> float:
    return sum(_weight(len(s.claims), len(s.relations)) for s in route.steps)


# -- neighbours ---------------------------------------------------------------------------


def neighbours(kg: KnowledgeGraph, name: str, *, depth: int = 1) -> list[Neighbour]:
    """Entities within ``depth`` links of ``name``, nearest first, then by claim count.

    Each is reached from the entity one link nearer that shares the most claims with it.
    """
    start = resolve(kg, name).key
    h = entity_graph(kg)
    seen = {start}
    frontier = [start]
    found: list[Neighbour] = []
    for level in range(1, depth + 1):
        best: dict[str, tuple[int, int, str]] = {}
        for via in frontier:
            for other in h.adj[via]:
                if other in seen:
                    continue
                link: Link = h.edges[via, other]["link"]
                score = (len(link.claims), len(link.relations))
                current = best.get(other)
                if current is None or score > current[:2]:
                    best[other] = (*score, via)
        layer = []
        for other, (_, _, via) in best.items():
            link = h.edges[via, other]["link"]
            layer.append(Neighbour(other, level, via, tuple(link.relations), tuple(link.claims)))
        layer.sort(key=lambda n: (-len(n.claims), -len(n.relations), kg.title(n.key).lower()))
        found.extend(layer)
        seen.update(best)
        frontier = [n.key for n in layer]
    return found


def claim_places(kg: KnowledgeGraph, claims: Iterable[str]) -> list[str]:
    """``note:line`` of each claim, each place once, in order."""
    by_id = kg.claims_by_id
    return list(dict.fromkeys(by_id[c].where for c in claims))
