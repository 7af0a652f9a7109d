"""The site's reading features: code, math, diagrams, tasks, callouts, contents, feeds, colours."""

from __future__ import annotations

import itertools
import re
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from test_site_support import make_vault

import vaultkg
from vaultkg.export.site import write_site
from vaultkg.export.site.callouts import KINDS, callout_kind
from vaultkg.export.site.codeblocks import highlight_css
from vaultkg.export.site.context import SiteContext
from vaultkg.export.site.render import NoteRenderer

READING = """---
type: concept
modified: 2024-03-05
---
# Reading

## First

Occupancy is $\\theta$ here, and in display:

$$K_d = \\frac{k_{off}}{k_{on}}$$

```python
x = 1  # one
```

```mermaid
graph LR
  A --> B
```

```nosuchlanguage
plain <b>text</b>
```

## Second

- [ ] open task
- [x] done task
- plain item

> [!faq] Why
> Because.

> [!tldr]- Folded
> Short.

### Third

Text with $5 and $6 stays text.
"""

LATE_TITLE = "Some text first.\n\n# Late title\n\nMore.\n"

OLDER = "---\ntype: concept\nupdated: 2023-01-02T10:00:00\n---\nAn older note about a receptor.\n"


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_vault(
        tmp_path_factory.mktemp("vault"),
        {"Notes/Reading.md": READING, "Older.md": OLDER, "Late title.md": LATE_TITLE},
    )


@pytest.fixture(scope="module")
def reading(vault: Path) -> str:
    ctx = SiteContext.of(vaultkg.load(str(vault)))
    return NoteRenderer(ctx).render("Notes/Reading.md").html


@pytest.fixture(scope="module")
def site(vault: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    write_site(vaultkg.load(str(vault)), out, title="site")
    return out


def test_code_is_highlighted_at_build_time(reading: str) -> None:
    assert (
        '<pre class="highlight"><code class="language-python"><span class="n">x</span> '
        '<span class="o">=</span> <span class="mi">1</span>  <span class="c1"># one</span>\n'
        "</code></pre>"
    ) in reading


def test_unknown_language_stays_plain_and_escaped(reading: str) -> None:
    assert (
        '<pre><code class="language-nosuchlanguage">plain &lt;b&gt;text&lt;/b&gt;\n</code></pre>'
        in reading
    )


def test_math_is_marked_for_katex(reading: str) -> None:
    assert '<span class="math math-inline">\\theta</span>' in reading
    assert '<div class="math math-display">K_d = \\frac{k_{off}}{k_{on}}</div>' in reading
    assert "Text with $5 and $6 stays text." in reading  # prices are not math


def test_mermaid_fence_is_left_for_mermaid(reading: str) -> None:
    assert '<pre class="mermaid">graph LR\n  A --&gt; B\n</pre>' in reading


def test_task_items_are_disabled_checkboxes(reading: str) -> None:
    assert (
        '<ul class="contains-task-list">\n'
        '<li class="task-list-item"><input class="task-list-item-checkbox" disabled="disabled" '
        'type="checkbox"> open task</li>\n'
        '<li class="task-list-item"><input class="task-list-item-checkbox" checked="checked" '
        'disabled="disabled" type="checkbox"> done task</li>\n'
        "<li>plain item</li>\n</ul>"
    ) in reading


def test_callout_aliases_take_their_kind_and_icon(reading: str) -> None:
    icon = '<span class="callout-icon" aria-hidden="true"></span>'
    assert (
        f'<div class="callout callout-faq kind-question"><div class="callout-title">{icon}Why'
        in reading
    )
    assert (
        '<details class="callout callout-tldr kind-abstract"><summary class="callout-title">'
        f"{icon}Folded</summary>"
    ) in reading


def test_every_obsidian_alias_has_a_kind_with_an_icon() -> None:
    aliases = {
        "note": "note",
        "summary": "abstract",
        "tldr": "abstract",
        "hint": "tip",
        "important": "tip",
        "check": "success",
        "done": "success",
        "help": "question",
        "faq": "question",
        "caution": "warning",
        "attention": "warning",
        "fail": "failure",
        "missing": "failure",
        "error": "danger",
        "cite": "quote",
        "Bug": "bug",
        "claim": "note",  # vaultkg's own, and any unknown type, look like a note
    }
    assert {a: callout_kind(a) for a in aliases} == aliases
    css = (resources.files("vaultkg") / "static" / "site.css").read_text("utf-8")
    for kind in KINDS:
        if kind != "note":  # the note icon is every callout's default
            assert f".kind-{kind} {{ --icon: url(" in css


def test_note_page_has_title_above_meta_breadcrumbs_and_contents(site: Path) -> None:
    html = (site / "notes/notes/reading.html").read_text("utf-8")
    article = html[html.index('<article class="note">') :]
    assert article.index('<h1 class="note-title" id="reading">') < article.index("note-meta")
    assert article.count("<h1") == 1  # the note's own '# Reading' is the page title
    crumbs = article[article.index("<ol>") : article.index("</ol>")]
    assert re.sub(r"\s+", "", crumbs) == (
        '<ol><li><ahref="../../index.html">site</a></li>'
        '<li><ahref="../../folders/notes/index.html">Notes</a></li>'
        '<liaria-current="page">Reading</li>'
    )
    assert (site / "folders/notes/index.html").is_file()  # each folder links to its page
    assert (
        '<ol><li class="toc-0"><a href="#first">First</a></li>'
        '<li class="toc-0"><a href="#second">Second</a></li>'
        '<li class="toc-1"><a href="#third">Third</a></li></ol>'
    ) in article


def test_a_title_heading_after_text_stays_in_the_body(site: Path) -> None:
    html = (site / "notes/late-title.html").read_text("utf-8")
    assert '<h1 class="note-title">Late title</h1>' in html
    assert '<p>Some text first.</p>\n<h1 id="late-title">Late title</h1>' in html
    assert html.count('id="late-title"') == 1


def test_libraries_load_only_where_used(site: Path) -> None:
    reading = (site / "notes/notes/reading.html").read_text("utf-8")
    assert '<link rel="stylesheet" href="../../static/vendor/katex/katex.min.css">' in reading
    assert '<script src="../../static/vendor/katex/katex.min.js"></script>' in reading
    assert '<script src="../../static/vendor/mermaid.min.js"></script>' in reading
    caffeine = (site / "notes/drugs/caffeine.html").read_text("utf-8")
    assert "katex" not in caffeine and "mermaid" not in caffeine
    assert '<nav class="toc"' not in caffeine  # fewer than 3 headings
    for name in ("katex/katex.min.js", "katex/LICENSE", "mermaid.min.js", "mermaid.LICENSE"):
        assert (site / "static/vendor" / name).is_file()
    assert (site / "static/vendor/katex/fonts/KaTeX_Main-Regular.woff2").is_file()


def test_rss_lists_published_notes_newest_first(site: Path, vault: Path) -> None:
    feed = (site / "feed.xml").read_text("utf-8")
    channel = ET.fromstring(feed).find("channel")
    assert channel is not None
    items = [
        (i.findtext("title"), i.findtext("link"), i.findtext("pubDate"))
        for i in channel.findall("item")
    ]
    # files have today's mtime; front matter dates are older
    assert [t for t, _, _ in items][-2:] == ["Reading", "Older"]
    assert items[-2] == ("Reading", "notes/notes/reading.html", "Tue, 05 Mar 2024 00:00:00 +0000")
    assert items[-1] == ("Older", "notes/older.html", "Mon, 02 Jan 2023 10:00:00 +0000")
    titles = {t for t, _, _ in items}
    assert titles == {
        "Caffeine",
        "A2A receptor",
        "Fredholm 1999",
        "Reading",
        "Older",
        "Late title",
    }
    assert "Secret" not in feed and "Hidden" not in feed and "Draft" not in feed
    assert channel.findtext("title") == "site"
    # deterministic: the same vault gives the same feed
    again = site.parent / "again"
    write_site(vaultkg.load(str(vault)), again, title="site")
    assert (again / "feed.xml").read_text("utf-8") == feed


def test_sitemap_lists_every_page_with_note_dates(site: Path) -> None:
    root = ET.fromstring((site / "sitemap.xml").read_text("utf-8"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in root
    }
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert set(urls) == pages
    assert urls["notes/notes/reading.html"] == "2024-03-05"
    assert urls["index.html"] is None


def test_feed_links_are_absolute_under_base_iri(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "vault")
    (root / "vaultkg.toml").write_text(
        'base_iri = "https://notes.example.net/pharm"\n[types]\n"Sources" = "source"\n', "utf-8"
    )
    write_site(vaultkg.load(str(root)), tmp_path / "site")
    feed = (tmp_path / "site/feed.xml").read_text("utf-8")
    assert "<link>https://notes.example.net/pharm/notes/drugs/caffeine.html</link>" in feed
    assert '<guid isPermaLink="true">https://notes.example.net/pharm/notes/' in feed
    sitemap = (tmp_path / "site/sitemap.xml").read_text("utf-8")
    assert "<loc>https://notes.example.net/pharm/index.html</loc>" in sitemap


def test_highlight_css_is_generated_from_pygments() -> None:
    css = (resources.files("vaultkg") / "static" / "highlight.css").read_text("utf-8")
    assert css == highlight_css()
    assert ".highlight .k { color: light-dark(#008000, #ff7b72); font-weight: bold }" in css


# ---- colours: WCAG AA on light and dark pages ---------------------------------------------

_PAIR = re.compile(r"(--[\w-]+):\s*light-dark\((#[0-9a-fA-F]{6}),\s*(#[0-9a-fA-F]{6})\)")


def _colours() -> dict[str, tuple[str, str]]:
    css = (resources.files("vaultkg") / "static" / "site.css").read_text("utf-8")
    block = css[css.index(":root {") : css.index("}", css.index(":root {"))]
    return {name: (light, dark) for name, light, dark in _PAIR.findall(block)}


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula() -> None:
    assert round(contrast("#000000", "#ffffff"), 2) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48


TEXT_COLOURS = [
    "--fg", "--muted", "--link", "--high", "--moderate", "--low", "--very-low", "--unsupported",
    "--pos", "--neg", "--zero", "--broken", "--type-drug", "--type-drug-class", "--type-receptor",
    "--type-transporter", "--type-channel", "--type-enzyme", "--type-neurotransmitter",
    "--type-mechanism", "--type-claim", "--type-source", "--type-concept",
]  # fmt: skip


@pytest.mark.parametrize("name", TEXT_COLOURS)
def test_text_colours_meet_wcag_aa_on_light_and_dark(name: str) -> None:
    colours = _colours()
    for side, theme in enumerate(("light", "dark")):
        for background in ("--bg", "--panel"):
            ratio = contrast(colours[name][side], colours[background][side])
            assert ratio >= 4.5, f"{name} on {background} ({theme}): {ratio:.2f}"


def test_entity_types_have_distinct_colours() -> None:
    colours = _colours()
    types = [n for n in colours if n.startswith("--type-")]
    assert len(types) == 11

    def distance(a: str, b: str) -> float:
        return sum((int(a[i : i + 2], 16) - int(b[i : i + 2], 16)) ** 2 for i in (1, 3, 5)) ** 0.5

    for side in (0, 1):
        for a, b in itertools.combinations(types, 2):
            assert colours[a][side] != colours[b][side], (a, b)
        # the issue: claim and drug shared nearly the same orange
        assert distance(colours["--type-drug"][side], colours["--type-claim"][side]) > 80
