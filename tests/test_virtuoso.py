"""Push to Virtuoso 7 and query it back (issue 13: a tested Virtuoso recipe). Runs where
Debian's ``virtuoso-opensource-7`` is installed (``virtuoso-t`` and ``isql-vt`` on PATH);
skipped elsewhere. The recipe it follows is in docs/push.md."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import free_port
from typer.testing import CliRunner

from vaultkg.cli import app

ROOT = Path(__file__).resolve().parents[1]
INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
runner = CliRunner()

pytestmark = pytest.mark.skipif(
    not (shutil.which("virtuoso-t") and shutil.which("isql-vt") and INI.is_file()),
    reason="Virtuoso 7 is not installed (apt-get install virtuoso-opensource-7)",
)


@pytest.fixture
def virtuoso(tmp_path: Path) -> Iterator[str]:
    """A Virtuoso server with its database in tmp_path, SPARQL Update granted; its base URL."""
    sql, http = free_port(), free_port()
    ini = INI.read_text("utf-8")
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db/", f"{tmp_path}/")
    ini = re.sub(r"(?m)^ServerPort\s*=\s*1111", f"ServerPort = {sql}", ini)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*8890", f"ServerPort = {http}", ini)
    (tmp_path / "virtuoso.ini").write_text(ini, "utf-8")
    proc = subprocess.Popen(
        ["virtuoso-t", "-f", "-c", str(tmp_path / "virtuoso.ini")],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("virtuoso-t did not start")
                time.sleep(0.2)
        grant = 'GRANT SPARQL_UPDATE TO "SPARQL";'
        subprocess.run(["isql-vt", str(sql), "dba", "dba", f"exec={grant}"], check=True)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def rows(vault: Path, query: Path, endpoint: str | None = None) -> list[str]:
    extra = ["--endpoint", endpoint] if endpoint else []
    result = runner.invoke(app, ["sparql", str(vault), "--file", str(query), "-f", "csv", *extra])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    if endpoint:  # Virtuoso keeps xsd:boolean values as the integers 0 and 1
        lines = [re.sub(r",1,", ",true,", re.sub(r",0,", ",false,", line)) for line in lines]
    return sorted(lines)


def test_push_to_virtuoso_and_query_it_back(virtuoso: str, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(ROOT / "vault", vault)
    state = str(tmp_path / "state.json")
    store = f"{virtuoso}/sparql-graph-crud"
    first = runner.invoke(app, ["push", str(vault), "--endpoint", store, "--state", state])
    assert first.exit_code == 0, first.output
    assert "with the Graph Store Protocol" in first.stdout
    note = vault / "Drugs" / "Caffeine.md"
    note.write_text(note.read_text("utf-8") + "\nCaffeine keeps some people awake.\n", "utf-8")
    again = runner.invoke(app, ["push", str(vault), "--endpoint", store, "--state", state])
    assert again.exit_code == 0, again.output
    assert re.search(r": (\d+) graph\(s\) sent", again.stdout)
    sent = int(re.search(r": (\d+) graph\(s\) sent", again.stdout).group(1))  # type: ignore[union-attr]
    assert 0 < sent < 20  # the note's graph and its claims' nanopublications, nothing else
    for query in sorted((ROOT / "docs" / "queries").glob("*.rq")):
        assert rows(vault, query, f"{virtuoso}/sparql") == rows(vault, query), query.name
