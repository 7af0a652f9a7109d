"""A link checker over the site of the example vault: every internal link resolves."""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from vaultkg.export.site import write_site
from vaultkg.kg.graph import KnowledgeGraph

VAULT = Path(__file__).parent.parent / "vault"


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif (name == "href" and tag in ("a", "link")) or (
                name == "src" and tag in ("img", "script")
            ):
                self.refs.append(value)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, example_kg: KnowledgeGraph) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    write_site(example_kg, out)
    return out


def _parse(path: Path) -> _Collect:
    c = _Collect()
    c.feed(path.read_text("utf-8"))
    return c


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    pages = {p.relative_to(site).as_posix(): _parse(p) for p in site.rglob("*.html")}
    assert len(pages) > 100
    broken: list[str] = []
    checked = 0
    for page, parsed in pages.items():
        for ref in parsed.refs:
            url = urlsplit(ref)
            if url.scheme or url.netloc:
                assert url.scheme in ("http", "https", "mailto"), (page, ref)
                continue
            target = (
                posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(url.path)))
                if url.path
                else page
            )
            checked += 1
            if target.startswith("../") or not (site / target).is_file():
                broken.append(f"{page}: {ref}")
                continue
            has_id = not url.fragment or url.fragment in pages[target].ids
            if target.endswith(".html") and not has_id:
                broken.append(f"{page}: {ref} (no id {url.fragment})")
    assert broken == []
    assert checked > 2000


def test_data_scripts_assign_globals(site: Path) -> None:
    graph = (site / "graph-data.js").read_text("utf-8")
    assert graph.startswith("window.VAULTKG_GRAPH = {")
    data = json.loads(graph[len("window.VAULTKG_GRAPH = ") :].rstrip().rstrip(";"))
    assert len(data["nodes"]) == 84
    urls = {n["url"] for n in data["nodes"]}
    assert all((site / u).is_file() for u in urls)
    search = (site / "search-index.js").read_text("utf-8")
    entries = json.loads(search[len("window.VAULTKG_SEARCH = ") :].rstrip().rstrip(";"))
    caffeine = next(e for e in entries if e["t"] == "Caffeine")
    assert caffeine["u"] == "notes/drugs/caffeine.html"
    assert caffeine["a"] == ["1,3,7-trimethylxanthine"]
    assert caffeine["y"] == "drug"


def test_drug_page_has_relations_mechanisms_and_json_ld(site: Path) -> None:
    html = (site / "notes/drugs/caffeine.html").read_text("utf-8")
    assert '<tr id="rel-antagonist-adenosine-a2a-receptor">' in html
    assert '<span class="action dir-neg">antagonist</span>' in html
    assert '<h2 id="mechanisms-h">Mechanisms of adaptation</h2>' in html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert ld is not None
    doc = json.loads(ld.group(1))
    assert doc["@context"]["vkg"] == "https://w3id.org/vaultkg/ns#"
    base = "https://example.org/vaultkg/example/"
    note, entity = doc["@graph"][0], doc["@graph"][1]
    assert note["@id"] == base + "note/Drugs/Caffeine"
    assert note["schema:mainEntity"] == {"@id": base + "entity/Drugs/Caffeine"}
    assert entity["@type"] == "vkg:Drug"
    assert {"@id": base + "entity/Targets/Adenosine%20A2A%20receptor"} in entity["vkg:antagonistOf"]
    claims = [g for g in doc["@graph"] if "mp:Claim" in g.get("@type", [])]
    assert len(claims) == len(re.findall(r'id="claim-', html))


def test_matrix_cell_links_to_the_relation_row(site: Path) -> None:
    html = (site / "matrix.html").read_text("utf-8")
    assert (
        '<a class="cell-rel dir-neg" href="notes/drugs/caffeine.html'
        '#rel-antagonist-adenosine-a2a-receptor"'
    ) in html


def test_claims_page_lists_unsupported_first(site: Path, example_kg: KnowledgeGraph) -> None:
    # 200 claims to a page (issue 14): the example vault's 502 fill three pages
    pages = ("claims.html", "claims.p2.html", "claims.p3.html")
    html = "".join((site / p).read_text("utf-8") for p in pages)
    levels = re.findall(r'<li class="claim" data-level="([a-z-]+)"', html)
    assert len(levels) == len(example_kg.claims) == 502
    order = ["unsupported", "very-low", "low", "moderate", "high"]
    assert levels == sorted(levels, key=order.index)
    assert levels[0] == "unsupported"


def test_claim_notes_are_typed_claim(site: Path) -> None:
    html = (site / "index.html").read_text("utf-8")
    assert (
        '<li><span class="type-pill type-claim">claim</span> <a href="notes/claims/'
        'chronic-antipsychotic-treatment-raises-d2-receptor-density.html">'
        "Chronic antipsychotic treatment raises D2 receptor density</a></li>"
    ) in html
