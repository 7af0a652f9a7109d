"""The linker and the syntax plugins add: Dataview, Templater, comments, URLs, HTML, tables
(issue 15, item 3). Sentences are our own; they imitate how people write such notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_linker_support import linked, make_vault

from vaultkg.config import Config
from vaultkg.link import LinkOptions, plan_links
from vaultkg.link.zones import ProtectedZones
from vaultkg.model import Note
from vaultkg.parse.note import parse_note
from vaultkg.resolve import resolve_links

KEYS = {
    "Mechanisms/Status.md": "---\ntype: mechanism\n---\nx\n",
    "Mechanisms/File.md": "---\ntype: mechanism\n---\nx\n",
    "Mechanisms/Admonition.md": "---\ntype: mechanism\n---\nx\n",
    "Mechanisms/Span.md": "---\ntype: mechanism\n---\nx\n",
}


@pytest.mark.parametrize(
    "line",
    [
        "**Status**:: finished reading",
        "__Status__:: finished",
        "_Status_:: finished",
        "*Status*:: finished",
        "==Status==:: finished",
        "~~Status~~:: finished",
        "- **Status**:: finished",
        "> Status:: caffeine done",
        "1. _Status_:: caffeine",
    ],
)
def test_dataview_line_fields_in_any_markup_stay(tmp_path: Path, line: str) -> None:
    make_vault(tmp_path, {**KEYS, "Notes/n.md": f"{line}\n\nStatus of caffeine.\n"})
    assert linked(tmp_path, "Notes/n.md") == (f"{line}\n\n[[Status]] of [[Caffeine|caffeine]].\n")


def test_bracketed_fields_stay_whole(tmp_path: Path) -> None:
    note = "I rate it [Status:: caffeine first] and (file:: caffeine.pdf) today.\nIn caffeine.\n"
    make_vault(tmp_path, {**KEYS, "Notes/n.md": note})
    assert linked(tmp_path, "Notes/n.md") == note.replace(
        "In caffeine.", "In [[Caffeine|caffeine]]."
    )


def test_templater_blocks_over_many_lines_stay(tmp_path: Path) -> None:
    note = (
        "<%*\n"
        "let file = tp.file.find_tfile(tp.file.title);\n"
        "\n"
        "tR += file.basename + ' caffeine'\n"
        "-%>\n"
        "Made on <% tp.date.now() %> about caffeine and the File.\n"
    )
    make_vault(tmp_path, {**KEYS, "Notes/n.md": note})
    assert linked(tmp_path, "Notes/n.md") == note.replace(
        "about caffeine and the File.", "about [[Caffeine|caffeine]] and the [[File]]."
    )


def test_comments_opened_mid_paragraph_across_blank_lines_stay(tmp_path: Path) -> None:
    note = (
        "Caffeine first. %% hidden note on caffeine\n"
        "\n"
        "still hidden: dopamine %% and more.\n"
        "\n"
        "%%unclosed comment about serotonin\n"
        "\n"
        "serotonin till the end\n"
    )
    make_vault(tmp_path, {"Notes/n.md": note})
    # (the parser reads the text after such a comment as comment too: left alone, safely)
    assert linked(tmp_path, "Notes/n.md") == note.replace("Caffeine first.", "[[Caffeine]] first.")


def test_zones_of_comments_opened_mid_paragraph() -> None:
    note = "a %% b\n\nc %% d %%e"
    zones = ProtectedZones(note).zones
    assert [note[s:e] for s, e in zones] == ["%% b\n\nc %%", "%%e"]


@pytest.mark.parametrize(
    "url",
    [
        "obsidian://show-plugin?id=admonition",
        "obsidian://open?vault=notes&file=caffeine",
        "zotero://select/items/caffeine",
        "file:///home/me/caffeine.pdf",
        "mailto:caffeine@example.org",
        "ftp://example.org/caffeine",
        "x-devonthink-item://caffeine-1234",
        "www.example.org/caffeine",
    ],
)
def test_urls_of_any_scheme_stay(tmp_path: Path, url: str) -> None:
    note = f"See {url} for caffeine.\n"
    make_vault(tmp_path, {**KEYS, "Notes/n.md": note})
    assert linked(tmp_path, "Notes/n.md") == f"See {url} for [[Caffeine|caffeine]].\n"


def test_inline_html_spanning_lines_stays(tmp_path: Path) -> None:
    note = 'A <span class="hl"\n  title="caffeine">caffeine span\n</span> and caffeine.\n'
    make_vault(tmp_path, {**KEYS, "Notes/n.md": note})
    assert linked(tmp_path, "Notes/n.md") == note.replace(
        "and caffeine.", "and [[Caffeine|caffeine]]."
    )


def test_dataview_blocks_stay(tmp_path: Path) -> None:
    note = (
        '```dataview\nTABLE status FROM #caffeine WHERE file.name = "caffeine"\n```\n\n'
        "```dataviewjs\ndv.paragraph('caffeine ' + dv.current().file.name)\n```\n\n"
        "Inline `= this.caffeine` and `$= dv.current().caffeine` too; caffeine.\n"
    )
    make_vault(tmp_path, {**KEYS, "Notes/n.md": note})
    assert linked(tmp_path, "Notes/n.md") == note.replace(
        "too; caffeine.", "too; [[Caffeine|caffeine]]."
    )


def test_a_comment_marker_inside_code_opens_nothing(tmp_path: Path) -> None:
    note = "Use `%%` for comments; caffeine here.\n\n```\n<% not templater\n```\ndopamine.\n"
    make_vault(tmp_path, {"Notes/n.md": note})
    assert linked(tmp_path, "Notes/n.md") == note.replace(
        "caffeine here", "[[Caffeine|caffeine]] here"
    ).replace("dopamine.", "[[Dopamine|dopamine]].")


def test_tables_are_linked_in_one_run(tmp_path: Path) -> None:
    note = (
        "| drug | effect |\n|---|---|\n"
        "| caffeine | caffeine wakes |\n"
        "| Caffeine | caffeine, caffeine |\n"
    )
    make_vault(tmp_path, {"Notes/n.md": note})
    once = linked(tmp_path, "Notes/n.md")
    assert once == (
        "| drug | effect |\n|---|---|\n"
        "| [[Caffeine\\|caffeine]] | [[Caffeine\\|caffeine]] wakes |\n"
        "| [[Caffeine]] | [[Caffeine\\|caffeine]], [[Caffeine\\|caffeine]] |\n"
    )
    (tmp_path / "Notes/n.md").write_text(once, "utf-8")
    assert linked(tmp_path, "Notes/n.md") == once


def test_zones_are_found_in_linear_time() -> None:
    import time

    text = ("a %% b <% c `d` <span>e</span> obsidian://f [g:: h] " * 20_000) + "\n"
    started = time.perf_counter()
    zones = ProtectedZones(text)
    assert time.perf_counter() - started < 5
    assert zones.overlaps(text.index("b"), text.index("b") + 1)


# ---------------------------------------------------------------------------------------
# property: generated notes, each piece knowing whether it is protected

ENTITIES = {
    "Drugs/Caffeine.md": b"---\ntype: drug\n---\n",
    "Neurotransmitters/Dopamine.md": b"---\ntype: neurotransmitter\n---\n",
    "Mechanisms/Status.md": b"---\ntype: mechanism\n---\n",
    "Mechanisms/File.md": b"---\ntype: mechanism\n---\n",
}
NAMES = ["caffeine", "Caffeine", "dopamine", "status", "Status", "file"]
WORDS = ["the", "and", "blocks", "é", "—", "x", "50%", "then"]
SCHEMES = ["obsidian://open?file=", "zotero://select/", "file:///tmp/", "https://x.org/", "mailto:"]

# (text, protected) pieces placed inside a line
INLINE = st.one_of(
    st.sampled_from(NAMES).map(lambda n: (n, False)),
    st.sampled_from(WORDS).map(lambda w: (w, False)),
    st.tuples(st.sampled_from(["[", "("]), st.sampled_from(NAMES), st.sampled_from(NAMES)).map(
        lambda t: (f"{t[0]}{t[1]}:: {t[2]}{']' if t[0] == '[' else ')'}", True)
    ),
    st.sampled_from(NAMES).map(lambda n: (f"<% tp.{n} %>", True)),
    st.sampled_from(NAMES).map(lambda n: (f"%%{n}%%", True)),
    st.tuples(st.sampled_from(SCHEMES), st.sampled_from(NAMES)).map(lambda t: (t[0] + t[1], True)),
    st.sampled_from(NAMES).map(lambda n: (f'<abbr title="{n}">{n}</abbr>', True)),
    st.sampled_from(NAMES).map(lambda n: (f"`{n}`", True)),
)
MARKUP = st.sampled_from(["", "**", "_", "__", "*", "==", "~~"])


@st.composite
def blocks(draw: st.DrawFn) -> list[tuple[str, bool]]:
    """One block of lines as pieces; a protected multi-line piece is a single piece."""
    kind = draw(st.sampled_from(["prose", "prose", "field", "templater", "comment", "html"]))
    name = draw(st.sampled_from(NAMES))
    if kind == "field":
        m = draw(MARKUP)
        start = draw(st.sampled_from(["", "- ", "> "]))
        return [(f"{start}{m}{name}{m}:: {draw(st.sampled_from(NAMES))} value", True)]
    if kind == "templater":
        return [(f"<%*\nlet {name} = tp.file.title;\n\ntR += {name}\n%>", True)]
    if kind == "comment":
        lead = [(draw(st.sampled_from(NAMES)), False), (" ", False)]
        return [*lead, (f"%% about {name}\n\nmore {name} %%", True)]
    if kind == "html":
        return [(f'<span class="a"\n title="{name}">{name}\n</span>', True)]
    pieces: list[tuple[str, bool]] = []
    for piece in draw(st.lists(INLINE, min_size=1, max_size=8)):
        if pieces:
            pieces.append((draw(st.sampled_from([" ", ", ", " and "])), False))
        pieces.append(piece)
    if draw(st.booleans()):  # a table row holding the same pieces as cells
        cells = [p for p in pieces if not p[1] and p[0].strip(" ,")]
        if cells:
            row = "| " + " | ".join(c for c, _ in cells) + " |"
            return [("| a |\n|---|\n", False), (row, False)]
    return pieces


@st.composite
def plugin_notes(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = ""
    protected: list[tuple[int, int]] = []
    for i, block in enumerate(draw(st.lists(blocks(), min_size=1, max_size=6))):
        if i:
            text += draw(st.sampled_from(["\n\n", "\n\n", "\n"])) if block else "\n\n"
        for piece, is_protected in block:
            if is_protected:
                protected.append((len(text), len(text) + len(piece)))
            text += piece
    return text + "\n", protected


def _plan(text: str):  # type: ignore[no-untyped-def]
    notes = {p: parse_note(b, p, spans=True).note for p, b in ENTITIES.items()}
    notes["Notes/g.md"] = parse_note(text.encode("utf-8"), "Notes/g.md", spans=True).note
    index, _ = resolve_links(notes, [])
    config = Config()
    options = LinkOptions(notes=frozenset({"Notes/g.md"}))
    return notes["Notes/g.md"], plan_links(notes, config, index, options)


def _strip(new: str, proposals: list) -> str:  # type: ignore[type-arg]
    """Remove inserted link syntax by position, without the linker's own helpers."""
    out, pos, shift = [], 0, 0
    for p in sorted(proposals, key=lambda p: p.start):
        at = p.start + shift
        assert new.startswith("[[", at)
        bar = new.find(p.text + "]]", at)
        out.append(new[pos:at])
        out.append(p.text)
        pos = bar + len(p.text) + 2
        shift = pos - p.end
    out.append(new[pos:])
    return "".join(out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plugin_notes())
def test_links_never_land_in_plugin_syntax(generated: tuple[str, list[tuple[int, int]]]) -> None:
    text, protected = generated
    note, plan = _plan(text)
    assert isinstance(note, Note) and note.text == text
    if not plan.notes:
        return
    [planned] = plan.notes
    new = planned.new_text()
    assert _strip(new, planned.proposals) == text
    for p in planned.proposals:
        assert text[p.start : p.end] == p.text
        for s, e in protected:
            assert p.end <= s or p.start >= e, (p.text, text[s:e])
    _again, plan2 = _plan(new)
    assert plan2.notes == [], [p.text for p in plan2.proposals]
