"""Where statements are read: headings, list items under their parents, flashcards, soft line
breaks, and template text pasted into many notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from kgutil import load, triples, write_vault
from typer.testing import CliRunner

from vaultkg.cli import app
from vaultkg.kg import claims as claims_module
from vaultkg.parse.note import parse_note


def _sentences(text: str) -> list[tuple[str, int]]:
    note = parse_note(text.encode(), "N.md").note
    return [(s.text, s.line) for b in note.blocks for s in b.sentences]


def _claims(kg, note: str = "Notes/N.md") -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(c.text, c.line) for c in kg.claims if c.note == note]


# -- headings --------------------------------------------------------------------------------


def test_a_heading_that_states_is_a_claim_and_a_section_heading_is_not(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """
            # Haloperidol blocks D2 receptors

            ## Mechanism

            ## Dopamine D2 receptor

            ## Caffeine

            Some words about the weather.
            """
        },
    )
    assert _claims(kg) == [("Haloperidol blocks D2 receptors", 1)]
    assert triples(kg, "Notes/N.md") == {("Haloperidol", "antagonist", "Dopamine D2 receptor")}


def test_a_drug_notes_heading_speaks_of_that_drug(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {"Drugs/Haloperidol.md": "---\ntype: drug\n---\n# Blocks D2 receptors in the striatum\n"},
    )
    assert _claims(kg, "Drugs/Haloperidol.md") == [("Blocks D2 receptors in the striatum", 4)]
    assert triples(kg, "Drugs/Haloperidol.md") == {
        ("Haloperidol", "antagonist", "Dopamine D2 receptor")
    }


def test_a_claim_notes_heading_that_repeats_its_title_is_not_a_second_claim(
    tmp_path: Path,
) -> None:
    kg = load(
        tmp_path,
        {
            "Claims/Caffeine blocks A1 receptors.md": """
            ---
            type: claim
            ---
            # Caffeine blocks A1 receptors

            ## Caffeine blocks A2A receptors too
            """
        },
    )
    assert _claims(kg, "Claims/Caffeine blocks A1 receptors.md") == [
        ("Caffeine blocks A2A receptors too", 6),
        ("Caffeine blocks A1 receptors", 1),
    ]


def test_a_heading_sentence_keeps_its_column_and_links() -> None:
    note = parse_note(b"## [[Haloperidol]] blocks [[D2]]\n", "N.md").note
    s = note.headings[0].sentence
    assert s is not None
    assert (s.text, s.line, s.col) == ("Haloperidol blocks D2", 1, 4)
    assert [link.target for link in s.links] == ["Haloperidol", "D2"]


# -- context ---------------------------------------------------------------------------------


def test_sentences_record_the_headings_and_parent_items_above_them() -> None:
    note = parse_note(
        b"# Antipsychotics\n\n## Typical\n\n- Haloperidol\n    - blocks D2 receptors\n"
        b"    - second line item\n\nA paragraph.\n",
        "N.md",
    ).note
    got = {s.text: s.context for b in note.blocks for s in b.sentences}
    assert got == {
        "Haloperidol": [("Antipsychotics", 1), ("Typical", 3)],
        "blocks D2 receptors": [("Antipsychotics", 1), ("Typical", 3), ("Haloperidol", 5)],
        "second line item": [("Antipsychotics", 1), ("Typical", 3), ("Haloperidol", 5)],
        "A paragraph.": [("Antipsychotics", 1), ("Typical", 3)],
    }
    assert note.headings[1].sentence.context == [("Antipsychotics", 1)]  # type: ignore[union-attr]


def test_a_list_item_takes_its_subject_from_the_heading_above(tmp_path: Path) -> None:
    kg = load(tmp_path, {"Notes/N.md": "## Haloperidol\n\n- blocks D2 receptors\n"})
    assert _claims(kg) == [("blocks D2 receptors", 3)]
    assert triples(kg, "Notes/N.md") == {("Haloperidol", "antagonist", "Dopamine D2 receptor")}


def test_a_list_item_takes_its_subject_from_its_parent_item(tmp_path: Path) -> None:
    kg = load(tmp_path, {"Notes/N.md": "- Caffeine\n    - antagonist at A1 and A2A\n"})
    assert triples(kg, "Notes/N.md") == {
        ("Caffeine", "antagonist", "Adenosine A1 receptor"),
        ("Caffeine", "antagonist", "Adenosine A2A receptor"),
    }


def _defaults_seen(monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[str | None, str | None]]:
    seen: dict[str, tuple[str | None, str | None]] = {}
    real = claims_module.extract

    def spy(text, mentions, default_subject=None, default_object=None, carriers=None):  # type: ignore[no-untyped-def]
        seen[text] = (default_subject, default_object)
        return real(text, mentions, default_subject, default_object, carriers)

    monkeypatch.setattr(claims_module, "extract", spy)
    return seen


def test_default_subject_and_object_come_from_the_nearest_context(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _defaults_seen(monkeypatch)
    load(
        tmp_path,
        {
            "Notes/N.md": """
            ## Haloperidol

            - Dopamine D2 receptor
                - Responsive to the agonist Aripiprazole
            - Haloperidol and Caffeine
                - both act at A1 receptors
            """,
            "Targets/Dopamine D2 receptor.md": """
            ---
            type: receptor
            aliases: [D2]
            ---
            Haloperidol is an antagonist.
            """,
        },
    )
    d2 = "Targets/Dopamine D2 receptor.md"
    assert seen["Responsive to the agonist Aripiprazole"] == ("Drugs/Haloperidol.md", d2)
    # two drugs in the parent item: no guess, and the heading further up is not consulted
    assert seen["both act at A1 receptors"] == (None, None)
    # a target's own note: the target is the default object
    assert seen["Haloperidol is an antagonist."] == (None, d2)


def test_a_heading_that_states_a_relation_gives_no_default_object(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _defaults_seen(monkeypatch)
    load(tmp_path, {"Notes/N.md": "# Haloperidol blocks D2 receptors\n\nIt binds D2 tightly.\n"})
    # its topic is its first-named entity, the drug
    assert seen["It binds D2 tightly."] == ("Drugs/Haloperidol.md", None)


def test_a_child_item_under_a_receptor_states_a_relation_to_it(tmp_path: Path) -> None:
    kg = load(tmp_path, {"Notes/N.md": "- D2 receptor\n    - Responsive to the agonist Caffeine\n"})
    assert triples(kg, "Notes/N.md") == {("Caffeine", "agonist", "Dopamine D2 receptor")}


# -- flashcards ------------------------------------------------------------------------------


def test_one_line_flashcards_are_statements(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """
            What does caffeine block?;;A1 receptors
            Haloperidol at D2 receptors:::antagonist

            Mechanism of haloperidol::antagonist at D2 receptors
            """
        },
    )
    assert _claims(kg) == [
        ("What does caffeine block? — A1 receptors", 1),
        ("Haloperidol at D2 receptors — antagonist", 2),
        ("Mechanism of haloperidol — antagonist at D2 receptors", 4),
    ]
    assert triples(kg, "Notes/N.md") == {
        ("Caffeine", "antagonist", "Adenosine A1 receptor"),
        ("Haloperidol", "antagonist", "Dopamine D2 receptor"),
    }


def test_a_field_card_is_read_under_its_heading(tmp_path: Path) -> None:
    kg = load(tmp_path, {"Notes/N.md": "## Haloperidol\n\nWhat does it block:: D2 receptors\n"})
    assert _claims(kg) == [("What does it block — D2 receptors", 3)]
    assert triples(kg, "Notes/N.md") == {("Haloperidol", "antagonist", "Dopamine D2 receptor")}


def test_a_multi_line_card_and_a_cloze(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """
            Which receptor does haloperidol block
            ?
            The D2 receptor

            Caffeine is an {{c1::antagonist}} at A1 receptors.
            """
        },
    )
    assert _claims(kg) == [
        ("Which receptor does haloperidol block — The D2 receptor", 3),
        ("Caffeine is an antagonist at A1 receptors.", 5),
    ]
    assert triples(kg, "Notes/N.md") == {
        ("Haloperidol", "antagonist", "Dopamine D2 receptor"),
        ("Caffeine", "antagonist", "Adenosine A1 receptor"),
    }


def test_a_dataview_field_is_not_a_card(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {"Drugs/Haloperidol.md": "---\ntype: drug\n---\nhalf-life:: 20 hours\ndrug class:: D2\n"},
    )
    note = kg.vault.notes["Drugs/Haloperidol.md"]
    assert [(f.key, f.value) for f in note.fields] == [
        ("half-life", "20 hours"),
        ("drug class", "D2"),
    ]
    assert _claims(kg, "Drugs/Haloperidol.md") == []


def test_a_field_of_links_or_a_short_key_is_not_a_card(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Drugs/Haloperidol.md": """
            ---
            type: drug
            ---
            in contrast to:: [[Aripiprazole]] and [[Caffeine]]
            why:: it blocks D2
            **Related drugs**:: Caffeine blocks A1
            Which receptor does it block:: D2 receptors
            """
        },
    )
    assert _claims(kg, "Drugs/Haloperidol.md") == [
        ("Which receptor does it block — D2 receptors", 7)
    ]
    assert triples(kg, "Drugs/Haloperidol.md") == {
        ("Haloperidol", "antagonist", "Dopamine D2 receptor")
    }


def test_odd_card_lines_parse_in_linear_time() -> None:
    import time

    line = "Q" + " " * 50_000 + ";\n" + "{{c1::" * 10_000 + "\n" + "[[a]]   " * 2_000 + "x::y\n"
    start = time.perf_counter()
    parse_note((line * 2).encode(), "N.md")
    assert time.perf_counter() - start < 5.0  # markdown-it itself takes most of it


# -- soft line breaks ----------------------------------------------------------------------


def test_lines_that_each_state_something_are_sentences_of_their_own() -> None:
    assert _sentences("Haloperidol blocks D2\nCaffeine blocks A1\nLithium is a salt\n") == [
        ("Haloperidol blocks D2", 1),
        ("Caffeine blocks A1", 2),
        ("Lithium is a salt", 3),
    ]


def test_a_label_line_goes_with_the_line_it_labels() -> None:
    assert _sentences("Rx:\nHaloperidol 5 mg\nCaffeine blocks A1\n") == [
        ("Rx: Haloperidol 5 mg", 1),
        ("Caffeine blocks A1", 3),
    ]


def test_prose_wrapped_across_lines_stays_one_sentence() -> None:
    assert _sentences("Haloperidol is an antagonist at the\nD2 receptor in the striatum.\n") == [
        ("Haloperidol is an antagonist at the D2 receptor in the striatum.", 1)
    ]
    assert _sentences("Haloperidol blocks the D2 receptor and\nraises prolactin\n") == [
        ("Haloperidol blocks the D2 receptor and raises prolactin", 1)
    ]


def test_soft_broken_statements_are_claims_at_their_own_lines(tmp_path: Path) -> None:
    kg = load(
        tmp_path, {"Notes/N.md": "Intro line.\n\nHaloperidol blocks D2\nCaffeine blocks A1\n"}
    )
    assert _claims(kg) == [("Haloperidol blocks D2", 3), ("Caffeine blocks A1", 4)]


# -- noise -----------------------------------------------------------------------------------


def test_objectives_narration_navigation_and_fragments_are_not_claims(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """
            Describe how haloperidol blocks D2 receptors.
            This slide shows caffeine at A1 receptors.
            Next: [[Haloperidol]]
            #caffeine #adenosine
            Caffeine — coffee
            Caffeine blocks A1 receptors.

            ## Learning objectives

            - Caffeine blocks A1 receptors during sleep
            """
        },
    )
    assert _claims(kg) == [("Caffeine blocks A1 receptors.", 6)]


# -- template text ---------------------------------------------------------------------------

TEMPLATE = "Caffeine blocks A1 receptors, said the template.\n\n"


def test_text_pasted_into_five_notes_is_template_not_a_claim(tmp_path: Path) -> None:
    notes = {
        f"Notes/N{i}.md": TEMPLATE + f"Haloperidol blocks D2 receptors {i}.\n" for i in range(5)
    }
    kg = load(tmp_path, notes)
    assert sorted(c.text for c in kg.claims if c.note.startswith("Notes/")) == [
        f"Haloperidol blocks D2 receptors {i}." for i in range(5)
    ]
    result = CliRunner().invoke(app, ["check", str(tmp_path)])
    lines = [line for line in result.output.splitlines() if "template-text" in line]
    assert lines == [
        'Notes/N0.md:1:1: info: "Caffeine blocks A1 receptors, said the template." stands in 5 '
        "notes: read as template text, not as a claim of each note [template-text]"
    ]


def test_short_text_is_template_only_where_a_template_puts_it(tmp_path: Path) -> None:
    same = {f"Notes/S{i}.md": "Caffeine blocks A1.\n" for i in range(5)}
    moved = {f"Notes/M{i}.md": "Words.\n\n" * i + "Haloperidol blocks D2.\n" for i in range(5)}
    kg = load(tmp_path, {**same, **moved})
    assert sorted({c.text for c in kg.claims if c.note.startswith("Notes/")}) == [
        "Haloperidol blocks D2."
    ]


def test_text_in_four_notes_is_still_each_notes_claim(tmp_path: Path) -> None:
    notes = {f"Notes/N{i}.md": TEMPLATE for i in range(4)}
    kg = load(tmp_path, notes)
    assert len([c for c in kg.claims if c.text.startswith("Caffeine blocks A1")]) == 4
    write_vault(tmp_path, {})
    result = CliRunner().invoke(app, ["check", str(tmp_path)])
    assert "template-text" not in result.output


# -- cards and fields whose question is a name, label lines -----------------------------------

ENZYMES = {
    "Drugs/Codeine.md": "---\ntype: drug\n---\n",
    "Drugs/Fluoxetine.md": "---\ntype: drug\n---\n",
}


def test_a_field_whose_key_names_a_drug_or_target_is_a_statement(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """
            Haloperidol:: blocks D2 receptors in the striatum
            Caffeine:: competitive antagonist at A1 receptors
            D2 receptor:: stimulated by amphetamine indirectly
            status:: done
            rating:: 4
            Caffeine:: 3 cups
            related:: [[Haloperidol]]
            Haloperidol:: [[Dopamine D2 receptor]]
            """
        },
    )
    assert _claims(kg) == [
        ("Haloperidol — blocks D2 receptors in the striatum", 1),
        ("Caffeine — competitive antagonist at A1 receptors", 2),
        ("D2 receptor — stimulated by amphetamine indirectly", 3),
    ]
    assert triples(kg, "Notes/N.md") == {
        ("Haloperidol", "antagonist", "Dopamine D2 receptor"),
        ("Caffeine", "antagonist", "Adenosine A1 receptor"),
    }
    note = kg.vault.notes["Notes/N.md"]
    assert [f.key for f in note.fields][3:] == [
        "status",
        "rating",
        "Caffeine",
        "related",
        "Haloperidol",
    ]


def test_a_field_whose_value_states_of_an_entity_is_a_statement(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Drugs/Haloperidol.md": """
            ---
            type: drug
            ---
            Mechanism:: blocks D2 receptors
            Summary:: a typical antipsychotic
            why:: it blocks D2

            It is old [mechanism:: blocks D2 receptors] but still given.
            """
        },
    )
    assert _claims(kg, "Drugs/Haloperidol.md") == [
        ("It is old blocks D2 receptors but still given.", 8),  # the sentence, not its field
        ("Mechanism — blocks D2 receptors", 4),
    ]
    assert triples(kg, "Drugs/Haloperidol.md") == {
        ("Haloperidol", "antagonist", "Dopamine D2 receptor")
    }


def test_a_cards_question_gives_the_subject_of_its_answer(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            **ENZYMES,
            "Notes/N.md": """
            Haloperidol is cleared by which enzyme?;;CYP3A4
            Codeine requires which enzyme to form morphine?;;CYP2D6
            Which enzyme does fluoxetine inhibit, raising the levels of other drugs?;;CYP2D6
            Caffeine acts at::A1 receptors, as an antagonist

            What else does caffeine do at high doses?
            ?
            It blocks A2A receptors too
            """,
        },
    )
    assert _claims(kg) == [
        ("Haloperidol is cleared by which enzyme? — CYP3A4", 1),
        ("Codeine requires which enzyme to form morphine? — CYP2D6", 2),
        ("Which enzyme does fluoxetine inhibit, raising the levels of other drugs? — CYP2D6", 3),
        ("What else does caffeine do at high doses? — It blocks A2A receptors too", 8),
        ("Caffeine acts at — A1 receptors, as an antagonist", 4),  # fields come last
    ]
    assert triples(kg, "Notes/N.md") == {
        ("Haloperidol", "substrate", "CYP3A4"),
        ("Codeine", "substrate", "CYP2D6"),
        ("Fluoxetine", "inhibitor", "CYP2D6"),
        ("Caffeine", "antagonist", "Adenosine A1 receptor"),
        ("Caffeine", "antagonist", "Adenosine A2A receptor"),
    }


def test_a_question_standing_alone_is_still_no_claim(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """
            Caffeine acts on which receptor?

            Why is haloperidol given as a depot injection?

            What does amphetamine release?
            """
        },
    )
    assert _claims(kg) == []


def test_label_lines_under_a_drug_read_like_cards(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Drugs/Aripiprazole.md": """
            ---
            type: drug
            ---
            ## Receptors
            - D2 receptor: partial agonist, hence fewer motor effects
            - Side effects: restlessness
            """,
            "Notes/N.md": """
            ## Caffeine
            - A2A: antagonist
            - Adenosine A1 receptor: antagonist (weaker)
            """,
        },
    )
    assert _claims(kg, "Drugs/Aripiprazole.md") == [
        ("D2 receptor: partial agonist, hence fewer motor effects", 5)
    ]
    assert triples(kg, "Drugs/Aripiprazole.md") == {
        ("Aripiprazole", "partial agonist", "Dopamine D2 receptor")
    }
    assert triples(kg, "Notes/N.md") == {
        ("Caffeine", "antagonist", "Adenosine A2A receptor"),
        ("Caffeine", "antagonist", "Adenosine A1 receptor"),
    }


def test_odd_cards_and_label_lines_are_read_in_linear_time() -> None:
    import time

    from vaultkg.kg import cards

    odd = [
        " " * 5_000 + "as" + " " * 5_000 + " — " + " as " * 3_000,
        " " * 20_000 + "x",
        "X needs " * 3_000 + " — y",
        "a as " * 4_000 + " — x, as an agonist",
        ":" * 20_000,
    ]
    start = time.perf_counter()
    for text in odd:
        cards.readings(text)
        cards.label_reading(text)
    assert time.perf_counter() - start < 1.0
