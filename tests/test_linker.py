"""The linker's proposals: what gets linked, what never does, and how it is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_linker_support import ARTICLE, linked, make_vault, plan_for

from vaultkg.link import Ambiguous
from vaultkg.parse.note import parse_note

ARTICLE_PATH = "Notes/Morning coffee.md"


def test_plain_article_gets_links_to_its_entities(tmp_path: Path) -> None:
    make_vault(tmp_path, {ARTICLE_PATH: ARTICLE})
    assert linked(tmp_path, ARTICLE_PATH) == (
        "# Why the morning coffee fades\n"
        "\n"
        "A wellness site claims that coffee loses its kick because [[Caffeine|caffeine]] sits "
        "on adenosine\n"
        "receptors every single day. With the [[Adenosine A2A receptor|A2A]] subtype occupied, "
        "the brain is said to build\n"
        "extra [[Adenosine receptor|adenosine receptors]] to compensate.\n"
        "\n"
        "The same page says [[Serotonin|serotonin]] and [[Dopamine|dopamine]] systems wear out "
        "in a similar way when\n"
        "[[Amphetamine|amphetamines]] are taken daily, and it suggests pausing "
        "[[Caffeine|caffeine]] for a week.\n"
    )


def test_proposals_carry_position_entity_and_replacement(tmp_path: Path) -> None:
    make_vault(tmp_path, {ARTICLE_PATH: ARTICLE})
    _, plan = plan_for(tmp_path)
    got = [(p.line, p.col, p.text, p.entity, p.replacement) for p in plan.proposals]
    assert got == [
        (3, 59, "caffeine", "Drugs/Caffeine.md", "[[Caffeine|caffeine]]"),
        (4, 38, "A2A", "Targets/Adenosine A2A receptor.md", "[[Adenosine A2A receptor|A2A]]"),
        (
            5,
            7,
            "adenosine receptors",
            "Targets/Adenosine receptor.md",
            "[[Adenosine receptor|adenosine receptors]]",
        ),
        (7, 20, "serotonin", "Neurotransmitters/Serotonin.md", "[[Serotonin|serotonin]]"),
        (7, 34, "dopamine", "Neurotransmitters/Dopamine.md", "[[Dopamine|dopamine]]"),
        (8, 1, "amphetamines", "Drugs/Amphetamine.md", "[[Amphetamine|amphetamines]]"),
        (8, 55, "caffeine", "Drugs/Caffeine.md", "[[Caffeine|caffeine]]"),
    ]
    assert plan.notes_scanned == 10
    assert [n.path for n in plan.notes] == [ARTICLE_PATH]
    assert plan.ambiguous == []


def test_name_as_written_gives_a_plain_link(tmp_path: Path) -> None:
    make_vault(tmp_path, {"Notes/n.md": "Caffeine and Dopamine, and guaranine.\n"})
    assert linked(tmp_path, "Notes/n.md") == (
        "[[Caffeine]] and [[Dopamine]], and [[Caffeine|guaranine]].\n"
    )


def test_longest_name_wins(tmp_path: Path) -> None:
    make_vault(tmp_path, {"Notes/n.md": "The Adenosine A2A receptor is dense in the striatum.\n"})
    assert linked(tmp_path, "Notes/n.md") == (
        "The [[Adenosine A2A receptor]] is dense in the striatum.\n"
    )


NO_GO = """---
aliases: [stim notes]
related: caffeine and dopamine
---
# Caffeine and dopamine

Inline `caffeine` code, $caffeine + dopamine$ math, %%caffeine comment%% here.
Links stay: [[Caffeine]], [[Dopamine|the dopamine note]], ![[Serotonin]], [caffeine](https://example.org/caffeine).
A bare URL https://example.org/dopamine/caffeine and <https://example.org/serotonin>.
Tags #caffeine and #dopamine/serotonin stay tags.
A <span class="x">caffeine in html</span> span, and <!-- caffeine --> comments.

caffeine:: dopamine is the value of this field

```python
caffeine = "dopamine"
```

    indented caffeine code

$$
serotonin
$$

<div>
dopamine in an HTML block
</div>

%%
serotonin in a comment block
%%

Only this serotonin is prose.
"""


def test_never_links_inside_code_math_links_urls_tags_html_fields_or_front_matter(
    tmp_path: Path,
) -> None:
    make_vault(tmp_path, {"Notes/n.md": NO_GO})
    expected = NO_GO.replace(
        "Only this serotonin is prose.", "Only this [[Serotonin|serotonin]] is prose."
    )
    assert linked(tmp_path, "Notes/n.md") == expected


def test_headings_are_linked_only_when_configured(tmp_path: Path) -> None:
    note = "# Caffeine at night\n\nText.\n\nSetext about dopamine\n---------------------\n"
    make_vault(tmp_path, {"Notes/n.md": note})
    assert linked(tmp_path, "Notes/n.md") == note
    (tmp_path / "vaultkg.toml").write_text("[link]\nheadings = true\n", "utf-8")
    assert linked(tmp_path, "Notes/n.md") == (
        "# [[Caffeine]] at night\n\nText.\n\nSetext about [[Dopamine|dopamine]]\n"
        "---------------------\n"
    )


def test_lists_quotes_callouts_emphasis_and_footnotes_are_prose(tmp_path: Path) -> None:
    note = (
        "- caffeine in a list\n"
        "> dopamine in a quote\n"
        "\n"
        "> [!note] Title\n"
        "> serotonin in a callout\n"
        "\n"
        "**caffeine** in bold, _dopamine_ in italics.[^1]\n"
        "\n"
        "[^1]: serotonin in a footnote\n"
    )
    make_vault(tmp_path, {"Notes/n.md": note})
    assert linked(tmp_path, "Notes/n.md") == (
        "- [[Caffeine|caffeine]] in a list\n"
        "> [[Dopamine|dopamine]] in a quote\n"
        "\n"
        "> [!note] Title\n"
        "> [[Serotonin|serotonin]] in a callout\n"
        "\n"
        "**[[Caffeine|caffeine]]** in bold, _[[Dopamine|dopamine]]_ in italics.[^1]\n"
        "\n"
        "[^1]: [[Serotonin|serotonin]] in a footnote\n"
    )


def test_table_cells_escape_the_pipe(tmp_path: Path) -> None:
    note = "| drug | note |\n|---|---|\n| caffeine | blocks A2A |\n| Dopamine | x |\n"
    make_vault(tmp_path, {"Notes/n.md": note})
    assert linked(tmp_path, "Notes/n.md") == (
        "| drug | note |\n|---|---|\n| [[Caffeine\\|caffeine]] | blocks "
        "[[Adenosine A2A receptor\\|A2A]] |\n| [[Dopamine]] | x |\n"
    )


def test_table_cell_repeating_text_of_a_code_cell_links_only_the_prose_cell(
    tmp_path: Path,
) -> None:
    note = "| a | b |\n|---|---|\n| `x caffeine` | x caffeine |\n"
    make_vault(tmp_path, {"Notes/n.md": note})
    assert linked(tmp_path, "Notes/n.md") == (
        "| a | b |\n|---|---|\n| `x caffeine` | x [[Caffeine\\|caffeine]] |\n"
    )


def test_parser_table_cell_spans_point_at_their_own_cell() -> None:
    text = "| a | b |\n|---|---|\n| `x caffeine` | x caffeine |\n"
    note = parse_note(text.encode(), "t.md", spans=True).note
    cell = text.index("| x caffeine |") + 2
    assert [(s.start, s.end) for s in note.prose if s.context == "table"][-1] == (
        cell,
        cell + len("x caffeine"),
    )


@pytest.mark.xfail(
    strict=True,
    reason="parser bug: text between inline HTML tags (<span>…</span>) is reported as prose",
)
def test_parser_inline_html_content_is_not_prose() -> None:
    text = 'A <span class="x">caffeine</span> word.\n'
    note = parse_note(text.encode(), "t.md", spans=True).note
    assert [text[s.start : s.end] for s in note.prose] == ["A ", " word."]


def test_inline_html_and_templater_are_guarded_by_the_linker(tmp_path: Path) -> None:
    note = (
        'See <b>caffeine</b> and <font color="red">dopamine <i>here</i></font> and '
        "<% caffeine %>.\n"
        "After the tags, dopamine<br>is fine.\n"
    )
    make_vault(tmp_path, {"Notes/n.md": note})
    assert linked(tmp_path, "Notes/n.md") == note.replace(
        "After the tags, dopamine", "After the tags, [[Dopamine|dopamine]]"
    )


@pytest.mark.parametrize(
    "text",
    [
        "[caffeine] in brackets",
        "wow!caffeine",
        "see caffeine.md for more",
        "the file notes/caffeine sits here",
        "mail caffeine@example.org",
        "a caffeine_level variable",
        "pre-caffeine era",
        "caffeinated drinks",
        "escaped \\caffeine",
    ],
)
def test_mentions_glued_to_syntax_are_not_linked(tmp_path: Path, text: str) -> None:
    make_vault(tmp_path, {"Notes/n.md": text + "\n"})
    assert linked(tmp_path, "Notes/n.md") == text + "\n"


def test_own_title_and_aliases_are_never_linked(tmp_path: Path) -> None:
    note = "---\naliases: [dopamine tone]\n---\nThe dopamine tone idea. Caffeine tolerance too.\n"
    make_vault(tmp_path, {"Notes/Caffeine tolerance.md": note})
    assert linked(tmp_path, "Notes/Caffeine tolerance.md") == note


def test_an_entity_note_never_links_to_itself(tmp_path: Path) -> None:
    make_vault(
        tmp_path,
        {"Drugs/Caffeine.md": "---\ntype: drug\n---\nCaffeine and guaranine raise dopamine.\n"},
    )
    assert linked(tmp_path, "Drugs/Caffeine.md") == (
        "---\ntype: drug\n---\nCaffeine and guaranine raise [[Dopamine|dopamine]].\n"
    )


def test_ambiguous_alias_is_reported_not_linked(tmp_path: Path) -> None:
    make_vault(
        tmp_path,
        {
            "Targets/Dopamine D2 receptor.md": "---\ntype: receptor\naliases: [D2]\n---\nx\n",
            "Targets/Dopamine D2 short form.md": "---\ntype: receptor\naliases: [D2]\n---\nx\n",
            "Notes/n.md": "Haloperidol blocks D2 and raises dopamine.\n",
        },
    )
    _, plan = plan_for(tmp_path)
    assert [p.text for p in plan.proposals] == ["dopamine"]
    assert plan.ambiguous == [
        Ambiguous(
            "Notes/n.md",
            1,
            20,
            "D2",
            ("Targets/Dopamine D2 receptor.md", "Targets/Dopamine D2 short form.md"),
        )
    ]


def test_title_shared_with_another_note_links_by_path(tmp_path: Path) -> None:
    make_vault(
        tmp_path,
        {
            "Drugs/Ketamine.md": "---\ntype: drug\n---\nx\n",
            "Notes/Ketamine.md": "My ketamine reading list.\n",
            "Notes/n.md": "Ketamine blocks NMDA receptors.\n",
        },
    )
    assert linked(tmp_path, "Notes/n.md") == (
        "[[Drugs/Ketamine|Ketamine]] blocks NMDA receptors.\n"
    )


FILTERS = (
    "Caffeine, then caffeine again, dopamine, DA, serotonin and amphetamine.\n"
    "Tolerance to caffeine develops.\n"
)


def test_first_only_links_the_first_mention_of_each_entity(tmp_path: Path) -> None:
    make_vault(tmp_path, {"Notes/n.md": FILTERS})
    assert linked(tmp_path, "Notes/n.md", first_only=True) == (
        "[[Caffeine]], then caffeine again, [[Dopamine|dopamine]], DA, "
        "[[Serotonin|serotonin]] and [[Amphetamine|amphetamine]].\n"
        "[[Tolerance]] to caffeine develops.\n"
    )


def test_first_only_skips_entities_the_note_already_links(tmp_path: Path) -> None:
    note = "See [[Dopamine]] first. Later dopamine and caffeine.\n"
    make_vault(tmp_path, {"Notes/n.md": note})
    assert linked(tmp_path, "Notes/n.md", first_only=True) == (
        "See [[Dopamine]] first. Later dopamine and [[Caffeine|caffeine]].\n"
    )
    assert linked(tmp_path, "Notes/n.md") == (
        "See [[Dopamine]] first. Later [[Dopamine|dopamine]] and [[Caffeine|caffeine]].\n"
    )


def test_only_links_the_named_entity(tmp_path: Path) -> None:
    make_vault(tmp_path, {"Notes/n.md": FILTERS})
    assert linked(tmp_path, "Notes/n.md", only=frozenset({"Drugs/Caffeine.md"})) == (
        "[[Caffeine]], then [[Caffeine|caffeine]] again, dopamine, DA, serotonin and "
        "amphetamine.\nTolerance to [[Caffeine|caffeine]] develops.\n"
    )


def test_type_links_only_entities_of_that_type(tmp_path: Path) -> None:
    make_vault(tmp_path, {"Notes/n.md": FILTERS})
    assert linked(tmp_path, "Notes/n.md", types=frozenset({"mechanism"})) == (
        FILTERS.replace("Tolerance to", "[[Tolerance]] to")
    )


def test_min_length_drops_short_aliases(tmp_path: Path) -> None:
    make_vault(tmp_path, {"Notes/n.md": "DA and dopamine.\n"})
    assert linked(tmp_path, "Notes/n.md") == "[[Dopamine|DA]] and [[Dopamine|dopamine]].\n"
    assert linked(tmp_path, "Notes/n.md", min_length=3) == ("DA and [[Dopamine|dopamine]].\n")


def test_note_filter_limits_the_notes(tmp_path: Path) -> None:
    make_vault(tmp_path, {"Notes/a.md": "caffeine\n", "Notes/b.md": "caffeine\n"})
    _, plan = plan_for(tmp_path, notes=frozenset({"Notes/b.md"}))
    assert [n.path for n in plan.notes] == ["Notes/b.md"]
    assert plan.notes_scanned == 1


def test_short_abbreviations_match_only_as_written(tmp_path: Path) -> None:
    make_vault(tmp_path, {"Notes/n.md": "Da capo, da, and DA.\n"})
    assert linked(tmp_path, "Notes/n.md") == "Da capo, da, and [[Dopamine|DA]].\n"


def test_a_link_that_would_turn_a_line_into_a_table_row_is_not_made(tmp_path: Path) -> None:
    # "|" in [[Amphetamine|amphetamines]] would give the first line two cells, matching the
    # two-column delimiter row below it, and turn the paragraph into a table
    note = "some and amphetamines\n|---|---|\n"
    make_vault(tmp_path, {"Notes/n.md": note})
    _, plan = plan_for(tmp_path)
    assert [p.text for p in plan.unsafe] == ["amphetamines"]
    assert plan.notes == []
    # with a second link in the line the row has three cells: no table, so both are made
    make_vault(tmp_path, {"Notes/n.md": "caffeine and amphetamines\n|---|---|\n"})
    assert linked(tmp_path, "Notes/n.md") == (
        "[[Caffeine|caffeine]] and [[Amphetamine|amphetamines]]\n|---|---|\n"
    )
