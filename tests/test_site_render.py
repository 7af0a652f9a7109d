"""Rendering notes for the site: exact HTML for Obsidian's features and evidence badges."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_site_support import make_vault

import vaultkg
from vaultkg.export.site.badges import badge_html
from vaultkg.export.site.context import SiteContext
from vaultkg.export.site.render import NoteRenderer


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[SiteContext, NoteRenderer]:
    root = make_vault(tmp_path_factory.mktemp("vault"))
    ctx = SiteContext.of(vaultkg.load(str(root)))
    return ctx, NoteRenderer(ctx)


@pytest.fixture(scope="module")
def caffeine(site: tuple[SiteContext, NoteRenderer]) -> str:
    return site[1].render("Drugs/Caffeine.md").html


def _claim(ctx: SiteContext, text: str):  # type: ignore[no-untyped-def]
    return next(c for c in ctx.claims if c.text == text)


def test_published_notes_follow_the_rules(site: tuple[SiteContext, NoteRenderer]) -> None:
    ctx, _ = site
    assert sorted(ctx.published) == [
        "Drugs/Caffeine.md",
        "Sources/Fredholm 1999.md",
        "Targets/A2A receptor.md",
    ]
    assert ctx.urls.notes == {
        "Drugs/Caffeine.md": "notes/drugs/caffeine.html",
        "Sources/Fredholm 1999.md": "notes/sources/fredholm-1999.html",
        "Targets/A2A receptor.md": "notes/targets/a2a-receptor.html",
    }


def test_wikilink_becomes_a_relative_page_link(caffeine: str) -> None:
    assert (
        'Caffeine blocks the <a class="internal" href="../targets/a2a-receptor.html">A2A</a> '
        "receptor." in caffeine
    )


def test_broken_link_is_marked(caffeine: str) -> None:
    assert (
        '<span class="broken-link" title="Not in the vault: Missing note. The note has not '
        'been written yet.">Missing note</span>' in caffeine
    )


def test_links_to_unpublished_notes_are_plain_text(caffeine: str) -> None:
    assert "and Secret and Draft note and Hidden.</p>" in caffeine


def test_heading_and_block_links_point_at_anchors(caffeine: str) -> None:
    assert (
        'Jump to <a class="internal" href="../targets/a2a-receptor.html#binding">'
        "A2A receptor &gt; Binding</a> or "
        '<a class="internal" href="../targets/a2a-receptor.html#block-key-fact">'
        "A2A receptor &gt; ^key-fact</a> or "
        '<a class="internal broken-anchor" href="../targets/a2a-receptor.html" '
        'title="Heading “Nowhere” is not in that note.">A2A receptor &gt; Nowhere</a>.'
    ) in caffeine


def test_target_page_has_the_anchor_ids(site: tuple[SiteContext, NoteRenderer]) -> None:
    html = site[1].render("Targets/A2A receptor.md").html
    assert '<h2 id="binding">Binding</h2>' in html
    assert '<span class="block-anchor" id="block-key-fact"></span>' in html


def test_section_embed_is_transcluded(caffeine: str) -> None:
    assert (
        '<div class="embed"><div class="embed-title"><a class="internal" '
        'href="../targets/a2a-receptor.html#binding">A2A receptor &gt; Binding</a></div>'
        "<h2>Binding</h2>\n<p>Adenosine binds the A2A receptor."
    ) in caffeine


def test_embed_cycle_stops(caffeine: str) -> None:
    # Caffeine embeds A2A#Binding, whose section embeds Caffeine again
    assert (
        '<div class="embed embed-cycle"><p>Not shown again (the embeds form a cycle): '
        '<a class="internal" href="caffeine.html">Caffeine</a></p></div>'
    ) in caffeine
    assert caffeine.count('<div class="embed">') == 1


def test_image_embed_is_copied_and_sized(site: tuple[SiteContext, NoteRenderer]) -> None:
    out = site[1].render("Drugs/Caffeine.md")
    assert (
        '<img src="../../files/att/diagram.png" alt="diagram.png" width="300" loading="lazy">'
        in out.html
    )
    assert out.files == {"att/diagram.png"}


def test_callout_highlight_and_tag(caffeine: str) -> None:
    assert (
        '<div class="callout callout-warning kind-warning"><div class="callout-title">'
        '<span class="callout-icon" aria-hidden="true"></span>Careful</div>'
        '<div class="callout-body">\n<p>Too much <mark>coffee</mark> is bad.'
    ) in caffeine
    assert '<a class="tag" href="../../tags/health/sleep.html">#health/sleep</a>' in caffeine


def test_comments_are_dropped(caffeine: str) -> None:
    assert "hidden comment" not in caffeine
    assert "%%" not in caffeine


def test_footnotes_render(caffeine: str) -> None:
    assert '<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>' in caffeine
    assert (
        '<li id="fn1" class="footnote-item"><p><a class="internal" '
        'href="../sources/fredholm-1999.html">Fredholm 1999</a>'
    ) in caffeine


def test_badge_follows_its_sentence(site: tuple[SiteContext, NoteRenderer], caffeine: str) -> None:
    ctx, _ = site
    claim = _claim(ctx, "Caffeine blocks the A2A receptor.")
    assert claim.level == "low"
    expected = (
        f'<span class="badge lvl-low cert-asserted" id="claim-{claim.id}" tabindex="0" '
        'aria-label="Evidence: low · asserted"><span class="badge-label">low · asserted</span>'
        '<span class="badge-tip" role="tooltip"><span class="tip-level">Evidence: low · asserted'
        '</span><span class="cite">'
        '<a href="../sources/fredholm-1999.html">Actions of caffeine in the brain</a> '
        '<span class="cite-meta">(narrative review, low; sentence)</span></span></span></span>'
    )
    assert badge_html(ctx, claim, "notes/drugs/caffeine.html") == expected
    assert (
        'receptor.<sup class="footnote-ref"><a href="#fn1" id="fnref1:1">[1:1]</a></sup>'
        + expected
        + " It may raise alertness."
    ) in caffeine


def test_unsupported_badge_says_so(site: tuple[SiteContext, NoteRenderer]) -> None:
    ctx, renderer = site
    claim = _claim(ctx, "Adenosine binds the A2A receptor.")
    html = renderer.render("Targets/A2A receptor.md").html
    assert (
        f'<span class="badge lvl-unsupported cert-asserted" id="claim-{claim.id}" tabindex="0" '
        'aria-label="Evidence: unsupported · asserted"><span class="badge-label">'
        'unsupported · asserted</span><span class="badge-tip" role="tooltip">'
        '<span class="tip-level">Evidence: unsupported · asserted</span>'
        '<span class="cite-none">No citation at any scope.</span></span></span>'
    ) in html


def test_every_claim_of_the_example_vault_gets_a_badge() -> None:
    root = Path(__file__).parent.parent / "vault"
    ctx = SiteContext.of(vaultkg.load(str(root)))
    renderer = NoteRenderer(ctx)
    missing = []
    for path in sorted(ctx.published):
        placed = renderer.render(path).placed
        missing += [
            (c.note, c.line, c.text)
            for c in ctx.claims_by_note.get(path, [])
            if c.id not in placed and c.kind != "title"
        ]
    assert missing == []
    assert len(ctx.claims) == len(ctx.kg.claims)  # the example vault publishes every note
