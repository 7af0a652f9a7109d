"""The site at scale (issue 14): graph layout and data, paged listings, folder and tag pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import vaultkg
from vaultkg.export.site import pages as pages_module
from vaultkg.export.site import write_site
from vaultkg.export.site.graphdata import LocalGraphs, default_shown
from vaultkg.export.site.layout import CORE_SIZE, layout, rank_nodes
from vaultkg.export.site.listings import Folders, TagTree, chunks, page_path

VAULT = Path(__file__).parent.parent / "vault"


def _graph(site: Path) -> dict:
    text = (site / "graph-data.js").read_text("utf-8")
    return json.loads(text[len("window.VAULTKG_GRAPH = ") :].rstrip().rstrip(";"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scale") / "site"
    write_site(vaultkg.load(str(VAULT)), out)
    return out


# -- layout ------------------------------------------------------------------------------


def test_rank_puts_the_chosen_first_then_by_degree() -> None:
    edges = [(0, 1), (1, 2), (1, 3), (3, 4)]
    assert rank_nodes(5, edges, first={4}) == [4, 1, 3, 0, 2]


def test_layout_is_deterministic_and_places_every_node() -> None:
    # a star of 3 hubs with 200 leaves each, plus 5 nodes with no path to the rest
    edges = [(h, 3 + h * 200 + i) for h in range(3) for i in range(200)] + [(0, 1), (1, 2)]
    count = 3 + 600 + 5
    order = rank_nodes(count, edges, first=set())
    first = layout(order, edges)
    assert first == layout(order, edges)
    assert sorted(first) == list(range(count))
    assert len(set(first.values())) == count  # no two nodes on the same spot
    # the unconnected nodes go outside everything else
    inner = max(abs(x) + abs(y) for n, (x, y) in first.items() if n < 603)
    outer = min((first[n][0] ** 2 + first[n][1] ** 2) ** 0.5 for n in range(603, 608))
    assert outer > max((x * x + y * y) ** 0.5 for n, (x, y) in first.items() if n < 603)
    assert inner > 0
    assert count > CORE_SIZE  # the leaves beyond the core were placed by their neighbours


def test_default_shown() -> None:
    assert default_shown(84, 40) == 84  # a small vault: everything
    assert default_shown(10_000, 900) == 900  # the knowledge graph when it fits
    assert default_shown(10_000, 8_000) == 1500  # else the most linked notes
    assert default_shown(10_000, 0) == 1500


def test_graph_data_of_the_example_vault(site: Path) -> None:
    data = _graph(site)
    nodes = data["nodes"]
    assert data["shown"] == len(nodes) == 84
    assert [n["id"] for n in nodes] == list(range(84))
    kg = [
        n["type"] in {"drug", "receptor", "transporter", "neurotransmitter", "mechanism"}
        for n in nodes
    ]
    assert kg == sorted(kg, reverse=True)  # the knowledge graph's nodes come first
    caffeine = next(n for n in nodes if n["label"] == "Caffeine")
    assert caffeine["type"] == "drug"
    assert caffeine["level"] == "low"
    assert isinstance(caffeine["x"], float) and isinstance(caffeine["y"], float)
    a2a = next(n["id"] for n in nodes if n["label"] == "Adenosine A2A receptor")
    edge = next(e for e in data["edges"] if e["s"] == caffeine["id"] and e["t"] == a2a)
    assert edge == {
        "s": caffeine["id"],
        "t": a2a,
        "k": "relation",
        "label": "agonist, antagonist",
        "level": "low",
    }


def test_local_graph_keeps_forty_neighbours_relations_first() -> None:
    nodes = [
        {"id": i, "label": f"n{i}", "type": "concept", "url": f"n{i}.html"} for i in range(101)
    ]
    edges = [{"s": 0, "t": i, "k": "link"} for i in range(1, 100)]
    edges.append({"s": 0, "t": 100, "k": "relation", "label": "agonist", "level": "low"})
    local = LocalGraphs({"nodes": nodes, "edges": edges}).of(0)
    ids = [n["id"] for n in local["nodes"]]
    assert ids[0] == 0 and local["nodes"][0]["x"] == 0.0
    assert len(ids) == 41 and 100 in ids and set(ids) - {0, 100} == set(range(1, 40))
    assert local["more"] == 60
    assert len(local["edges"]) == 40


def test_note_pages_load_no_graph_library(site: Path) -> None:
    html = (site / "notes/drugs/caffeine.html").read_text("utf-8")
    # the reader's chrome (palette, previews, switches) and the 22 KB canvas drawer only
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert sorted(scripts) == ["../../static/graph.js", "../../static/reader.js"]
    assert not (site / "static/vendor/cytoscape.min.js").exists()
    assert (site / "static/graph.js").stat().st_size < 25_000


# -- paging ------------------------------------------------------------------------------


def test_chunks_and_page_paths() -> None:
    assert chunks([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert chunks([], 2) == [[]]
    assert page_path("claims.html", 1) == "claims.html"
    assert page_path("claims.html", 3) == "claims.p3.html"
    assert page_path("folders/notes/index.html", 2) == "folders/notes/index.p2.html"


def test_claims_are_paged_and_every_claim_is_in_the_filter_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages_module, "CLAIMS_PER_PAGE", 100)
    kg = vaultkg.load(str(VAULT))
    out = tmp_path / "site"
    write_site(kg, out)
    names = ["claims.html"] + [f"claims.p{n}.html" for n in range(2, 7)]
    assert sorted(p.name for p in out.glob("claims*.html")) == sorted(names)
    texts = []
    for i, name in enumerate(names, 1):
        html = (out / name).read_text("utf-8")
        items = re.findall(r'<li class="claim" data-level', html)
        assert len(items) == (100 if i < 6 else 2)
        assert f'<ol class="claims-list" id="claims-list" start="{(i - 1) * 100 + 1}">' in html
        assert '<span aria-current="page">' + str(i) + "</span>" in html
        texts.extend(re.findall(r'<a class="claim-text" href="[^"]+">(.*?)</a>', html, re.S))
    assert len(texts) == 502
    data_js = (out / "claims-data.js").read_text("utf-8")
    data = json.loads(data_js[len("window.VAULTKG_CLAIMS = ") :].rstrip().rstrip(";"))
    assert len(data["claims"]) == 502
    note = data["notes"][data["claims"][0][3]]
    assert (out / note[2]).is_file()
    assert (
        data["claims"][0][1] == "unsupported" and data["claims"][-1][1] == "moderate"
    )  # the example vault has no high


def test_folder_pages_and_breadcrumbs(site: Path) -> None:
    root = (site / "folders/index.html").read_text("utf-8")
    assert '<a href="drugs/index.html">Drugs</a> <span class="count">15</span>' in root
    drugs = (site / "folders/drugs/index.html").read_text("utf-8")
    assert (
        '<nav class="crumbs" aria-label="Folder path"><a href="../../index.html">Index</a>' in drugs
    )
    assert '› <a href="../index.html">Vault root</a></nav>' in drugs
    assert drugs.count('<li><span class="type-pill') == 15
    assert '<a href="../../notes/drugs/caffeine.html">Caffeine</a>' in drugs
    index = (site / "index.html").read_text("utf-8")
    assert '<a href="folders/index.html">Browse by folder</a>' in index


def test_folder_pages_split_into_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages_module, "NOTES_PER_PAGE", 6)
    monkeypatch.setattr(pages_module, "INDEX_PER_FOLDER", 4)
    out = tmp_path / "site"
    write_site(vaultkg.load(str(VAULT)), out)
    pages = sorted(p.name for p in (out / "folders/drugs").glob("*.html"))
    assert pages == ["index.html", "index.p2.html", "index.p3.html"]  # 15 drugs, 6 a page
    last = (out / "folders/drugs/index.p3.html").read_text("utf-8")
    assert last.count('<li><span class="type-pill') == 3
    assert '<a rel="prev" href="index.p2.html">' in last
    index = (out / "index.html").read_text("utf-8")
    assert '<a href="folders/drugs/index.html">All 15 notes in Drugs ›</a>' in index


def test_nested_tags_get_parent_pages() -> None:
    names = {"pharm/receptors/gpcr": "pharm/receptors/GPCR", "pharm": "pharm", "exam": "exam"}
    members = {"pharm/receptors/gpcr": {"a.md", "b.md"}, "pharm": {"c.md"}, "exam": {"a.md"}}
    pages = {
        "pharm/receptors/gpcr": "tags/pharm/receptors/gpcr.html",
        "pharm": "tags/pharm.html",
        "exam": "tags/exam.html",
    }
    tree = TagTree.of(names, members, pages)
    assert tree.pages["pharm/receptors"] == "tags/pharm/receptors.html"
    assert tree.names["pharm/receptors"] == "pharm/receptors"
    assert tree.members["pharm/receptors"] == set()
    assert tree.children == {
        "pharm": ["pharm/receptors"],
        "pharm/receptors": ["pharm/receptors/gpcr"],
    }
    assert tree.all_members("pharm") == {"a.md", "b.md", "c.md"}


def test_nested_tag_pages_in_the_site(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    (vault / "Notes").mkdir(parents=True)
    (vault / "Notes" / "One.md").write_text("# One\n\nAbout #study/pharm/opioids here.\n")
    (vault / "Notes" / "Two.md").write_text(
        "# Two\n\nAlso #study/pharm and #study/pharm/opioids.\n"
    )
    out = tmp_path / "site"
    write_site(vaultkg.load(str(vault)), out)
    study = (out / "tags/study.html").read_text("utf-8")
    assert (
        '<a class="tag" href="study/pharm.html">#study/pharm</a> <span class="count">2</span>'
        in study
    )
    assert "notes tagged" not in study  # no note has #study itself
    pharm = (out / "tags/study/pharm.html").read_text("utf-8")
    assert '<a href="../../tags.html">Tags</a> › <a href="../study.html">#study</a></nav>' in pharm
    assert "1 note tagged #study/pharm itself." in pharm
    assert '<a href="../../notes/notes/two.html">Two</a>' in pharm
    tags = (out / "tags.html").read_text("utf-8")
    assert re.findall(r'<li class="depth-(\d)"><a class="tag" href="[^"]+">#([^<]+)</a>', tags) == [
        ("0", "study"),
        ("1", "study/pharm"),
        ("2", "study/pharm/opioids"),
    ]


def test_folders_of() -> None:
    tree = Folders.of(["A/B/x.md", "A/y.md", "z.md"], taken=set())
    assert tree.pages == {
        "": "folders/index.html",
        "A": "folders/a/index.html",
        "A/B": "folders/a/b/index.html",
    }
    assert tree.children == {"": ["A"], "A": ["A/B"]}
    assert tree.total == {"": 3, "A": 2, "A/B": 1}


def test_private_notes_leave_no_folder_or_tag_page(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    (vault / "Private" / "Deep").mkdir(parents=True)
    (vault / "Public").mkdir()
    (vault / "Private" / "Deep" / "Diary.md").write_text(
        "---\npublish: false\n---\n# Diary\n\nToday #zqxsecret/inner and #shared.\n"
    )
    (vault / "Public" / "Open.md").write_text("# Open\n\nA note about #shared things.\n")
    out = tmp_path / "site"
    write_site(vaultkg.load(str(vault)), out)
    folder_pages = sorted(p.relative_to(out).as_posix() for p in (out / "folders").rglob("*"))
    assert folder_pages == ["folders/index.html", "folders/public", "folders/public/index.html"]
    tag_pages = sorted(p.relative_to(out).as_posix() for p in (out / "tags").rglob("*"))
    assert tag_pages == ["tags/shared.html"]
    everything = "\n".join(
        p.read_text("utf-8") for p in out.rglob("*") if p.suffix in (".html", ".js")
    )
    assert "Private" not in everything and "zqxsecret" not in everything
    assert "Diary" not in everything


def test_tags_list_splits_into_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages_module, "TAGS_PER_PAGE", 2)
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "One.md").write_text("# One\n\n#alpha #beta/gamma #delta\n")
    out = tmp_path / "site"
    write_site(vaultkg.load(str(vault)), out)
    assert sorted(p.name for p in out.glob("tags*.html")) == ["tags.html", "tags.p2.html"]
    first = (out / "tags.html").read_text("utf-8")
    second = (out / "tags.p2.html").read_text("utf-8")
    found = re.findall(r'<a class="tag" href="([^"]+)">#([^<]+)</a>', first + second)
    assert found == [
        ("tags/alpha.html", "alpha"),
        ("tags/beta.html", "beta"),
        ("tags/beta/gamma.html", "beta/gamma"),
        ("tags/delta.html", "delta"),
    ]
    assert '<a rel="next" href="tags.p2.html">Next ›</a>' in first
