"""Fixtures every test file can ask for by name.

* ``make_vault(root, {"a.md": "...", ...})`` writes a small vault (text or bytes, folders
  made as needed) and returns its root;
* ``example_vault``: the example vault in vault/ (read it, never write it);
* ``example_kg``: its knowledge graph, built once per test session. Tests must not change it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from servers import free_port

import vaultkg
from vaultkg.kg.graph import KnowledgeGraph

EXAMPLE_VAULT = Path(__file__).resolve().parent.parent / "vault"

MakeVault = Callable[[Path, Mapping[str, str | bytes]], Path]


def write_files(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``files`` (vault-relative path -> content) under ``root``; return ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    return root


@pytest.fixture
def make_vault() -> MakeVault:
    return write_files


@pytest.fixture(scope="session")
def example_vault() -> Path:
    return EXAMPLE_VAULT


@pytest.fixture(scope="session")
def example_kg() -> KnowledgeGraph:
    return vaultkg.load(str(EXAMPLE_VAULT), jobs=1)


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test starts with an empty vaultkg cache of its own (subprocesses inherit it),
    never the user's: a warm cache would skip the parsing some tests slow down or interrupt."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("VAULTKG_CACHE_DIR", str(folder))
    monkeypatch.delenv("VAULTKG_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[str]:
    """An Oxigraph server on a free loopback port; its base URL. Stopped by its PID."""
    server = shutil.which("oxigraph") or shutil.which(
        "oxigraph", path=str(Path(sys.executable).parent)
    )
    if server is None:
        pytest.skip("the oxigraph server binary is missing (pip install oxigraph)")
    port = free_port()
    proc = subprocess.Popen(
        [server, "serve", "--location", str(tmp_path / "oxi"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    pytest.fail(f"oxigraph serve did not start: {err}")
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


CHROMIUM = "/usr/bin/chromium"  # Debian's, which .ci/run installs


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (skips when either is missing)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    context.close()
