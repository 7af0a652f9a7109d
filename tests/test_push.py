"""``vaultkg push`` (issue 13, item 5): against a real Oxigraph server started per test, and
against a small stdlib HTTP server for what a real one will not do on demand (401, 500,
answers that never come) and to see each request (batches, credentials)."""

from __future__ import annotations

import base64
import http.server
import json
import shutil
import socket
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest
from servers import free_port
from typer.testing import CliRunner, Result

import vaultkg
from vaultkg.cli import app
from vaultkg.push import DEFAULT_GRAPH, EndpointState, Options, dataset_graphs
from vaultkg.push import push as push_graphs

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
OXIGRAPH = shutil.which("oxigraph") or shutil.which(
    "oxigraph", path=str(Path(sys.executable).parent)
)
needs_oxigraph = pytest.mark.skipif(
    OXIGRAPH is None, reason="the oxigraph server binary is missing (pip install oxigraph)"
)

SECRET = "Quillifen"  # a word only the private note holds
NOTES = {
    "Drugs/Haloperidol.md": (
        "---\ntype: drug\n---\n"
        "Haloperidol is an antagonist of the [[D2 receptor]].[^1]\n\n"
        "Haloperidol blocks the [[D2 receptor]] in the striatum. [[Dopamine review 2021]]\n\n"
        "[^1]: [[Dopamine review 2021]]\n"
    ),
    "Drugs/Caffeine.md": (
        "---\ntype: drug\n---\n"
        "Caffeine is an antagonist of the [[Adenosine A2A receptor]]. [[Adenosine trial 2018]]\n"
    ),
    "Targets/D2 receptor.md": "---\ntype: receptor\n---\nA dopamine receptor of the D2 family.\n",
    "Targets/Adenosine A2A receptor.md": "---\ntype: receptor\n---\nA receptor for adenosine.\n",
    "Sources/Dopamine review 2021.md": (
        "---\ntype: source\nsource_type: systematic review\ndoi: 10.1000/dopa.1\n---\nA review.\n"
    ),
    "Sources/Adenosine trial 2018.md": (
        "---\ntype: source\nsource_type: randomized controlled trial\ndoi: 10.1000/ado.2\n---\n"
        "A trial.\n"
    ),
    "Drugs/Quillifen.md": (
        "---\ntype: drug\npublish: false\n---\nQuillifen is an agonist of the [[D2 receptor]].\n"
    ),
    "vaultkg.toml": 'base_iri = "https://example.org/pushtest/"\n',
}


# -- helpers ----------------------------------------------------------------------------------


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    for rel, text in NOTES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    return root


def push(
    vault: Path, endpoint: str, state: Path, *extra: str, env: dict[str, str] | None = None
) -> Result:
    environ: dict[str, str | None] = {
        "NETRC": str(state.parent / "no-netrc"),
        "VAULTKG_PUSH_USER": None,
        "VAULTKG_PUSH_PASSWORD": None,
        "VAULTKG_PUSH_TOKEN": None,
        **(env or {}),
    }
    args = ["push", str(vault), "--endpoint", endpoint, "--state", str(state), "-q", *extra]
    return runner.invoke(app, args, env=environ)


def expected(vault: Path) -> dict[str, frozenset[ox.Triple]]:
    """The export as graphs, each a set of triples."""
    return {g: frozenset(t) for g, t in dataset_graphs(vaultkg.load(str(vault))).items()}


def as_quads(graphs: dict[str, frozenset[ox.Triple]]) -> set[ox.Quad]:
    return {
        ox.Quad(
            t.subject,
            t.predicate,
            t.object,
            ox.DefaultGraph() if g == DEFAULT_GRAPH else ox.NamedNode(g),
        )
        for g, triples in graphs.items()
        for t in triples
    }


def server_quads(base: str) -> set[ox.Quad]:
    req = urllib.request.Request(f"{base}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(req) as r:
        return set(ox.parse(r.read(), format=ox.RdfFormat.N_QUADS))


def count(base: str, query: str) -> int:
    url = f"{base}/query?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req) as r:
        return int(json.load(r)["results"]["bindings"][0]["n"]["value"])


Graphs = dict[str, frozenset[ox.Triple]]


def changed(before: Graphs, after: Graphs) -> set[str]:
    return {g for g in before.keys() | after.keys() if before.get(g) != after.get(g)}


def summary(sent: int, triples: int, deleted: int, unchanged: int, requests: int) -> str:
    return (
        f"{sent:,} graph(s) sent ({triples:,} triples), {deleted:,} deleted, "
        f"{unchanged:,} unchanged; {requests:,} request(s)"
    )


# -- against a real Oxigraph server -----------------------------------------------------------


@needs_oxigraph
def test_first_push_sends_every_graph_and_the_server_holds_the_export(
    vault: Path, oxigraph: str, tmp_path: Path
) -> None:
    want = expected(vault)
    result = push(vault, f"{oxigraph}/store", tmp_path / "state.json")
    assert result.exit_code == 0, result.output
    triples = sum(len(t) for t in want.values())
    assert summary(len(want), triples, 0, 0, len(want)) in result.stdout
    assert "with the Graph Store Protocol" in result.stdout
    assert server_quads(oxigraph) == as_quads(want)
    assert DEFAULT_GRAPH not in want  # the export leaves the default graph empty
    assert count(oxigraph, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }") == triples
    assert count(oxigraph, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }") == 0
    assert SECRET not in "".join(str(q) for q in server_quads(oxigraph))
    state = json.loads((tmp_path / "state.json").read_text())
    assert state["endpoints"][f"{oxigraph}/store"]["protocol"] == "gsp"
    assert set(state["endpoints"][f"{oxigraph}/store"]["graphs"]) == set(want)


@needs_oxigraph
def test_unchanged_vault_pushes_nothing(vault: Path, oxigraph: str, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    assert push(vault, f"{oxigraph}/store", state).exit_code == 0
    want = expected(vault)
    again = push(vault, f"{oxigraph}/store", state)
    assert again.exit_code == 0, again.output
    assert summary(0, 0, 0, len(want), 0) in again.stdout
    full = push(vault, f"{oxigraph}/store", state, "--full")
    triples = sum(len(t) for t in want.values())
    assert summary(len(want), triples, 0, 0, len(want)) in full.stdout
    assert server_quads(oxigraph) == as_quads(want)


@needs_oxigraph
def test_editing_one_note_sends_only_its_graphs(vault: Path, oxigraph: str, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    assert push(vault, f"{oxigraph}/store", state).exit_code == 0
    before = expected(vault)
    note = vault / "Drugs/Caffeine.md"
    note.write_text(note.read_text() + "\nCaffeine is an antagonist of the [[D2 receptor]].\n")
    after = expected(vault)
    diff = changed(before, after)
    assert diff and len(diff) < len(after) // 2  # the note's graphs, not the rest
    dry = push(vault, f"{oxigraph}/store", state, "--dry-run")
    assert "nothing sent" in dry.stdout
    result = push(vault, f"{oxigraph}/store", state)
    assert result.exit_code == 0, result.output
    triples = sum(len(after[g]) for g in diff)
    assert summary(len(diff), triples, 0, len(after) - len(diff), len(diff)) in result.stdout
    assert server_quads(oxigraph) == as_quads(after)


@needs_oxigraph
def test_deleting_a_note_deletes_its_graphs(vault: Path, oxigraph: str, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    assert push(vault, f"{oxigraph}/store", state).exit_code == 0
    before = expected(vault)
    (vault / "Drugs/Caffeine.md").unlink()
    after = expected(vault)
    gone = before.keys() - after.keys()
    assert gone  # the claim's nanopublication graphs
    rewritten = {g for g in changed(before, after) if g in after}
    result = push(vault, f"{oxigraph}/store", state)
    assert result.exit_code == 0, result.output
    triples = sum(len(after[g]) for g in rewritten)
    unchanged = len(after) - len(rewritten)
    assert (
        summary(len(rewritten), triples, len(gone), unchanged, len(rewritten) + len(gone))
        in result.stdout
    )
    assert server_quads(oxigraph) == as_quads(after)
    graphs = set(json.loads(state.read_text())["endpoints"][f"{oxigraph}/store"]["graphs"])
    assert graphs == set(after)


@needs_oxigraph
def test_sparql_update_gives_the_same_server_content(
    vault: Path, oxigraph: str, tmp_path: Path
) -> None:
    state = tmp_path / "state.json"
    result = push(vault, f"{oxigraph}/store", state, "--protocol", "update")
    assert result.exit_code == 0, result.output
    assert "with SPARQL Update" in result.stdout
    want = expected(vault)
    assert server_quads(oxigraph) == as_quads(want)
    (vault / "Drugs/Caffeine.md").unlink()
    result = push(vault, f"{oxigraph}/store", state, "--protocol", "update")
    assert result.exit_code == 0, result.output
    assert server_quads(oxigraph) == as_quads(expected(vault))


@needs_oxigraph
def test_a_graph_over_1_mib_is_streamed_and_arrives_whole(oxigraph: str) -> None:
    ex = "https://example.org/big/"
    triples = [
        ox.Triple(ox.NamedNode(f"{ex}s{i}"), ox.NamedNode(f"{ex}label"), ox.Literal(f"n°{i} é"))
        for i in range(30_000)
    ]
    graphs = {f"{ex}graph": triples, DEFAULT_GRAPH: triples[:3]}
    state = EndpointState()
    result = push_graphs(graphs, f"{oxigraph}/store", state)
    assert result.bytes > 1 << 20 and result.sent == 2 and result.requests == 2
    want = {g: frozenset(t) for g, t in graphs.items()}
    assert server_quads(oxigraph) == as_quads(want)
    assert set(state.graphs) == {f"{ex}graph", DEFAULT_GRAPH}


# -- a fake server ----------------------------------------------------------------------------


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Fake:
    """Answers with ``answer(request, index)``: (status, body) or None for a SPARQL store in
    memory (PUT, DELETE and POST of updates applied to ``store``)."""

    answer: Callable[[Seen, int], tuple[int, str] | None] = lambda seen, i: None
    seen: list[Seen] = field(default_factory=list)
    added: list[int] = field(default_factory=list)  # triples each update added
    store: ox.Store = field(default_factory=ox.Store)
    delay: float = 0.0


@pytest.fixture
def fake() -> Iterator[tuple[Fake, str]]:
    state = Fake()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        wbufsize = 1 << 16  # headers and body in one write: no Nagle and delayed-ACK stall
        disable_nagle_algorithm = True

        def log_message(self, *args: object) -> None:
            pass

        def _body(self) -> bytes:
            if self.headers.get("Transfer-Encoding") == "chunked":
                out = b""
                while (size := int(self.rfile.readline().strip(), 16)) > 0:
                    out += self.rfile.read(size)
                    self.rfile.readline()
                self.rfile.readline()
                return out
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def _handle(self) -> None:
            seen = Seen(self.command, self.path, dict(self.headers), self._body())
            state.seen.append(seen)
            time.sleep(state.delay)
            answer = state.answer(seen, len(state.seen) - 1)
            status, text = answer if answer is not None else self._apply(seen)
            data = text.encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _apply(self, seen: Seen) -> tuple[int, str]:
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(seen.path).query)
            graph = ox.NamedNode(query["graph"][0]) if "graph" in query else ox.DefaultGraph()
            if seen.method == "POST":
                before = len(state.store)
                state.store.update(seen.body.decode())
                state.added.append(len(state.store) - before)
            elif seen.method == "PUT":
                state.store.update(f"DROP SILENT {_target(graph)}")
                state.store.load(seen.body, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
            elif seen.method == "DELETE":
                state.store.update(f"DROP SILENT {_target(graph)}")
            return 204, ""

        do_PUT = do_POST = do_DELETE = _handle

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _target(graph: ox.NamedNode | ox.DefaultGraph) -> str:
    return "DEFAULT" if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph}"


def test_update_batches_hold_at_most_batch_triples(
    vault: Path, fake: tuple[Fake, str], tmp_path: Path
) -> None:
    server, url = fake
    result = push(
        vault, f"{url}/store", tmp_path / "s.json", "--protocol", "update", "--batch-triples", "40"
    )
    assert result.exit_code == 0, result.output
    want = expected(vault)
    total = sum(len(t) for t in want.values())
    assert all(s.method == "POST" and s.path == "/update" for s in server.seen)
    assert all(s.headers["Content-Type"] == "application/sparql-update" for s in server.seen)
    assert max(server.added) == 40 and all(0 < n <= 40 for n in server.added)
    assert sum(server.added) == total
    assert len(server.added) == -(-total // 40)  # units of one triple pack every batch full
    assert set(server.store) == as_quads(want)


def test_auto_falls_back_to_sparql_update_when_put_is_refused(
    vault: Path, fake: tuple[Fake, str], tmp_path: Path
) -> None:
    server, url = fake
    server.answer = lambda seen, i: (405, "no graph store") if seen.method == "PUT" else None
    state = tmp_path / "s.json"
    result = push(vault, f"{url}/store", state)
    assert result.exit_code == 0, result.output
    assert "with SPARQL Update" in result.stdout
    assert [s.method for s in server.seen[:2]] == ["PUT", "POST"]
    assert set(server.store) == as_quads(expected(vault))
    assert json.loads(state.read_text())["endpoints"][f"{url}/store"]["protocol"] == "update"
    (vault / "Drugs/Caffeine.md").unlink()
    server.seen.clear()
    assert push(vault, f"{url}/store", state).exit_code == 0
    assert {s.method for s in server.seen} == {"POST"}  # the protocol that worked is kept
    assert set(server.store) == as_quads(expected(vault))


def test_401_says_how_to_give_credentials_and_records_nothing(
    vault: Path, fake: tuple[Fake, str], tmp_path: Path
) -> None:
    server, url = fake
    server.answer = lambda seen, i: (401, "who are you")
    state = tmp_path / "s.json"
    result = push(vault, f"{url}/store", state)
    assert result.exit_code == 1
    want = expected(vault)
    probe = min(sorted(want), key=lambda g: len(want[g]))  # the first try is the smallest graph
    assert f"vaultkg: error: {url}/store: 401 Unauthorized while sending <{probe}>: " in (
        result.stderr
    )
    assert "set VAULTKG_PUSH_USER and VAULTKG_PUSH_PASSWORD" in result.stderr
    assert len(server.seen) == 1
    graphs = json.loads(state.read_text())["endpoints"][f"{url}/store"]["graphs"]
    assert list(graphs.values()) == [None]  # the graph tried: its content there is unknown


def test_500_after_some_graphs_records_exactly_what_was_sent(
    vault: Path, fake: tuple[Fake, str], tmp_path: Path
) -> None:
    server, url = fake
    long = "java.lang.OutOfMemoryError " + "x" * 500
    server.answer = lambda seen, i: (500, long) if i == 3 else None
    state = tmp_path / "s.json"
    result = push(vault, f"{url}/store", state, "--jobs", "1")
    assert result.exit_code == 1
    line = result.stderr.splitlines()[0]
    assert "HTTP 500 Internal Server Error while sending <" in line
    assert ": java.lang.OutOfMemoryError xxx" in line and line.endswith("…")
    assert len(line) < 400
    assert "before the error: 3 graph(s) sent" in result.stderr
    graphs = json.loads(state.read_text())["endpoints"][f"{url}/store"]["graphs"]
    sent = [s for s in server.seen if s.method == "PUT"]
    names = [
        urllib.parse.parse_qs(urllib.parse.urlsplit(s.path).query).get("graph", [""])[0]
        for s in sent
    ]
    want = expected(vault)
    assert graphs == {**{n: graphs[n] for n in names[:3]}, names[3]: None}
    assert all(isinstance(graphs[n], str) for n in names[:3])
    # the next push sends the rest, the failed graph included
    server.answer = lambda seen, i: None
    server.seen.clear()
    again = push(vault, f"{url}/store", state)
    assert again.exit_code == 0, again.output
    assert len(server.seen) == len(want) - 3
    assert set(server.store) == as_quads(want)


def test_parallel_puts_record_exactly_the_graphs_the_server_took(
    fake: tuple[Fake, str], tmp_path: Path
) -> None:
    server, url = fake
    vault = tmp_path / "example"
    shutil.copytree(ROOT / "vault", vault)
    names = sorted(expected(vault))
    bad = urllib.parse.quote(names[6], safe="")
    server.answer = lambda seen, i: (503, "busy") if seen.path.endswith(bad) else None
    state = tmp_path / "s.json"
    result = push(vault, f"{url}/store", state, "--jobs", "3")
    assert result.exit_code == 1
    assert f"HTTP 503 Service Unavailable while sending <{names[6]}>: busy" in result.stderr
    graphs = json.loads(state.read_text())["endpoints"][f"{url}/store"]["graphs"]
    took = {
        urllib.parse.parse_qs(urllib.parse.urlsplit(s.path).query).get("graph", [""])[0]
        for s in server.seen
        if not s.path.endswith(bad)
    }
    assert {n for n, h in graphs.items() if h is not None} == took
    assert {n for n, h in graphs.items() if h is None} == {names[6]}
    assert len(server.seen) < len(names) // 2  # the push stopped once the failure was seen


def test_credentials_from_the_environment_are_sent_and_never_shown(
    vault: Path, fake: tuple[Fake, str], tmp_path: Path
) -> None:
    server, url = fake
    password = "pa55-Wyrmwood"
    server.answer = lambda seen, i: (500, f"bad login {password}") if i == 1 else None
    env = {"VAULTKG_PUSH_USER": "ana", "VAULTKG_PUSH_PASSWORD": password}
    result = push(vault, f"{url}/store", tmp_path / "s.json", "-j", "1", env=env)
    assert result.exit_code == 1
    auth = "Basic " + base64.b64encode(f"ana:{password}".encode()).decode()
    assert [s.headers["Authorization"] for s in server.seen] == [auth, auth]
    assert password not in result.output and "bad login ***" in result.stderr
    token = push(vault, f"{url}/store", tmp_path / "t.json", env={"VAULTKG_PUSH_TOKEN": "tok9"})
    assert token.exit_code == 0, token.output
    assert server.seen[-1].headers["Authorization"] == "Bearer tok9"
    assert "tok9" not in token.output


def test_credentials_from_netrc(vault: Path, fake: tuple[Fake, str], tmp_path: Path) -> None:
    server, url = fake
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1\n  login bo\n  password n3trc-pw\n")
    netrc.chmod(0o600)
    result = push(vault, f"{url}/store", tmp_path / "s.json", env={"NETRC": str(netrc)})
    assert result.exit_code == 0, result.output
    want = "Basic " + base64.b64encode(b"bo:n3trc-pw").decode()
    assert {s.headers["Authorization"] for s in server.seen} == {want}
    assert "n3trc-pw" not in result.output


def test_credentials_in_the_url_are_refused(vault: Path, tmp_path: Path) -> None:
    result = push(vault, "http://ana:pw@127.0.0.1:9/store", tmp_path / "s.json")
    assert result.exit_code == 2
    assert "the endpoint URL holds credentials" in result.stderr
    assert "pw" not in result.output.replace("VAULTKG_PUSH_PASSWORD", "")
    assert not (tmp_path / "s.json").exists()


def test_unreachable_endpoint_and_timeout(
    vault: Path, fake: tuple[Fake, str], tmp_path: Path
) -> None:
    port = free_port()
    result = push(vault, f"http://127.0.0.1:{port}/store", tmp_path / "s.json")
    assert result.exit_code == 1
    assert f"http://127.0.0.1:{port}/store: cannot reach the server (Connection refused)" in (
        result.stderr
    )
    assert "before the error: 0 graph(s) sent, 0 deleted" in result.stderr
    assert json.loads((tmp_path / "s.json").read_text())["endpoints"] == {}  # nothing sent
    server, url = fake
    server.delay = 1.0
    slow = push(vault, f"{url}/store", tmp_path / "t.json", "--timeout", "0.2")
    assert slow.exit_code == 1
    assert f"{url}/store: no answer within 0.2 s" in slow.stderr


def test_dry_run_sends_nothing_and_nothing_is_written_into_the_vault(
    vault: Path, fake: tuple[Fake, str], tmp_path: Path
) -> None:
    server, url = fake
    files = {p: p.read_bytes() for p in vault.rglob("*") if p.is_file()}
    dry = push(vault, f"{url}/store", tmp_path / "s.json", "--dry-run")
    assert dry.exit_code == 0, dry.output
    want = expected(vault)
    triples = sum(len(t) for t in want.values())
    assert dry.stdout.strip().endswith(
        f"Dry run: would send {len(want)} graph(s) ({triples} triples), delete 0; 0 unchanged; "
        "nothing sent"
    )
    assert server.seen == []
    assert push(vault, f"{url}/store", tmp_path / "s.json").exit_code == 0
    assert {p: p.read_bytes() for p in vault.rglob("*") if p.is_file()} == files
    inside = push(vault, f"{url}/store", vault / "state.json")
    assert inside.exit_code == 2 and "inside the vault" in inside.stderr


def test_default_state_is_in_the_user_cache(
    vault: Path, fake: tuple[Fake, str], tmp_path: Path
) -> None:
    _server, url = fake
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "NETRC": str(tmp_path / "none")}
    args = ["push", str(vault), "--endpoint", f"{url}/store"]
    first = runner.invoke(app, args, env=env)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith(
        "Read 6 notes and built their RDF in "
    ) and first.stdout.splitlines()[0].endswith(" s; 1 private note(s) left out")
    files = list((tmp_path / "cache" / "vaultkg" / "push").glob("*.json"))
    assert len(files) == 1
    again = runner.invoke(app, args, env=env)
    assert "0 graph(s) sent" in again.stdout


def test_a_server_that_does_not_speak_http(vault: Path, tmp_path: Path) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def answer() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(b"SSH-2.0-not-http\r\n\r\n")

    threading.Thread(target=answer, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/store"
    try:
        result = push(vault, url, tmp_path / "s.json")
    finally:
        listener.close()
    assert result.exit_code == 1
    assert f"{url}: the answer is not valid HTTP (BadStatusLine)" in result.stderr


def test_triples_sharing_a_blank_node_travel_in_one_update(fake: tuple[Fake, str]) -> None:
    server, url = fake
    ex = "https://example.org/b/"
    a, b, c = ox.BlankNode("a"), ox.BlankNode("b"), ox.BlankNode("c")
    p, q = ox.NamedNode(f"{ex}p"), ox.NamedNode(f"{ex}q")
    triples = [
        ox.Triple(ox.NamedNode(f"{ex}s"), p, a),
        ox.Triple(a, p, b),
        ox.Triple(b, q, ox.Literal("deep")),
        ox.Triple(c, q, ox.Literal("alone")),
        *(ox.Triple(ox.NamedNode(f"{ex}s{i}"), q, ox.Literal(str(i))) for i in range(3)),
    ]
    options = Options(protocol="update", batch_triples=1)
    result = push_graphs({f"{ex}g": triples}, f"{url}/store", EndpointState(), options=options)
    assert result.sent == 1 and result.triples == 7
    assert sorted(server.added) == [1, 1, 1, 1, 3]  # the three joined by _:a and _:b together
    chain = f"ASK {{ GRAPH <{ex}g> {{ <{ex}s> <{ex}p> ?x . ?x <{ex}p> ?y . ?y <{ex}q> 'deep' }} }}"
    assert server.store.query(chain)


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_literals_with_line_breaks_of_every_kind(fake: tuple[Fake, str], protocol: str) -> None:
    server, url = fake
    ex = "https://example.org/l/"
    texts = ["a\nb", "c\r\nd", "e\u2028f", "g\x85h", "i\u2029j", 'k"l\\m', "\x0b\x0c\x1c"]
    triples = [
        ox.Triple(ox.NamedNode(f"{ex}s{i}"), ox.NamedNode(f"{ex}p"), ox.Literal(t))
        for i, t in enumerate(texts)
    ]
    state = EndpointState()
    options = Options(protocol=protocol, batch_triples=3)
    result = push_graphs({f"{ex}g": triples}, f"{url}/store", state, options=options)
    assert result.triples == len(texts)
    assert set(server.store) == as_quads({f"{ex}g": frozenset(triples)})
    again = push_graphs({f"{ex}g": list(reversed(triples))}, f"{url}/store", state)
    assert again.sent == 0 and again.plan.unchanged == 1  # the same graph, the same hash
