"""Push graphs to a SPARQL store: the Graph Store HTTP Protocol, or SPARQL Update when the
server has no graph store; only what changed since the last push, and deletions."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

import pyoxigraph as ox

from .graphs import DEFAULT_GRAPH, Graph, prepare, units
from .state import EndpointState
from .transport import Connection, NotSent, PushError, Response, http_error

PROTOCOLS = ("auto", "gsp", "update")
# a graph store that answers a PUT with one of these has no Graph Store Protocol there
NO_GRAPH_STORE = frozenset({404, 405, 415, 501})
STREAM_BYTES = 1 << 20  # larger Graph Store bodies are streamed (chunked), not built in memory
# where SPARQL Update lives beside a graph store: Oxigraph, Fuseki, Virtuoso
UPDATE_BESIDE = {
    "/store": "/update",
    "/data": "/update",
    "/sparql-graph-crud-auth": "/sparql-auth",
    "/sparql-graph-crud": "/sparql",
}

Progress = Callable[[int, int], None]
_ABSENT = "absent"  # a graph the state did not hold (hashes are 64 hex digits)


@dataclass(frozen=True, slots=True)
class Options:
    protocol: str = "auto"  # "auto", "gsp" or "update"
    full: bool = False  # send every graph, changed or not
    dry_run: bool = False
    batch_triples: int = 1000  # at most this many triples in one SPARQL Update request
    timeout: float = 60.0
    jobs: int = 2  # Graph Store requests in flight at once


@dataclass(frozen=True, slots=True)
class Plan:
    send: list[Graph]
    delete: list[str]
    unchanged: int


@dataclass(slots=True)
class Result:
    plan: Plan
    protocol: str
    sent: int = 0
    deleted: int = 0
    triples: int = 0
    requests: int = 0
    bytes: int = 0
    seconds: float = 0.0


class PushFailed(PushError):
    """A push stopped by an error; ``result`` says what was done before it."""

    def __init__(self, message: str, result: Result) -> None:
        super().__init__(message)
        self.result = result


def update_url(endpoint: str) -> str:
    """The SPARQL Update endpoint beside a graph store (``/store`` → ``/update``), or the
    endpoint itself."""
    parts = urlsplit(endpoint)
    for tail, update in UPDATE_BESIDE.items():
        if parts.path.endswith(tail):
            path = parts.path[: -len(tail)] + update
            return urlunsplit(parts._replace(path=path, query=""))
    return endpoint


def make_plan(graphs: Mapping[str, Graph], known: Mapping[str, str | None], full: bool) -> Plan:
    send = [g for g in graphs.values() if full or known.get(g.name) != g.digest]
    delete = sorted(name for name in known if name not in graphs)
    return Plan(send, delete, len(graphs) - len(send))


def push(
    graphs: Mapping[str, Sequence[ox.Triple]],
    endpoint: str,
    state: EndpointState,
    *,
    update_endpoint: str | None = None,
    options: Options = Options(),
    auth: str | None = None,
    secrets: Iterable[str] = (),
    progress: Progress | None = None,
) -> Result:
    """Send the graphs that differ from ``state`` to ``endpoint`` and delete those no longer
    there, updating ``state`` graph by graph as the server confirms each (saving it is the
    caller's job, also after a PushFailed)."""
    if options.protocol not in PROTOCOLS:
        raise PushError(f"unknown protocol {options.protocol!r}; use one of {PROTOCOLS}")
    if options.batch_triples < 1:
        raise PushError("--batch-triples must be at least 1")
    if options.jobs < 1:
        raise PushError("--jobs must be at least 1")
    started = time.perf_counter()
    plan = make_plan(prepare(graphs), state.graphs, options.full)
    chosen = options.protocol if options.protocol != "auto" else state.protocol or "gsp"
    result = Result(plan, chosen)
    if options.dry_run:
        result.seconds = time.perf_counter() - started
        return result
    pusher = _Pusher(
        Connection(endpoint, auth=auth, timeout=options.timeout),
        Connection(update_endpoint or update_url(endpoint), auth=auth, timeout=options.timeout),
        state,
        result,
        options,
        [s for s in secrets if s],
        progress or (lambda done, total: None),
    )
    try:
        pusher.run(confirmed=options.protocol == "gsp" or state.protocol == "gsp")
    except PushError as exc:
        raise PushFailed(str(exc), result) from exc
    finally:
        pusher.close()
        result.seconds = time.perf_counter() - started
    state.protocol = result.protocol
    return result


@dataclass(slots=True)
class _Pusher:
    store: Connection
    update: Connection
    state: EndpointState
    result: Result
    options: Options
    secrets: list[str]
    progress: Progress
    done: int = 0

    def close(self) -> None:
        self.store.close()
        self.update.close()

    def tick(self) -> None:
        self.done += 1
        plan = self.result.plan
        self.progress(self.done, len(plan.send) + len(plan.delete))

    def run(self, *, confirmed: bool) -> None:
        plan = self.result.plan
        todo = list(plan.send)
        if self.result.protocol == "gsp" and todo and not confirmed:
            probe = min(todo, key=lambda g: len(g.lines))  # a small first try, not 30 MB
            if self.put(probe, fallback=True):
                todo.remove(probe)
            else:
                self.result.protocol = "update"  # no graph store here: SPARQL Update
        if self.result.protocol == "gsp":
            self.put_all(todo)
            for name in plan.delete:
                self.delete(name)
        else:
            self.insert(todo)
            self.drop(plan.delete)

    # -- Graph Store HTTP Protocol --------------------------------------------------------

    def put(self, graph: Graph, *, fallback: bool = False) -> bool:
        """PUT one graph; False when the server has no graph store and ``fallback``."""
        before = self.state.graphs.get(graph.name, _ABSENT)
        self.state.graphs[graph.name] = None  # unknown until the server says yes
        try:
            response = _put(self.store, graph)
        except NotSent:
            self._restore(graph.name, before)
            raise
        self._counted(response, graph.size())
        if fallback and response.status in NO_GRAPH_STORE:
            return False
        if response.status not in (200, 201, 204):
            raise http_error(
                self.store.url, response, f"sending {_label(graph.name)}", self.secrets
            )
        self._sent(graph)
        return True

    def put_all(self, graphs: list[Graph]) -> None:
        """PUT each graph, ``jobs`` at a time, each on its own kept-alive connection: the
        time of a push is mostly waiting for the server. After a failure no new request
        starts; those in flight are waited for and recorded, then the first error raised."""
        jobs = min(self.options.jobs, len(graphs))
        if jobs <= 1:
            for graph in graphs:
                self.put(graph)
            return
        idle: queue.SimpleQueue[Connection] = queue.SimpleQueue()
        conns = [self.store, *(self.store.copy() for _ in range(jobs - 1))]
        for conn in conns:
            idle.put(conn)

        def work(graph: Graph) -> Response:
            conn = idle.get()
            try:
                return _put(conn, graph)
            finally:
                idle.put(conn)

        error: PushError | None = None
        running: dict[Future[Response], Graph] = {}
        before: dict[str, str | None] = {}  # each graph's state entry before its request

        def settle(done: set[Future[Response]]) -> None:
            nonlocal error
            for future in done:
                graph = running.pop(future)
                if future.cancelled():  # never sent: its entry stays as it was
                    self._restore(graph.name, before[graph.name])
                    continue
                try:
                    response = future.result()
                except PushError as exc:
                    if isinstance(exc, NotSent):
                        self._restore(graph.name, before[graph.name])
                    error = error or exc
                    continue
                self._counted(response, graph.size())
                if response.status in (200, 201, 204):
                    self._sent(graph)
                else:
                    doing = f"sending {_label(graph.name)}"
                    error = error or http_error(self.store.url, response, doing, self.secrets)
            if error is not None:
                for future in running:
                    future.cancel()

        try:
            with ThreadPoolExecutor(jobs, thread_name_prefix="vaultkg-push") as pool:
                for graph in graphs:
                    if error is not None:
                        break
                    before[graph.name] = self.state.graphs.get(graph.name, _ABSENT)
                    self.state.graphs[graph.name] = None  # unknown until the server says yes
                    running[pool.submit(work, graph)] = graph
                    if len(running) >= 2 * jobs:
                        settle(wait(running, return_when=FIRST_COMPLETED).done)
                while running:
                    settle(wait(running).done)
        finally:
            for conn in conns[1:]:
                conn.close()
        if error is not None:
            raise error

    def delete(self, name: str) -> None:
        response = self.store.request("DELETE", _graph_param(name))
        self._counted(response, 0)
        if response.status not in (200, 202, 204, 404):  # 404: the graph is gone already
            raise http_error(self.store.url, response, f"deleting {_label(name)}", self.secrets)
        self._deleted(name)

    # -- SPARQL Update --------------------------------------------------------------------

    def insert(self, graphs: list[Graph]) -> None:
        """DROP and INSERT DATA, several graphs a request, at most batch_triples triples each
        (a graph larger than that is split over requests; its DROP goes in the first)."""
        limit = self.options.batch_triples
        drops: list[str] = []
        parts: dict[str, list[str]] = {}
        complete: list[Graph] = []
        size = 0

        def flush() -> None:
            nonlocal drops, parts, complete, size
            if drops or parts:
                self._update(drops, parts, complete)
            drops, parts, complete, size = [], {}, [], 0

        for graph in graphs:
            first = True
            for unit in units(graph):
                if size and size + len(unit) > limit:
                    flush()
                if first:
                    drops.append(graph.name)
                    first = False
                parts.setdefault(graph.name, []).extend(unit)
                size += len(unit)
            complete.append(graph)
        flush()

    def _update(self, drops: list[str], parts: dict[str, list[str]], complete: list[Graph]) -> None:
        text = "".join(f"DROP SILENT {_target(name)} ;\n" for name in drops)
        text += "INSERT DATA {\n"
        for name, lines in parts.items():
            body = "".join(f"{line}\n" for line in lines)
            text += body if name == DEFAULT_GRAPH else f"GRAPH <{name}> {{\n{body}}}\n"
        text += "}\n"
        before = {name: self.state.graphs.get(name, _ABSENT) for name in parts}
        for name in parts:
            self.state.graphs[name] = None  # unknown until the server says yes
        try:
            self._post_update(text, f"sending {_label(next(iter(parts)))}")
        except NotSent:
            for name, value in before.items():
                self._restore(name, value)
            raise
        for graph in complete:
            self._sent(graph)

    def drop(self, names: list[str]) -> None:
        limit = self.options.batch_triples
        for start in range(0, len(names), limit):
            chunk = names[start : start + limit]
            text = " ;\n".join(f"DROP SILENT {_target(name)}" for name in chunk) + "\n"
            self._post_update(text, f"deleting {_label(chunk[0])}")
            for name in chunk:
                self._deleted(name)

    def _post_update(self, text: str, doing: str) -> None:
        body = text.encode("utf-8")
        response = self.update.request("POST", body=body, content_type="application/sparql-update")
        self._counted(response, len(body))
        if response.status not in (200, 204):
            raise http_error(self.update.url, response, doing, self.secrets)

    # -- bookkeeping ----------------------------------------------------------------------

    def _restore(self, name: str, value: str | None) -> None:
        if value == _ABSENT:
            self.state.graphs.pop(name, None)
        else:
            self.state.graphs[name] = value

    def _counted(self, response: Response, size: int) -> None:
        self.result.requests += 1
        self.result.bytes += size

    def _sent(self, graph: Graph) -> None:
        self.state.graphs[graph.name] = graph.digest
        self.result.sent += 1
        self.result.triples += len(graph.lines)
        self.tick()

    def _deleted(self, name: str) -> None:
        self.state.graphs.pop(name, None)
        self.result.deleted += 1
        self.tick()


def _put(conn: Connection, graph: Graph) -> Response:
    size = graph.size()
    body = b"".join(graph.ntriples()) if size < STREAM_BYTES else graph.ntriples()
    return conn.request(
        "PUT", _graph_param(graph.name), body=body, content_type="application/n-triples"
    )


def _graph_param(name: str) -> str:
    return "default" if name == DEFAULT_GRAPH else "graph=" + quote(name, safe="")


def _target(name: str) -> str:
    return "DEFAULT" if name == DEFAULT_GRAPH else f"GRAPH <{name}>"


def _label(name: str) -> str:
    return "the default graph" if name == DEFAULT_GRAPH else f"<{name}>"
