"""Conformance with Obsidian's documented Markdown rules, one edge case at a time.

Each expectation below was written from Obsidian's help pages (internal links, embeds, tags,
properties, block ids, callouts, comments), not from the parser's output. Lines and columns are
1-based and count characters, as an editor shows them.
"""

from __future__ import annotations

import pytest
from parse_helpers import fixture, links, note, parse, sentences, tags, targets

# ---------------------------------------------------------------------------------------
# wikilinks, embeds and Markdown links


def test_every_wikilink_form_in_the_links_fixture() -> None:
    n = fixture("links.md")
    assert links(n) == [
        ("wikilink", "Dopamine", (), None, None, False, None, 2, 7),
        ("wikilink", "Dopamine", (), None, "DA", False, None, 3, 7),
        ("wikilink", "Dopamine", ("Synthesis",), None, None, False, None, 4, 9),
        ("wikilink", "Dopamine", ("Synthesis", "Rate limit"), None, None, False, None, 5, 8),
        ("wikilink", "", ("Links",), None, None, False, None, 6, 11),
        ("wikilink", "Dopamine", (), "tyrosine-step", None, False, None, 7, 7),
        ("wikilink", "Neurotransmitters/Dopamine", (), None, None, False, None, 8, 8),
        ("wikilink", "Dopamine.md", (), None, None, False, None, 9, 11),
        ("wikilink", "Dopamine", (), None, "the amine", False, None, 10, 8),
        ("wikilink", "Receptor map.png", (), None, None, True, "640x480", 11, 7),
        ("wikilink", "Receptor map.png", (), None, None, True, "320", 11, 41),
        ("wikilink", "Binding curve.pdf", (), None, None, True, None, 11, 71),
        ("wikilink", "Dopamine", ("Synthesis",), None, None, True, None, 12, 12),
        ("wikilink", "Receptor map.png", (), None, "D2 sites", True, None, 12, 49),
        ("markdown", "Dopamine agonists.md", (), None, None, False, None, 13, 10),
        ("markdown", "D2 receptor.md", (), None, None, False, None, 13, 49),
        ("markdown", "Reuptake.md", ("Transporter block",), None, None, False, None, 14, 10),
        ("markdown", "", ("Links",), None, None, False, None, 14, 56),
        ("markdown", "Binding curve.png", (), None, None, True, None, 15, 8),
        ("wikilink", "Haloperidol", (), None, "haloperidol", False, None, 19, 3),
        ("wikilink", "D2 receptor", ("Binding",), None, "D2", False, None, 19, 34),
    ]


def test_links_read_as_the_reader_sees_them() -> None:
    n = fixture("links.md")
    assert sentences(n)[:10] == [
        ("paragraph", "Plain Dopamine link.", 2, 1),
        ("paragraph", "Alias DA here.", 3, 1),
        ("paragraph", "Heading Dopamine > Synthesis here.", 4, 1),
        ("paragraph", "Nested Dopamine > Synthesis > Rate limit here.", 5, 1),
        ("paragraph", "Same note Links here.", 6, 1),
        ("paragraph", "Block Dopamine > ^tyrosine-step here.", 7, 1),
        ("paragraph", "Folder Dopamine here.", 8, 1),
        ("paragraph", "Extension Dopamine here.", 9, 1),
        ("paragraph", "Spaces the amine here.", 10, 1),
        ("paragraph", "Embed and and.", 11, 1),
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # the alias is everything after the first pipe
        ("[[Ki|a|b]]", ("Ki", (), None, "a|b")),
        # an empty alias is no alias
        ("[[Ki|]]", ("Ki", (), None, None)),
        # heading then block: both kept
        ("[[Ki#Assay#^step-2]]", ("Ki", ("Assay",), "step-2", None)),
        # a stray "]" after the link is text
        ("[[Ki]]]", ("Ki", (), None, None)),
        # same-note block link
        ("[[#^anchor-1|see above]]", ("", (), "anchor-1", "see above")),
    ],
)
def test_wikilink_splitting(source: str, expected: tuple[object, ...]) -> None:
    (link,) = note(source + "\n").links
    assert (link.target, link.headings, link.block, link.alias) == expected


@pytest.mark.parametrize(
    "source",
    ["[[]]", "[[ ]]", "[[open", "[[line\nbreak]]", "[[a [[b]]", "[Dopamine]"],
)
def test_not_wikilinks(source: str) -> None:
    n = note(source + "\n")
    assert targets(n) == (["b"] if "[[b]]" in source else [])


def test_escaped_pipe_in_table_cells_gives_the_alias_and_exact_columns() -> None:
    text = (
        "| Drug | Note |\n|---|---|\n"
        "| [[Clozapine\\|clozapine]] | x [[D4 receptor#Affinity\\|D4]] #atypical |\n"
    )
    n = note(text)
    assert links(n) == [
        ("wikilink", "Clozapine", (), None, "clozapine", False, None, 3, 3),
        ("wikilink", "D4 receptor", ("Affinity",), None, "D4", False, None, 3, 32),
    ]
    assert tags(n) == [("atypical", 3, 61)]


def test_same_cell_text_in_two_columns_gets_each_cells_column() -> None:
    n = note("| a | b |\n|---|---|\n| [[Same]] | [[Same]] |\n")
    assert [(link.line, link.col) for link in n.links] == [(3, 3), (3, 14)]


def test_markdown_links_to_local_notes_are_decoded_and_external_urls_are_not_links() -> None:
    n = note(
        "[a](Drug%20classes/SSRI.md) [b](<Drug classes/SNRI.md>) [c](Notes/Half%20life.md#^k)"
        " [d](mailto:x@example.org) [e](https://example.org/x.md) [f](../Elsewhere.md)\n"
    )
    assert [(link.target, link.headings, link.block) for link in n.links] == [
        ("Drug classes/SSRI.md", (), None),
        ("Drug classes/SNRI.md", (), None),
        ("Notes/Half life.md", (), "k"),
        ("../Elsewhere.md", (), None),
    ]
    assert {link.kind for link in n.links} == {"markdown"}
    assert n.blocks[0].sentences[0].urls == ["https://example.org/x.md"]


# ---------------------------------------------------------------------------------------
# nothing inside code, math, HTML comments or %%comments%% counts


def test_nothing_inside_code_math_or_comments_is_a_link_or_tag() -> None:
    n = fixture("excluded.md")
    assert links(n) == [("wikilink", "Visible", (), None, None, False, None, 27, 6)]
    assert tags(n) == [("visible", 27, 22)]


def test_an_unclosed_comment_hides_the_rest_of_the_note() -> None:
    n = note("Before [[A]].\n\n%% open\n[[B]] #b\n\nstill hidden [[C]]\n")
    assert targets(n) == ["A"]
    assert tags(n) == []


def test_an_unterminated_fence_runs_to_the_end_of_the_note() -> None:
    n = note("Before [[A]].\n\n```\n[[B]] #b\n")
    assert targets(n) == ["A"]
    assert tags(n) == []


def test_html_blocks_are_not_read_but_inline_html_text_is() -> None:
    n = note("<div>\n[[InBlock]] #inblock\n</div>\n\nText <span>[[Inline]]</span> here.\n")
    assert targets(n) == ["Inline"]
    assert tags(n) == []


# ---------------------------------------------------------------------------------------
# tags


def test_tag_rules_in_the_tags_fixture() -> None:
    n = fixture("tags.md")
    assert tags(n) == [
        ("receptor", 1, 1),
        ("y1984", 2, 30),
        ("5HT2A", 2, 41),
        ("pharmacology/receptors/D2", 3, 8),
        ("dose-response", 3, 39),
        ("half_life", 3, 58),
        ("☀️", 4, 7),
        ("🧪", 4, 15),
        ("café", 4, 30),
        ("ドーパミン", 4, 36),
        ("рецептор", 4, 43),
        ("agonist", 6, 22),
        ("antagonist", 6, 32),
        ("only", 6, 60),
    ]


@pytest.mark.parametrize(
    "source", ["#1984", "#12/34", "\\#escaped", "a#b", "https://x.org/#frag", "# heading", "#"]
)
def test_not_tags(source: str) -> None:
    assert tags(note(f"Text {source} end\n")) == []


def test_a_line_starting_with_hash_and_no_space_is_a_tag_not_a_heading() -> None:
    n = note("#trial-design\n")
    assert tags(n) == [("trial-design", 1, 1)]
    assert n.headings == []


# ---------------------------------------------------------------------------------------
# front matter (properties)


def test_front_matter_properties_aliases_tags_and_links() -> None:
    n = fixture("structure.md")
    assert n.aliases == ["DA", "3-hydroxytyramine"]
    assert n.property("ALIASES") == ["DA", "3-hydroxytyramine"]
    assert n.frontmatter_lines == 7
    assert [(t.name, t.line, t.col, t.source) for t in n.tags if t.source == "frontmatter"] == [
        ("neurotransmitter", 3, 7, "frontmatter"),
        ("catecholamine", 3, 25, "frontmatter"),
    ]
    assert [x for x in links(n) if x[0] == "property"] == [
        ("property", "Norepinephrine", (), None, None, False, None, 4, 11),
        ("property", "Carlsson 1958", (), None, "Carlsson", False, None, 6, 6),
    ]


@pytest.mark.parametrize(
    ("yaml", "aliases", "tags_"),
    [
        (
            "aliases: [SERT, 5-HTT]\ntags: [ssri, transporter]",
            ["SERT", "5-HTT"],
            ["ssri", "transporter"],
        ),
        (
            "aliases: SERT, 5-HTT\ntags: ssri, transporter",
            ["SERT", "5-HTT"],
            ["ssri", "transporter"],
        ),
        ("Aliases:\n  - SERT\nTags:\n  - '#ssri'", ["SERT"], ["ssri"]),
        ("alias: SERT\ntag: ssri", ["SERT"], ["ssri"]),
        ("ALIASES: SERT\nTAGS: ssri transporter", ["SERT"], ["ssri", "transporter"]),
        ("aliases:\ntags:", [], []),
    ],
)
def test_aliases_and_tags_as_list_or_comma_string_with_any_key_case(
    yaml: str, aliases: list[str], tags_: list[str]
) -> None:
    n = note(f"---\n{yaml}\n---\nBody.\n")
    assert n.aliases == aliases
    assert [t.name for t in n.tags] == tags_


def test_front_matter_lines_keep_body_line_numbers() -> None:
    n = note("---\ntitle: x\n---\nFirst [[Body link]].\n")
    assert links(n) == [("wikilink", "Body link", (), None, None, False, None, 4, 7)]


def test_a_thematic_break_later_in_the_note_is_not_front_matter() -> None:
    n = note("Intro.\n---\ntags: x\n---\n")
    assert n.properties == {}
    assert n.frontmatter_lines == 0


def test_invalid_front_matter_is_reported_with_its_line_and_the_body_still_parsed() -> None:
    result = parse("---\ntitle: ok\nbad: [unclosed\n---\nBody [[Still]].\n")
    (d,) = result.diagnostics
    assert (d.code, d.severity, d.line) == ("invalid-frontmatter", "error", 4)
    assert "fix the YAML between the '---' lines" in d.message
    assert targets(result.note) == ["Still"]


def test_unclosed_front_matter_is_reported() -> None:
    result = parse("---\ntitle: never closed\n\nBody.\n")
    assert [(d.code, d.line) for d in result.diagnostics] == [("invalid-frontmatter", 1)]


def test_front_matter_that_is_not_a_mapping_is_reported() -> None:
    result = parse("---\n- a\n- b\n---\n")
    assert [d.code for d in result.diagnostics] == ["invalid-frontmatter"]
    assert "not a mapping" in result.diagnostics[0].message


# ---------------------------------------------------------------------------------------
# headings


def test_headings_text_level_line_and_obsidian_anchor() -> None:
    n = note(
        "# Pharmacokinetics: absorption\n"
        "## Half-life (t½) ##\n"
        "### Ki | Kd values\n"
        "## See [[Dopamine|DA]] too\n"
        "#### `Emax` model\n"
        "Setext title\n"
        "============\n"
        "###### Level ^six\n"
    )
    assert [(h.text, h.level, h.line, h.anchor) for h in n.headings] == [
        ("Pharmacokinetics: absorption", 1, 1, "Pharmacokinetics absorption"),
        ("Half-life (t½)", 2, 2, "Half-life (t½)"),
        ("Ki | Kd values", 3, 3, "Ki Kd values"),
        ("See DA too", 2, 4, "See Dopamine DA too"),
        ("Emax model", 4, 5, "`Emax` model"),
        ("Setext title", 1, 6, "Setext title"),
        ("Level", 6, 8, "Level six"),
    ]
    assert [h.slug for h in n.headings][:3] == [
        "pharmacokinetics-absorption",
        "half-life-t½",
        "ki-kd-values",
    ]
    assert targets(n) == ["Dopamine"]


def test_structure_fixture_headings() -> None:
    n = fixture("structure.md")
    assert [(h.text, h.level, h.line, h.anchor) for h in n.headings] == [
        ("Dopamine: a catecholamine", 1, 8, "Dopamine a catecholamine"),
        ("Receptors", 2, 11, "Receptors"),
        ("Inline fields", 3, 26, "Inline fields"),
        ("Setext heading", 2, 30, "Setext heading"),
    ]


# ---------------------------------------------------------------------------------------
# block ids


def test_block_ids_label_their_block() -> None:
    n = fixture("structure.md")
    assert [(b.id, b.line) for b in n.block_ids] == [
        ("tyrosine-step", 9),
        ("d1", 12),
        ("receptor-table", 20),
    ]


def test_a_block_id_on_its_own_line_after_a_callout_labels_the_callout() -> None:
    n = note("> [!note]\n> - one\n> - two\n\n^after-callout\n")
    assert [(b.id, b.line) for b in n.block_ids] == [("after-callout", 1)]


def test_a_block_id_on_the_last_line_of_a_paragraph_labels_the_paragraph() -> None:
    n = note("Intro.\n\nFirst line\nsecond line\n^para-end\n")
    assert [(b.id, b.line) for b in n.block_ids] == [("para-end", 3)]


@pytest.mark.parametrize("source", ["Text ^under_score", "Text^glued", "Text ^id more", "`^code`"])
def test_not_block_ids(source: str) -> None:
    assert note(source + "\n").block_ids == []


def test_block_ids_are_not_prose() -> None:
    n = note("Serotonin is a monoamine. ^mono\n")
    assert sentences(n) == [("paragraph", "Serotonin is a monoamine.", 1, 1)]
    assert n.blocks[0].block_id == "mono"


# ---------------------------------------------------------------------------------------
# callouts


def test_callout_type_fold_title_lines_body_and_title_links() -> None:
    n = fixture("structure.md")
    assert [(c.type, c.fold, c.title, c.line, c.end_line) for c in n.callouts] == [
        ("note", "+", "Binding [[D2 receptor|D2]] sites #binding", 16, 18)
    ]
    assert ("wikilink", "D2 receptor", (), None, "D2", False, None, 16, 20) in links(n)
    assert ("binding", 16, 45) in tags(n)
    body = [s for s in sentences(n) if s[0] == "callout"]
    assert body == [
        ("callout", "Antipsychotics occupy D2 receptors.", 17, 3),
        ("callout", "Occupancy above 80% brings motor effects.", 18, 3),
    ]
    assert {b.callout for b in n.blocks if b.kind == "callout"} == {"note"}


def test_callout_kinds_folds_and_nesting() -> None:
    n = note(
        "> [!WARNING]- Folded\n> Outer body.\n> > [!tip] Inner\n> > Inner body.\n\n"
        "> [!question]\n> Is it?\n\n> Plain quote.\n"
    )
    assert [(c.type, c.fold, c.title, c.line, c.end_line) for c in n.callouts] == [
        ("warning", "-", "Folded", 1, 4),
        ("tip", "", "Inner", 3, 4),
        ("question", "", "", 6, 7),
    ]
    assert [(b.kind, b.callout, b.sentences[0].text) for b in n.blocks] == [
        ("callout", "warning", "Outer body."),
        ("callout", "tip", "Inner body."),
        ("callout", "question", "Is it?"),
        ("quote", None, "Plain quote."),
    ]


def test_a_claim_callout_title_is_prose_with_its_links() -> None:
    n = note("> [!claim] Ketamine blocks [[NMDA receptor]] channels.\n> Evidence follows.\n")
    (title, body) = n.blocks
    assert (title.kind, title.line, title.callout) == ("callout", 1, "claim")
    assert [(s.text, s.line, s.col) for s in title.sentences] == [
        ("Ketamine blocks NMDA receptor channels.", 1, 12)
    ]
    assert [link.target for link in title.sentences[0].links] == ["NMDA receptor"]
    assert [s.text for s in body.sentences] == ["Evidence follows."]
    assert links(n) == [("wikilink", "NMDA receptor", (), None, None, False, None, 1, 28)]


# ---------------------------------------------------------------------------------------
# footnotes


def test_footnote_references_and_definitions() -> None:
    n = fixture("structure.md")
    assert [(r.label, r.line, r.col) for r in n.footnote_refs] == [("gi", 13, 33), ("^1", 33, 31)]
    assert [(f.label, f.text, f.line) for f in n.footnotes] == [
        ("gi", "Gi lowers cAMP, see Adenylyl cyclase. It also opens GIRK channels.", 35),
        ("^1", "Written on the same line.", 33),
    ]
    assert [link.target for link in n.footnotes[0].links] == ["Adenylyl cyclase"]
    gi = next(s for b in n.blocks for s in b.sentences if s.text.startswith("D2-like"))
    assert gi.footnotes == ["gi"]


def test_footnote_definitions_are_not_body_prose() -> None:
    n = note("Claim here.[^a]\n\n[^a]: Source text.\n")
    assert sentences(n) == [("paragraph", "Claim here.", 1, 1)]
    assert n.blocks[0].trailing.footnotes == ["a"]


def test_an_undefined_footnote_reference_stays_text() -> None:
    n = note("Claim [^nowhere].\n")
    assert n.footnote_refs == []
    assert sentences(n) == [("paragraph", "Claim [^nowhere].", 1, 1)]


# ---------------------------------------------------------------------------------------
# Dataview inline fields


def test_inline_fields_in_all_three_styles() -> None:
    n = fixture("structure.md")
    assert [(f.key, f.value, f.line, f.col, f.style) for f in n.fields] == [
        ("half-life", "about one minute", 27, 1, "line"),
        ("transporter", "[[DAT]]", 28, 14, "bracket"),
        ("location", "striatum", 28, 42, "paren"),
    ]
    assert [link.target for link in n.fields[1].links] == ["DAT"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Dose:: 10 mg", [("Dose", "10 mg", 1, 1, "line")]),
        ("Onset :: fast", [("Onset", "fast", 1, 1, "line")]),
        ("- item with [route:: oral]", [("route", "oral", 1, 13, "bracket")]),
        ("a (b:: (nested) value) c", [("b", "(nested) value", 1, 3, "paren")]),
        ("ratio:::x", []),
        ("Key with spaces:: yes", [("Key with spaces", "yes", 1, 1, "line")]),
        ("`code:: no`", []),
    ],
)
def test_inline_field_edge_cases(source: str, expected: list[tuple[object, ...]]) -> None:
    n = note(source + "\n")
    assert [(f.key, f.value, f.line, f.col, f.style) for f in n.fields] == expected


# ---------------------------------------------------------------------------------------
# sentences


def test_sentences_with_their_lines_and_columns() -> None:
    n = fixture("structure.md")
    assert sentences(n) == [
        ("paragraph", "Dopamine is synthesised from tyrosine.", 9, 1),
        ("paragraph", "Its rate-limiting step uses tyrosine hydroxylase.", 9, 40),
        ("list_item", "D1-like receptors couple to Gs.", 12, 3),
        ("list_item", "D2-like receptors couple to Gi.", 13, 3),
        ("list_item", "check the D3 data", 14, 7),
        ("callout", "Antipsychotics occupy D2 receptors.", 17, 3),
        ("callout", "Occupancy above 80% brings motor effects.", 18, 3),
        ("paragraph", "Uptake is by DAT and striatum.", 28, 1),
        ("paragraph", "A note with an inline footnote ends here.", 33, 1),
    ]


def test_sentence_splitting_keeps_abbreviations_and_spans_lines() -> None:
    n = note(
        "Opioids, e.g. morphine, act at MOR. Dr. Lee et al. disagree?\n"
        "  The second line starts here! And continues\n"
        "onto a third.\n"
    )
    assert sentences(n) == [
        ("paragraph", "Opioids, e.g. morphine, act at MOR.", 1, 1),
        ("paragraph", "Dr. Lee et al. disagree?", 1, 37),
        ("paragraph", "The second line starts here!", 2, 3),
        ("paragraph", "And continues onto a third.", 2, 32),
    ]


def test_sentences_in_nested_lists_and_quotes() -> None:
    n = note("- Outer item.\n  - Inner item [[X]].\n\n> Quoted text.\n")
    assert sentences(n) == [
        ("list_item", "Outer item.", 1, 3),
        ("list_item", "Inner item X.", 2, 5),
        ("quote", "Quoted text.", 4, 3),
    ]
    assert n.blocks[1].sentences[0].links[0].target == "X"


def test_tags_after_the_last_sentence_belong_to_it() -> None:
    n = note("Diazepam is long acting. #receptor/gaba #exam ^freq\n")
    assert sentences(n) == [("paragraph", "Diazepam is long acting. #receptor/gaba #exam", 1, 1)]


def test_sections_follow_headings() -> None:
    n = note("# A\n## B\nUnder B.\n# C\nUnder C.\n")
    assert [(b.section, b.sentences[0].text) for b in n.blocks] == [
        (("A", "B"), "Under B."),
        (("C",), "Under C."),
    ]


# ---------------------------------------------------------------------------------------
# decoding


def test_crlf_line_ends_and_bom() -> None:
    result = parse(b"\xef\xbb\xbfFirst line\r\nsee [[A]] and #t\r\n")
    assert result.note.bom is True
    assert links(result.note) == [("wikilink", "A", (), None, None, False, None, 2, 5)]
    assert tags(result.note) == [("t", 2, 15)]


def test_columns_count_characters_not_bytes() -> None:
    n = note("Ŝéróţöñîñ → [[5-HT]] #ok\n")
    assert links(n)[0][-2:] == (1, 13)
    assert tags(n) == [("ok", 1, 22)]
