"""The exported example vault in a real browser (Chromium through Playwright), from file://."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import vaultkg
from vaultkg.export.site import write_site

VAULT = Path(__file__).parent.parent / "vault"
SHOTS = Path(os.environ.get("VAULTKG_SHOTS", "/tmp"))

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    write_site(vaultkg.load(str(VAULT)), out)
    return out


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


# ---- reading features (issue 14) --------------------------------------------------------

RECEPTORS = "notes/notes/drug-actions-at-receptors.html"
FIRST_HIT_IS = """title => {
    const first = document.querySelector('.palette-list li .palette-title');
    return first !== null && first.textContent === title;
}"""


def test_palette_opens_with_ctrl_k_and_highlights(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / RECEPTORS).as_uri())
    assert page.evaluate("typeof window.VAULTKG_SEARCH") == "undefined"  # loaded on first use
    page.keyboard.press("Control+k")
    palette = page.locator(".palette")
    assert palette.is_visible()
    page.keyboard.type("trimethyl")
    page.wait_for_function(FIRST_HIT_IS, arg="Caffeine")  # not the list of a shorter prefix
    first = page.locator(".palette-list li").first
    assert first.locator(".palette-title").inner_text() == "Caffeine"
    assert first.get_attribute("aria-selected") == "true"
    assert page.locator(".palette-list mark").first.inner_text().lower() == "trimethyl"
    page.keyboard.press("Escape")
    assert not palette.is_visible()
    page.keyboard.press("/")
    assert palette.is_visible()
    page.keyboard.type("caffeine")
    page.wait_for_function(FIRST_HIT_IS, arg="Caffeine")
    page.keyboard.press("Enter")
    page.wait_for_url("**/notes/drugs/caffeine.html")
    assert page.errors == []


def test_link_preview_on_hover_and_focus(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "notes/drugs/caffeine.html").as_uri())
    link = page.locator(".note-body a.internal", has_text="Dopamine").first
    link.hover()
    preview = page.locator(".link-preview")
    preview.wait_for(state="visible")
    assert preview.locator(".link-preview-title strong").inner_text() == "Dopamine"
    assert preview.locator(".type-pill").inner_text() == "neurotransmitter"
    page.mouse.move(5, 5)
    preview.wait_for(state="hidden")
    page.locator(".note-body a.internal", has_text="A2A receptor").first.focus()
    preview.wait_for(state="visible")
    assert preview.locator("strong").inner_text() == "Adenosine A2A receptor"
    assert page.errors == []


def test_math_code_tasks_and_diagram(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / RECEPTORS).as_uri())
    page.wait_for_selector(".math-display .katex-display")
    assert page.locator(".math-inline .katex").count() == 5  # [L], K_d, n, n = 1, [L] = K_d
    tex = page.locator(".math-display annotation").text_content()
    assert tex == r"\theta = \frac{[L]^n}{K_d^n + [L]^n}"
    assert page.locator(".math-display .katex-html .mfrac").count() == 1  # typeset, not raw
    code = page.locator("pre.highlight code.language-python")
    assert code.locator("span.k", has_text="def").count() == 1
    assert code.locator("span.nf").first.inner_text() == "occupancy"
    boxes = page.locator("input.task-list-item-checkbox")
    assert boxes.count() == 2
    assert [boxes.nth(i).is_checked() for i in range(2)] == [True, False]
    assert all(boxes.nth(i).is_disabled() for i in range(2))
    page.wait_for_selector("pre.mermaid svg")
    assert "Ligand binds" in (page.locator("pre.mermaid svg").text_content() or "")
    light_svg = page.locator("pre.mermaid svg").inner_html()
    page.click(".theme-toggle")  # the diagram is drawn again in the dark theme
    page.wait_for_function(
        "old => { const s = document.querySelector('pre.mermaid svg');"
        " return s !== null && s.innerHTML !== old; }",
        arg=light_svg,
    )
    assert page.locator("pre.mermaid svg").count() == 1
    assert "Ligand binds" in (page.locator("pre.mermaid svg").text_content() or "")
    page.locator("#occupancy-and-the-hill-equation").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "vaultkg-math-code.png"))
    assert page.errors == []
    # pages without math or diagrams load neither library
    page.goto((site / "notes/drugs/caffeine.html").as_uri())
    assert page.evaluate("[typeof window.katex, typeof window.mermaid]") == [
        "undefined",
        "undefined",
    ]


def test_dark_mode_toggle_persists(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    pg = context.new_page()
    pg.goto((site / "notes/drugs/caffeine.html").as_uri())
    background = "getComputedStyle(document.body).backgroundColor"
    assert pg.evaluate(background) == "rgb(253, 253, 252)"
    pg.click(".theme-toggle")
    assert pg.evaluate("document.documentElement.dataset.theme") == "dark"
    assert pg.evaluate(background) == "rgb(21, 24, 28)"
    pg.reload()
    assert pg.evaluate(background) == "rgb(21, 24, 28)"
    assert pg.locator(".theme-toggle").get_attribute("aria-pressed") == "true"
    pg.goto((site / "index.html").as_uri())
    assert pg.evaluate(background) == "rgb(21, 24, 28)"
    context.close()


def test_evidence_switch_hides_and_shows_marks(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "notes/drugs/caffeine.html").as_uri())
    mark = page.locator(".note-body .badge").first
    assert mark.is_visible()
    page.click(".evidence-toggle")
    assert not mark.is_visible()
    assert page.locator(".evidence-toggle").get_attribute("aria-pressed") == "false"
    page.reload()
    assert not page.locator(".note-body .badge").first.is_visible()
    page.click(".evidence-toggle")
    assert page.locator(".note-body .badge").first.is_visible()
    assert page.errors == []


def test_matrix_filters(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "matrix.html").as_uri())
    rows = page.locator(".matrix tbody tr:visible")
    total = rows.count()
    page.select_option("select[name=class]", label="selective serotonin reuptake inhibitors")
    assert [t.strip() for t in rows.locator("th").all_inner_texts()] == ["Fluoxetine", "Sertraline"]
    page.select_option("select[name=class]", "")
    page.select_option("select[name=family]", label="monoamine transporters")
    heads = page.locator(".matrix thead th:visible:not(.corner)").all_inner_texts()
    assert [h.strip() for h in heads] == [
        "Dopamine transporter",
        "Norepinephrine transporter",
        "Serotonin transporter",
    ]
    assert rows.count() < total
    page.select_option("select[name=family]", "")
    page.select_option("select[name=level]", "moderate")
    levels = page.locator(".matrix a.cell-rel:visible").evaluate_all(
        "els => [...new Set(els.map(e => e.dataset.level))].sort()"
    )
    assert levels == ["high", "moderate"] or levels == ["moderate"]
    assert page.errors == []


def test_katex_keeps_javascript_links_inert(tmp_path: Path, page) -> None:  # type: ignore[no-untyped-def]
    from test_site_support import make_vault

    note = "Danger $\\href{javascript:alert(1)}{click}$ and $\\url{javascript:alert(2)}$ here.\n"
    root = make_vault(tmp_path / "vault", {"Notes/Href.md": note})
    write_site(vaultkg.load(str(root)), tmp_path / "site")
    page.goto((tmp_path / "site/notes/notes/href.html").as_uri())
    page.wait_for_selector(".math-inline .katex")
    assert page.locator(".note-body a[href^='javascript']").count() == 0
    assert page.errors == []


def test_palette_puts_the_closest_title_first(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "index.html").as_uri())
    page.keyboard.press("Control+k")
    page.keyboard.type("dopa")
    page.wait_for_function(FIRST_HIT_IS, arg="Dopamine")
    titles = page.locator(".palette-list .palette-title").all_inner_texts()
    assert titles[:4] == [
        "Dopamine",
        "Dopamine D1 receptor",
        "Dopamine D2 receptor",
        "Dopamine transporter",
    ]
    assert page.errors == []
