"""Publishing rules, sanitising raw HTML, and where the site may be written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_site_support import make_vault
from typer.testing import CliRunner

import vaultkg
from vaultkg.cli import app
from vaultkg.export.site import SiteError, write_site
from vaultkg.export.site.output import MARKER
from vaultkg.export.site.pages import Pages

XSS_NOTE = """---
type: drug
---
# XSS

<script>alert(1)</script>

<img src=x onerror="alert(2)">

<a href="javascript:alert(3)">click</a>

<a href="JaVaScRiPt:alert(4)">click</a>

<svg onload="alert(5)"><circle r="1"/></svg>

<iframe src="javascript:alert(6)"></iframe>

<div onclick="alert(7)" style="background:url(javascript:alert(8))">box</div>

[link](javascript:alert(9))

![img](javascript:alert(10))

<details open ontoggle="alert(11)"><summary>s</summary></details>

<form action="javascript:alert(12)"><input type="submit" onfocus="alert(13)" autofocus></form>

<object data="javascript:alert(14)"></object><embed src="javascript:alert(15)">

<math><mtext><table><mglyph><style><img src=x onerror=alert(16)></style>
</mglyph></table></mtext></math>

<a href="&#106;avascript:alert(17)">entity</a>

<a href="data:text/html,<script>alert(18)</script>">data</a>

<base href="javascript:alert(19)//">

<meta http-equiv="refresh" content="0;url=javascript:alert(20)">

Text with <b onmouseover="alert(21)">bold</b> and [[Caffeine|<script>alert(22)</script>]].

> [!note] <img src=x onerror=alert(23)>
> body
"""


def _site(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    root = make_vault(tmp_path / "vault", extra)
    out = tmp_path / "site"
    write_site(vaultkg.load(str(root)), out)
    return out


def test_xss_note_has_nothing_that_runs(tmp_path: Path) -> None:
    out = _site(tmp_path, {"Drugs/XSS.md": XSS_NOTE})
    html = (out / "notes/drugs/xss.html").read_text("utf-8")
    body = html[html.index('<div class="note-body">') : html.index("</article>")]
    assert "<script" not in body.lower()
    # no javascript: or data: URL inside any tag (as text, markdown-it leaves them inert)
    assert re.search(r"<[^>]*(javascript|data):", body, re.IGNORECASE) is None
    assert "[link](javascript:alert(9))" in body
    assert re.search(r"<[^>]+\son\w+\s*=", body, re.IGNORECASE) is None
    for tag in ("<iframe", "<svg", "<object", "<embed", "<form", "<style", "<base", "<meta"):
        assert tag not in body.lower()
    assert "<b>bold</b>" in body  # formatting survives
    assert "&lt;script&gt;alert(22)&lt;/script&gt;" in body  # a link alias is text
    # the only scripts on the page are the site's own
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts == [
        "<script>",  # the theme and evidence choices, restored before the page paints
        '<script type="application/ld+json">',
        '<script type="application/json" id="local-graph-data">',
        '<script src="../../static/graph.js">',
        '<script src="../../static/reader.js">',
    ]
    inline = html[html.index("<script>") : html.index("</script>")]
    assert inline.startswith("<script>try{var s=localStorage,d=document.documentElement;")


def test_excluded_notes_get_no_page_and_no_trace(tmp_path: Path) -> None:
    out = _site(tmp_path)
    pages = sorted(p.relative_to(out).as_posix() for p in (out / "notes").rglob("*.html"))
    assert pages == [
        "notes/drugs/caffeine.html",
        "notes/sources/fredholm-1999.html",
        "notes/targets/a2a-receptor.html",
    ]
    everything = "\n".join(
        p.read_text("utf-8") for p in out.rglob("*") if p.suffix in (".html", ".js")
    )
    assert "Secret stuff" not in everything
    assert "Not ready" not in everything
    assert "secret.html" not in everything and "draft-note.html" not in everything
    caffeine = (out / "notes/drugs/caffeine.html").read_text("utf-8")
    # backlinks only from published notes
    backlinks = caffeine[caffeine.index('id="backlinks-h"') :]
    assert "A2A receptor" in backlinks and "Secret" not in backlinks


def test_refuses_the_vault_itself_and_folders_with_notes(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "vault")
    kg = vaultkg.load(str(root))
    with pytest.raises(SiteError, match="this is the vault itself"):
        write_site(kg, root)
    with pytest.raises(SiteError, match="inside the vault"):
        write_site(kg, root / "site")
    with pytest.raises(SiteError, match="holds the vault"):
        write_site(kg, tmp_path)
    notes = tmp_path / "other"
    notes.mkdir()
    (notes / "keep.md").write_text("mine", "utf-8")
    with pytest.raises(SiteError, match=r"holds Markdown notes \(keep.md\)"):
        write_site(kg, notes)
    assert (notes / "keep.md").read_text("utf-8") == "mine"
    stranger = tmp_path / "stranger"
    stranger.mkdir()
    (stranger / "photo.jpg").write_bytes(b"x")
    with pytest.raises(SiteError, match="not a site written by vaultkg"):
        write_site(kg, stranger)
    assert sorted(p.name for p in stranger.iterdir()) == ["photo.jpg"]


def test_cli_refusal_exits_2_and_names_the_folder(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "vault")
    result = CliRunner().invoke(app, ["export", "html", str(root), "-o", str(root)])
    assert result.exit_code == 2
    assert f"{root}: this is the vault itself; choose an output folder outside it" in (
        result.stderr if hasattr(result, "stderr") else result.output
    )


def test_cli_writes_the_site(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "vault")
    out = tmp_path / "site"
    result = CliRunner().invoke(app, ["export", "html", str(root), "-o", str(out)])
    assert result.exit_code == 0, result.output
    # 11 pages, the 4 folder pages (vault root, Drugs, Sources, Targets) and #health, the
    # parent of the nested tag #health/sleep (issue 14)
    assert re.fullmatch(
        rf"wrote 16 pages \(3 notes, 3 left out\) to {re.escape(str(out))} in \d+\.\ds; "
        rf"open {re.escape(str(out / 'index.html'))}\n",
        result.stdout,
    )
    assert (out / MARKER).is_file()


def test_replaces_the_previous_site_atomically(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "vault")
    out = tmp_path / "site"
    kg = vaultkg.load(str(root))
    write_site(kg, out)
    (out / "stale.html").write_text("old", "utf-8")
    write_site(kg, out)
    assert not (out / "stale.html").exists()  # a new export replaces the whole folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "vault"]


def test_failed_export_leaves_the_previous_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_vault(tmp_path / "vault")
    out = tmp_path / "site"
    kg = vaultkg.load(str(root))
    write_site(kg, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def boom(self: Pages, broken: int) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Pages, "index", boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_site(kg, out, title="Another title")  # a change: an unchanged site is kept
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "vault"]  # no leftovers


def test_attachments_outside_the_vault_are_not_copied(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"private")
    root = make_vault(tmp_path / "vault", {"Notes/Leak.md": "![[leak.png]]\n"})
    (root / "att" / "leak.png").symlink_to(secret)
    out = tmp_path / "site"
    kg = vaultkg.load(str(root))
    # the scan never follows a link out of the vault, so there is nothing to skip
    assert [(d.path, d.code) for d in kg.vault.diagnostics if d.path.startswith("att")] == [
        ("att/leak.png", "outside-vault")
    ]
    report = write_site(kg, out)
    assert report.skipped_files == []
    assert not (out / "files/att/leak.png").exists()


READING_XSS = """---
type: concept
---
```
<script>alert(31)</script>
```

```html
<script>alert(38)</script>
```

```mermaid
graph LR
  A["<img src=x onerror=alert(32)>"] --> B
```

Math $</span><script>alert(33)</script>$ and

$$\\href{javascript:alert(34)}{x}</div><img src=x onerror=alert(35)>$$

- [ ] <input type="text" onfocus="alert(36)" autofocus> task
<input type="checkbox" onclick="alert(37)" checked>
"""


def test_code_math_diagrams_and_tasks_cannot_run_anything(tmp_path: Path) -> None:
    out = _site(tmp_path, {"Notes/Reading XSS.md": READING_XSS})
    html = (out / "notes/notes/reading-xss.html").read_text("utf-8")
    body = html[html.index('<div class="note-body">') : html.index("</article>")]
    assert "<script" not in body.lower()
    assert re.search(r"<[^>]+\son\w+\s*=", body, re.IGNORECASE) is None
    assert "<img" not in body
    assert "&lt;script&gt;alert(31)&lt;/script&gt;" in body  # code is text
    highlighted = '<span class="nt">script</span><span class="p">&gt;</span><span class="nx">alert'
    assert highlighted in body
    assert 'A["&lt;img src=x onerror=alert(32)&gt;"]' in body  # the diagram source is text
    assert '<span class="math math-inline">&lt;/span&gt;&lt;script&gt;alert(33)' in body
    assert "\\href{javascript:alert(34)}{x}&lt;/div&gt;&lt;img" in body  # KaTeX gets it as TeX
    # the only inputs are disabled checkboxes
    inputs = re.findall(r"<input[^>]*>", body)
    assert inputs == [
        '<input class="task-list-item-checkbox" disabled="disabled" type="checkbox">',
        "<input>",
        '<input type="checkbox" checked="">',
    ]
