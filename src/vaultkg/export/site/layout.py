"""Positions for the site's graph views, computed once at build time (never in the browser).

A force-directed layout costs O(n²) per iteration, far too much for 10,000 notes on a
laptop. So only the ``core`` (the most-linked nodes, which the graph page shows first) gets
networkx's ForceAtlas2 layout, with strong gravity: a plain spring layout pushes the small
components of a sparse knowledge graph to the edges, and the view fitted around them shows
the rest as a dot. Every other node is then placed beside the neighbours already
placed, breadth first from the core, and nodes with no path to it go on a spiral around
the whole. Everything is deterministic: a fixed seed, and ties broken by node order.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable

import networkx as nx

CORE_SIZE = 400  # ForceAtlas2 is O(n²) a step: about a second for 400 nodes
SEED = 7
ITERATIONS = 100
SCALE = 1000.0  # the core spans about [-SCALE, SCALE] on both axes
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))

Point = tuple[float, float]


def rank_nodes(count: int, edges: Iterable[tuple[int, int]], first: set[int]) -> list[int]:
    """Node ids, most important first: those in ``first``, then by degree, then by id."""
    degree = [0] * count
    for a, b in edges:
        if a != b:
            degree[a] += 1
            degree[b] += 1
    return sorted(range(count), key=lambda n: (n not in first, -degree[n], n))


def layout(order: list[int], edges: Iterable[tuple[int, int]]) -> dict[int, Point]:
    """Positions of the nodes ``order`` (most important first) linked by ``edges``."""
    graph = nx.Graph()
    graph.add_nodes_from(order)
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    core = order[:CORE_SIZE]
    pos: dict[int, Point] = {}
    if core:
        raw = nx.forceatlas2_layout(
            graph.subgraph(core), max_iter=ITERATIONS, strong_gravity=True, seed=SEED
        )
        pos = _scaled({n: (float(x), float(y)) for n, (x, y) in raw.items()})
    step = _spacing(len(core))
    _place_around(graph, order, pos, step)
    _spiral_rest(order, pos, step)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


def _scaled(pos: dict[int, Point]) -> dict[int, Point]:
    """``pos`` centred on the origin, its farthest node at ``SCALE``."""
    if not pos:
        return pos
    cx = sum(x for x, _ in pos.values()) / len(pos)
    cy = sum(y for _, y in pos.values()) / len(pos)
    reach = max(math.hypot(x - cx, y - cy) for x, y in pos.values()) or 1.0
    return {n: ((x - cx) * SCALE / reach, (y - cy) * SCALE / reach) for n, (x, y) in pos.items()}


def _spacing(core_size: int) -> float:
    """About the distance between neighbouring core nodes."""
    return 2 * SCALE / math.sqrt(max(core_size, 1))


def _place_around(graph: nx.Graph, order: list[int], pos: dict[int, Point], step: float) -> None:
    """Breadth first from the placed nodes: each new node near the mean of placed neighbours."""
    rank = {n: i for i, n in enumerate(order)}
    children: dict[int, int] = {}  # how many nodes were placed around each anchor
    queue = deque(sorted(pos, key=rank.__getitem__))
    while queue:
        anchor = queue.popleft()
        for n in sorted(graph.neighbors(anchor), key=rank.__getitem__):
            if n in pos:
                continue
            placed = [pos[m] for m in graph.neighbors(n) if m in pos]
            cx = sum(x for x, _ in placed) / len(placed)
            cy = sum(y for _, y in placed) / len(placed)
            k = children.get(anchor, 0)
            children[anchor] = k + 1
            # a sunflower around the anchor's neighbourhood: even spacing, no overlap
            r = step * 0.35 * math.sqrt(k + 1)
            pos[n] = (cx + r * math.cos(k * GOLDEN_ANGLE), cy + r * math.sin(k * GOLDEN_ANGLE))
            queue.append(n)


def _spiral_rest(order: list[int], pos: dict[int, Point], step: float) -> None:
    """Nodes with no path to the core: a spiral outside everything placed so far."""
    rest = [n for n in order if n not in pos]
    if not rest:
        return
    radius = max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + step
    gap = step * 0.5
    for k, n in enumerate(rest):
        r = math.sqrt(radius * radius + k * gap * gap * 4 / math.pi)
        pos[n] = (r * math.cos(k * GOLDEN_ANGLE), r * math.sin(k * GOLDEN_ANGLE))
