"""The exported example vault in a real browser (Chromium through Playwright), from file://."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import vaultkg
from vaultkg.export.site import write_site

CHROMIUM = "/usr/bin/chromium"
VAULT = Path(__file__).parent.parent / "vault"
SHOTS = Path(os.environ.get("VAULTKG_SHOTS", "/tmp"))

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    write_site(vaultkg.load(str(VAULT)), out)
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
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


def test_index_wikilink_and_drug_page(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "index.html").as_uri())
    assert page.title() == "vault"
    assert page.locator(".stat-grid dd").first.inner_text() == "84"
    page.screenshot(path=str(SHOTS / "vaultkg-index.png"), full_page=True)
    page.get_by_role("link", name="Pharmacology of adaptation - index").click()
    assert page.url.endswith("/notes/notes/pharmacology-of-adaptation-index.html")
    page.locator(".note-body a.internal", has_text="Caffeine").first.click()
    assert page.url.endswith("/notes/drugs/caffeine.html")
    assert page.locator("#relations-h").inner_text() == "Relations"
    badge = page.locator(".note-body .badge").first
    badge.focus()
    assert page.locator(".note-body .badge .badge-tip").first.is_visible()
    page.screenshot(path=str(SHOTS / "vaultkg-note.png"), full_page=False)
    page.locator("#local-graph").scroll_into_view_if_needed()  # drawn when in view
    page.wait_for_selector("#local-graph[data-ready=true]")
    assert page.errors == []


def test_search_finds_by_alias(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "index.html").as_uri())
    page.fill("#site-q", "trimethylxanthine")
    page.press("#site-q", "Enter")
    page.wait_for_selector("#search-results li")
    first = page.locator("#search-results li a").first
    assert first.inner_text() == "Caffeine"
    first.click()
    assert page.url.endswith("/notes/drugs/caffeine.html")
    assert page.errors == []


def test_graph_opens_a_note_on_click(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "graph.html").as_uri())
    page.wait_for_selector("#graph[data-ready=true]")
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / "vaultkg-graph.png"))
    pos = page.evaluate("window.vaultkgGraph.position('Caffeine')")
    page.mouse.click(pos[0], pos[1])
    page.wait_for_url("**/notes/drugs/caffeine.html")
    assert page.errors == []


def test_matrix_and_claim_filters(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "matrix.html").as_uri())
    page.screenshot(path=str(SHOTS / "vaultkg-matrix.png"), full_page=True)
    page.locator("a.cell-rel").first.click()
    assert "#rel-" in page.url
    page.goto((site / "claims.html").as_uri())
    page.select_option("select[name=level]", "very-low")
    expected = sum(1 for c in vaultkg.load(str(VAULT)).claims if c.level == "very-low")
    assert expected > 1
    # the filter searches every claims page, from claims-data.js loaded on first use
    page.wait_for_function(
        f"document.getElementById('claim-count').textContent === '{expected} claims'"
    )
    assert page.locator("#claims-list > li:visible").count() == expected
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_width_screenshots(site: Path, browser, scheme: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, color_scheme=scheme, device_scale_factor=1
    )
    pg = context.new_page()
    pg.goto((site / "notes/drugs/caffeine.html").as_uri())
    width = pg.evaluate("document.documentElement.scrollWidth")
    pg.screenshot(path=str(SHOTS / f"vaultkg-phone-{scheme}.png"))
    context.close()
    assert width <= 390  # nothing forces sideways scrolling
