"""One implementation of heading anchors (issue 12 item 1): a link ``check`` accepts is a link
the site can follow, to the heading it names."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import MakeVault
from typer.testing import CliRunner

from vaultkg.cli import app
from vaultkg.model import Heading
from vaultkg.parse.headings import anchor_key, find_heading

runner = CliRunner()


def test_a_link_to_a_heading_with_markup_passes_check_and_reaches_the_site_anchor(
    tmp_path: Path, make_vault: MakeVault
) -> None:
    root = make_vault(
        tmp_path / "v",
        {
            "Target.md": "# Target\n\nIntro.\n\n## **Bold** heading\n\nThe part to link to.\n",
            "Source.md": "See [[Target#**Bold** heading]].\n",
        },
    )
    result = runner.invoke(app, ["check", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    codes = [d["code"] for d in json.loads(result.stdout)["diagnostics"]]
    assert "missing-heading" not in codes and "broken-link" not in codes, codes
    out = tmp_path / "out"
    result = runner.invoke(app, ["publish", str(root), "-o", str(out), "--only", "site"])
    assert result.exit_code == 0, result.output
    target = (out / "site" / "notes" / "target.html").read_text("utf-8")
    source = (out / "site" / "notes" / "source.html").read_text("utf-8")
    assert re.findall(r"<h2 id=\"([^\"]+)\"", target)[0] == "bold-heading"
    assert re.findall(r'href="([^"]*target[^"]*)"', source) == ["target.html#bold-heading"]
    assert "broken-anchor" not in source  # what the site showed before: check and site disagreed


def test_find_heading_takes_the_typed_and_the_rendered_form_in_order() -> None:
    headings = [
        Heading("Intro", 1, 1, "Intro", "intro"),
        Heading("Bold heading", 2, 3, "**Bold** heading", "bold-heading"),
        Heading("Dose: low", 3, 5, "Dose low", "dose-low"),
    ]
    assert find_heading(headings, ["**Bold** heading"]) == 1
    assert find_heading(headings, ["bold HEADING"]) == 1
    assert find_heading(headings, ["Intro", "Dose: low"]) == 2
    assert find_heading(headings, ["Dose: low", "Intro"]) is None
    assert find_heading(headings, []) is None
    assert anchor_key("Dose:  Low") == "dose low"
