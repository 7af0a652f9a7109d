"""Every note convention of docs/conventions.md, one small vault at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from kgutil import claim_with, load, triples

from vaultkg.kg.claims import claim_id

# -- entity types -----------------------------------------------------------------------


def test_entity_type_rules_in_order(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "A.md": "---\nType: Drug\ntags: [receptor]\n---\n",
            "B.md": "Body with a #type/transporter tag.\n",
            "C.md": "Body with a #receptor tag.\n",
            "Enzymes/MAO-B.md": "Plain note.\n",
            "vaultkg.toml": '[types]\n"Enzymes" = "enzyme"\n',
            "D.md": "---\ntype: ion channel\n---\n",
            "E.md": "Just a note.\n",
        },
        cast=False,
    )
    types = {e.title: e.type for e in kg.entities.values()}
    assert types == {
        "A": "drug",
        "B": "transporter",
        "C": "receptor",
        "MAO-B": "enzyme",
        "D": "channel",
        "E": "concept",
    }


def test_identifiers_become_curies_and_iris(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Caffeine.md": "---\ntype: drug\nchebi: CHEBI:27732\nchembl: chembl113\n---\n",
            "D2.md": "---\ntype: receptor\nuniprot: p14416\nchembl: CHEMBL217\n---\n",
            "Paper.md": "---\ntype: source\ndoi: https://doi.org/10.1176/ajp.153.2.151\n"
            "pmid: 8561194\n---\n",
        },
        cast=False,
    )
    assert kg.entities["Caffeine.md"].identifiers == [
        ("chebi:27732", "http://purl.obolibrary.org/obo/CHEBI_27732"),
        ("chembl.compound:CHEMBL113", "https://www.ebi.ac.uk/chembl/compound/inspect/CHEMBL113"),
        # the built-in vocabulary knows caffeine's DrugBank id; the note's own ids come first
        ("drugbank:DB00201", "https://go.drugbank.com/drugs/DB00201"),
    ]
    assert kg.entities["D2.md"].identifiers == [
        ("chembl.target:CHEMBL217", "https://www.ebi.ac.uk/chembl/target/inspect/CHEMBL217"),
        ("uniprot:P14416", "http://purl.uniprot.org/uniprot/P14416"),
        ("hgnc.symbol:DRD2", "https://www.genenames.org/data/gene-symbol-report/#!/symbol/DRD2"),
    ]
    paper = kg.sources["Paper.md"]
    assert (paper.doi, paper.pmid, paper.source_type) == (
        "10.1176/ajp.153.2.151",
        "8561194",
        "journal article",
    )


# -- explicit relations -------------------------------------------------------------------


@pytest.mark.parametrize(
    "key", ["antagonist_of", "antagonist of", "antagonist-of", "Antagonist_Of"]
)
def test_relation_field_spellings(tmp_path: Path, key: str) -> None:
    kg = load(tmp_path, {"Drugs/Caffeine.md": f"---\ntype: drug\n---\n{key}:: [[A1]]\n"})
    # [[A1]] is not a note; the alias is not a link target, so nothing resolves
    assert triples(kg) == set()
    kg = load(
        tmp_path,
        {
            "Drugs/Caffeine.md": f"---\ntype: drug\n---\n{key}:: [[Adenosine A1 receptor]], "
            "[[Adenosine A2A receptor]]\n"
        },
    )
    assert triples(kg) == {
        ("Caffeine", "antagonist", "Adenosine A1 receptor"),
        ("Caffeine", "antagonist", "Adenosine A2A receptor"),
    }
    rel = kg.query_relations(drug="caffeine", target="A1")[0]
    assert rel.explicit is True


def test_relation_in_front_matter(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Drugs/Haloperidol.md": (
                '---\ntype: drug\nantagonist_of: ["[[Dopamine D2 receptor]]"]\n---\n'
            )
        },
    )
    claim = claim_with(kg, "antagonist_of")
    assert (claim.kind, claim.line) == ("property", 3)
    assert triples(kg) == {("Haloperidol", "antagonist", "Dopamine D2 receptor")}


def test_field_citation_on_the_same_line(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Sources/Fredholm 1999.md": "---\ntype: source\nsource_type: narrative review\n---\n",
            "Drugs/Caffeine.md": """\
            ---
            type: drug
            ---
            antagonist_of:: [[Adenosine A2A receptor]] [^f]

            [^f]: [[Fredholm 1999]]
            """,
        },
    )
    claim = claim_with(kg, "antagonist_of")
    assert (claim.level, claim.scope, [c.source for c in claim.citations]) == (
        "low",
        "sentence",
        ["Sources/Fredholm 1999.md"],
    )


# -- relations in prose -------------------------------------------------------------------

PROSE_CASES = [
    (
        "[[Caffeine]] is an antagonist at [[Adenosine A2A receptor|A2A receptors]].",
        {("Caffeine", "antagonist", "Adenosine A2A receptor")},
    ),
    (
        "Haloperidol blocks D2 receptors in the striatum.",
        {("Haloperidol", "antagonist", "Dopamine D2 receptor")},
    ),
    (
        "Chronic amphetamine use downregulates D2 receptors.",
        {("Amphetamine", "downregulates", "Dopamine D2 receptor")},
    ),
    (
        "Caffeine is an adenosine receptor A1/A2A antagonist.",
        {
            ("Caffeine", "antagonist", "Adenosine A1 receptor"),
            ("Caffeine", "antagonist", "Adenosine A2A receptor"),
        },
    ),
    (
        "D2 receptors are blocked by haloperidol.",
        {("Haloperidol", "antagonist", "Dopamine D2 receptor")},
    ),
    (
        "Amphetamine releases dopamine through DAT.",
        {("Amphetamine", "releasing agent", "Dopamine transporter")},
    ),
    (
        "Aripiprazole is a partial agonist at D2 receptors.",
        {("Aripiprazole", "partial agonist", "Dopamine D2 receptor")},
    ),
    ("Caffeine is not an agonist at A1 receptors.", set()),
    ("Haloperidol never activates D2 receptors.", set()),
    ("Caffeine and the A2A receptor came up in the same lecture.", set()),
    ("Dopamine is the agonist at D2 receptors.", set()),  # a transmitter, not a drug
    ("Aripiprazole behaves like a weak blocker at D2 receptors.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), PROSE_CASES)
def test_relations_in_prose(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, str]]
) -> None:
    kg = load(tmp_path, {"Notes/N.md": sentence + "\n"})
    assert triples(kg, "Notes/N.md") == expected


def test_negated_relation_is_kept_as_negated(tmp_path: Path) -> None:
    kg = load(tmp_path, {"Notes/N.md": "Caffeine is not an agonist at A1 receptors.\n"})
    claim = claim_with(kg, "not an agonist")
    assert [(m.action, m.negated) for m in claim.relations] == [("agonist", True)]
    assert kg.relations == []


def test_hedged_relation_is_kept_and_marked(tmp_path: Path) -> None:
    kg = load(tmp_path, {"Notes/N.md": "Haloperidol may upregulate D2 receptors.\n"})
    claim = claim_with(kg, "may upregulate")
    assert claim.certainty == "hedged"
    assert [(r.action, r.certainty) for r in kg.relations] == [("upregulates", "hedged")]


def test_drug_note_default_subject(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Drugs/Haloperidol.md": "---\ntype: drug\n---\nIt blocks D2 receptors."
            " Dopamine is an agonist at D2 receptors.\n"
        },
    )
    assert triples(kg) == {("Haloperidol", "antagonist", "Dopamine D2 receptor")}


# -- claims ---------------------------------------------------------------------------------


def test_what_is_and_is_not_a_claim(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """\
            # Caffeine and A1

            Caffeine blocks A1 receptors. Does caffeine block A2A receptors?

            ```
            Caffeine blocks A2A receptors.
            ```

            - Haloperidol raises prolactin.
            - [[Caffeine]]

            > [!claim] Coffee works
            > Sleep debt is real.

            claim:: Amphetamine is a stimulant.
            """,
            "Claims/Haloperidol blocks D2 receptors.md": "---\ntype: claim\n---\nSome text.\n",
        },
    )
    got = sorted((c.note, c.kind, c.text) for c in kg.claims)
    assert got == [
        ("Claims/Haloperidol blocks D2 receptors.md", "title", "Haloperidol blocks D2 receptors"),
        ("Notes/N.md", "callout", "Coffee works"),
        ("Notes/N.md", "callout", "Sleep debt is real."),
        ("Notes/N.md", "field", "Amphetamine is a stimulant."),
        ("Notes/N.md", "sentence", "Caffeine blocks A1 receptors."),
        ("Notes/N.md", "sentence", "Haloperidol raises prolactin."),
    ]
    title_claim = claim_with(kg, "Haloperidol blocks D2 receptors")
    assert [(m.action, kg.title(m.object)) for m in title_claim.relations] == [
        ("antagonist", "Dopamine D2 receptor")
    ]


def test_claim_ids_are_stable_and_text_based(tmp_path: Path) -> None:
    kg = load(tmp_path, {"Notes/N.md": "Caffeine blocks A1 receptors.\n"})
    claim = claim_with(kg, "blocks A1")
    assert claim.id == claim_id("Notes/N.md", "caffeine   BLOCKS A1 receptors.")
    assert (
        claim.id
        == "c"
        + __import__("hashlib").sha1(b"Notes/N.md\ncaffeine blocks a1 receptors.").hexdigest()[:12]
    )
    assert (claim.line, claim.entities) == (
        1,
        ["Drugs/Caffeine.md", "Targets/Adenosine A1 receptor.md"],
    )


# -- evidence ---------------------------------------------------------------------------------

SOURCES = {
    "Sources/Review.md": "---\ntype: source\nsource_type: narrative review\ncitekey: rev2000\n"
    "doi: 10.1000/review\n---\n",
    "Sources/Trial.md": "---\ntype: source\nsource_type: RCT\n---\n",
    "Sources/Blog.md": "---\ntype: source\nsource_type: blog\nurl: https://blog.example.org/x\n"
    "---\n",
    "Sources/Withdrawn.md": "---\ntype: source\nsource_type: meta-analysis\nretracted: true\n---\n",
}


def test_citation_scopes(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            **SOURCES,
            "Notes/N.md": """\
        Caffeine blocks A1 receptors [^1]. Haloperidol blocks D2 receptors.

        Amphetamine releases dopamine through DAT. Caffeine blocks A2A receptors ([[Trial]]).

        Haloperidol blocks D2 receptors in rats [@rev2000].

        Aripiprazole is a partial agonist at D2 receptors (doi:10.1000/review).

        Caffeine is an antagonist at A2A receptors, see https://blog.example.org/x.

        Amphetamine is an agonist at D2 receptors, PMID: 12345678.

        ## References
        - [[Blog]]

        [^1]: [[Review]]
        """,
        },
    )
    levels = {c.text: (c.level, c.scope, [x.source for x in c.citations]) for c in kg.claims}
    assert levels == {
        "Caffeine blocks A1 receptors.": ("low", "sentence", ["Sources/Review.md"]),
        "Haloperidol blocks D2 receptors.": ("very-low", "note", ["Sources/Blog.md"]),
        "Amphetamine releases dopamine through DAT.": ("high", "block", ["Sources/Trial.md"]),
        "Caffeine blocks A2A receptors (Trial).": ("high", "sentence", ["Sources/Trial.md"]),
        "Haloperidol blocks D2 receptors in rats.": ("low", "sentence", ["Sources/Review.md"]),
        "Aripiprazole is a partial agonist at D2 receptors (doi:10.1000/review).": (
            "low",
            "sentence",
            ["Sources/Review.md"],
        ),
        "Caffeine is an antagonist at A2A receptors, see https://blog.example.org/x.": (
            "very-low",
            "sentence",
            ["Sources/Blog.md"],
        ),
        "Amphetamine is an agonist at D2 receptors, PMID: 12345678.": (
            "moderate",
            "sentence",
            ["pmid:12345678"],
        ),
    }


def test_sources_front_matter_covers_the_note(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            **SOURCES,
            "Notes/N.md": '---\nsources: ["[[Trial]]"]\n---\nCaffeine blocks A1 receptors.\n',
        },
    )
    claim = claim_with(kg, "blocks A1")
    assert (claim.level, claim.scope) == ("high", "note")


def test_unsupported_and_retracted(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            **SOURCES,
            "Notes/N.md": "Caffeine blocks A1 receptors.\n\n"
            "Caffeine blocks A2A receptors ([[Withdrawn]]).\n",
        },
    )
    plain = claim_with(kg, "blocks A1")
    withdrawn = claim_with(kg, "blocks A2A")
    assert (plain.level, plain.scope, plain.flags) == ("unsupported", None, [])
    assert (withdrawn.level, withdrawn.scope, withdrawn.flags) == (
        "unsupported",
        "sentence",
        ["retracted"],
    )
    assert [c.text for c in kg.query_claims(unsupported=True)] == [
        "Caffeine blocks A1 receptors.",
        "Caffeine blocks A2A receptors (Withdrawn).",
    ]


def test_inline_citations_infer_source_types(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """\
        Caffeine blocks A1 receptors [^w]. Caffeine blocks A2A receptors [^b].

        Haloperidol blocks D2 receptors [^j].

        [^w]: https://en.wikipedia.org/wiki/Caffeine
        [^b]: Smith J. Drugs and the brain. Oxford University Press, 2001.
        [^j]: Jones A. Some paper. J Neurosci. 2001;21(3):100-110.
        """
        },
    )
    got = {c.text: kg.sources[c.citations[0].source].source_type for c in kg.claims}
    assert got == {
        "Caffeine blocks A1 receptors.": "encyclopedia",
        "Caffeine blocks A2A receptors.": "book",
        "Haloperidol blocks D2 receptors.": "journal article",
    }


def test_contested_needs_opposite_directions_of_the_same_kind(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/A.md": "Caffeine is an antagonist at A2A receptors.\n\n"
            "Haloperidol is an antagonist at D2 receptors.\n",
            "Notes/B.md": "Caffeine is an agonist at A2A receptors.\n\n"
            "Haloperidol upregulates D2 receptors.\n",
        },
    )
    contested = {(kg.title(r.subject), r.action, r.contested) for r in kg.relations}
    assert contested == {
        ("Caffeine", "antagonist", True),
        ("Caffeine", "agonist", True),
        ("Haloperidol", "antagonist", False),
        ("Haloperidol", "upregulates", False),
    }
    assert claim_with(kg, "an agonist at A2A").flags == ["contested"]


def test_queries_match_titles_and_aliases(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": "Haloperidol blocks D2 receptors. Amphetamine reverses "
            "DAT. Caffeine blocks A1 receptors.\n"
        },
    )
    assert [kg.title(r.subject) for r in kg.query_relations(target="d2")] == ["Haloperidol"]
    assert [kg.title(r.object) for r in kg.query_relations(drug="CAFFEINE")] == [
        "Adenosine A1 receptor"
    ]
    assert [kg.action_label(r) for r in kg.query_relations(target="dopamine transporter")] == [
        "releasing agent"
    ]
    assert kg.query_relations(action="antagonist", min_level="low") == []
