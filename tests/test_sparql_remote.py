"""``vaultkg sparql --endpoint``: the vault pushed to an Oxigraph server answers every shipped
query with the rows the local store gives (issue 13: remote results equal local ones)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from servers import free_port
from typer.testing import CliRunner

from vaultkg.cli import app

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "docs" / "queries").glob("*.rq"))
runner = CliRunner()


@pytest.fixture
def pushed(oxigraph: str, tmp_path: Path) -> tuple[Path, str]:
    """A copy of the example vault pushed to a fresh server; the vault and the query URL."""
    vault = tmp_path / "vault"
    shutil.copytree(ROOT / "vault", vault)
    result = runner.invoke(
        app,
        ["push", str(vault), "--endpoint", f"{oxigraph}/store", "--state", str(tmp_path / "s")],
    )
    assert result.exit_code == 0, result.output
    return vault, f"{oxigraph}/query"


def test_every_shipped_query_gives_the_same_rows_remotely(pushed: tuple[Path, str]) -> None:
    vault, endpoint = pushed
    assert len(QUERIES) == 4
    for query in QUERIES:
        args = ["sparql", str(vault), "--file", str(query), "--format", "csv"]
        local = runner.invoke(app, args)
        remote = runner.invoke(app, [*args, "--endpoint", endpoint])
        assert local.exit_code == 0, (query.name, local.output)
        assert remote.exit_code == 0, (query.name, remote.output)
        assert len(local.stdout.splitlines()) > 1, query.name  # a header and some rows
        assert sorted(remote.stdout.splitlines()) == sorted(local.stdout.splitlines()), query.name


def test_ask_and_construct_remotely(pushed: tuple[Path, str]) -> None:
    vault, endpoint = pushed
    ask = runner.invoke(
        app,
        ["sparql", str(vault), "ASK { GRAPH ?g { ?d a vkg:Drug } }", "--endpoint", endpoint],
    )
    assert (ask.exit_code, ask.stdout.split()) == (0, ["ask", "----", "true"])
    construct = (
        "CONSTRUCT { ?d rdfs:label ?l } WHERE { GRAPH ?g { ?d a vkg:Drug ; rdfs:label ?l } }"
    )
    args = ["sparql", str(vault), construct, "--format", "csv"]
    local = runner.invoke(app, args)
    remote = runner.invoke(app, [*args, "--endpoint", endpoint])
    assert remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout
    assert local.stdout.count("\n") == 29  # 15 drug notes, 14 vocabulary drugs claims name


def test_an_unreachable_endpoint_is_a_clear_error(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    result = runner.invoke(app, ["sparql", str(ROOT / "vault"), "ASK {}", "--endpoint", url])
    assert result.exit_code == 2
    assert result.stderr == (
        f"vaultkg: error: query: {url}: cannot reach the server (Connection refused); check "
        "the URL and that the server is running\n"
    )
