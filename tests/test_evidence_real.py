"""Evidence as real vaults write it: AMA/APA references, PubMed links, footnote clusters,
navigation links, quote callouts, inline source fields, template headings, Zotero."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kgutil import claim_with, load

from vaultkg.kg.identifiers import article_id, find_dois
from vaultkg.kg.references import is_citation_text, looks_like_reference, read_reference


def graded(kg, text: str) -> tuple[str, str | None, list[str]]:  # type: ignore[no-untyped-def]
    claim = claim_with(kg, text)
    return claim.level, claim.scope, [kg.sources[c.source].source_type for c in claim.citations]


# -- reading references ----------------------------------------------------------------------


def test_ama_reference_is_read() -> None:
    ref = read_reference(
        "Novak P, Reyes T, et al; TRIAL group. Ketamine for treatment-resistant depression: a "
        "randomised, double-blind, placebo-controlled study. _Lancet Psychiatry_. "
        "2021;8(4):301-310. doi:10.1016/S2215-0366(21)00012-3."
    )
    assert ref.style == "ama"
    assert ref.authors == ["Novak P", "Reyes T"]
    assert ref.year == 2021
    assert ref.title == (
        "Ketamine for treatment-resistant depression: a randomised, double-blind, "
        "placebo-controlled study"
    )
    assert ref.journal == "Lancet Psychiatry"
    assert ref.doi == "10.1016/S2215-0366(21)00012-3"
    assert ref.source_type == "randomised controlled trial"


def test_apa_reference_is_read() -> None:
    ref = read_reference(
        "Okafor, A., Lind, B. C., & Marsh, D. (2018). Lithium and suicide in mood disorders: "
        "A systematic review and meta-analysis. Journal of Affective Studies, 12(3), 45–60. "
        "https://doi.org/10.1000/jas.2018.045"
    )
    assert (ref.style, ref.year, ref.journal) == ("apa", 2018, "Journal of Affective Studies")
    assert ref.authors == ["Okafor, A.", "Lind, B. C.", "Marsh, D."]
    assert ref.doi == "10.1000/jas.2018.045"
    assert ref.source_type == "meta-analysis"


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (
            "Ito K. Clozapine and myocarditis: a case report. BMJ Case Rep. 2020;13:e1.",
            "case report",
        ),
        ("Ruiz M. Valproate in the mouse cortex. Brain Res. 2015;1600:1-9.", "animal study"),
        (
            "Ahn S. Receptor trafficking in HEK293 cell lines in vitro. Mol Pharm. 2012;3:4.",
            "in-vitro assay",
        ),
        ("Berg T. Statins and dementia: a cohort study. Neurology. 2019;92(1):e1-e9.", "cohort"),
        (
            "Cole R. Smoking and psychosis: a case-control study. Psychol Med. 2011;41:9.",
            "case-control",
        ),
        (
            "Diaz L. Antidepressant use: a cross-sectional survey. BMJ Open. 2017;7:e2.",
            "cross-sectional",
        ),
        (
            "Eng P. Opioid receptors: a narrative review. Pain. 2016;157(2):300-310.",
            "narrative review",
        ),
        (
            "Fox J. Management of delirium: clinical practice guideline. CMAJ. 2014;186:1.",
            "guideline",
        ),
        (
            "Gray H. Ketamine in depression: a consensus statement. JAMA Psychiatry. 2017;74:39.",
            "consensus statement",
        ),
        ("Hale W. Psilocybin in anxiety. medRxiv. 2022;1:1.", "preprint"),
        (
            "Iqbal N. Antipsychotics for delirium. Cochrane Database Syst Rev. 2018;6:CD1.",
            "systematic review",
        ),
        ("Jung E. Dopamine and reward. J Neurosci. 2010;30(2):100-110.", "journal article"),
        ("Katz B. Basic Neuropharmacology. 3rd ed. Oxford University Press; 2014.", "book"),
    ],
)
def test_design_from_the_title(reference: str, expected: str) -> None:
    assert read_reference(reference).source_type == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("doi:10.1016/S0140-6736(20)30183-5.", ["10.1016/S0140-6736(20)30183-5"]),
        ("(see 10.1000/abc(1)2)", ["10.1000/abc(1)2"]),
        ("10.1000/xyz[3]_a, and more", ["10.1000/xyz[3]_a"]),
        ("DOI: 10.1176/ajp.153.2.151;", ["10.1176/ajp.153.2.151"]),
        ("10.1000/open(bracket", ["10.1000/open"]),
        ("version 10.5 of the app", []),
    ],
)
def test_doi_syntax(text: str, expected: list[str]) -> None:
    assert [d for _, _, d in find_dois(text)] == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://pubmed.ncbi.nlm.nih.gov/29128300/", ("pmid", "29128300")),
        ("https://www.ncbi.nlm.nih.gov/pubmed/25992505", ("pmid", "25992505")),
        ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4207727/", ("pmcid", "PMC4207727")),
        ("https://doi.org/10.1016/S0140-6736(20)30183-5", ("doi", "10.1016/S0140-6736(20)30183-5")),
        ("https://www.nejm.org/doi/full/10.1056/NEJMoa0000001", ("doi", "10.1056/NEJMoa0000001")),
        ("https://en.wikipedia.org/wiki/Sertraline", None),
    ],
)
def test_article_pages(url: str, expected: tuple[str, str] | None) -> None:
    assert article_id(url) == expected


def test_citation_like_texts() -> None:
    assert [is_citation_text(t) for t in ("source", "Ref.", "[3]", "Lee 2019", "PubMed")] == [
        True
    ] * 5
    assert [is_citation_text(t) for t in ("Sertraline", "the serotonin transporter")] == [
        False,
        False,
    ]
    assert looks_like_reference("Lee K. A title. J Psych. 2019;80(2):123-130.")
    assert not looks_like_reference("Caffeine blocks A1 receptors.")


# -- grading claims -----------------------------------------------------------------------


def test_ama_footnotes_with_pubmed_links_are_graded_by_design(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": "Caffeine blocks A1 receptors.[^1]\n\n"
            "Haloperidol blocks D2 receptors.[^2]\n\n"
            "Aripiprazole is a partial agonist at D2 receptors.[^3]\n\n"
            "[^1]: Park J, Osei A, et al. Caffeine and sleep latency: a randomized crossover "
            "trial. _Sleep Med_. 2019;55:1-8. [PubMed](https://www.ncbi.nlm.nih.gov/pubmed/30000001)\n"
            "[^2]: Quinn R. Haloperidol dosing in the elderly. _J Clin Psychopharmacol_. "
            "2008;28(1):10-15. [PubMed](https://pubmed.ncbi.nlm.nih.gov/30000002/)\n"
            "[^3]: Stone E, Ward F. Partial agonists at dopamine receptors: a review. "
            "_CNS Drugs_. 2012;26(2):91-99.\n",
        },
    )
    assert graded(kg, "blocks A1") == ("high", "sentence", ["randomised controlled trial"])
    assert graded(kg, "blocks D2") == ("moderate", "sentence", ["journal article"])
    assert graded(kg, "partial agonist") == ("low", "sentence", ["narrative review"])
    source = kg.sources["pmid:30000001"]
    assert (source.title, source.year, source.journal) == (
        "Caffeine and sleep latency: a randomized crossover trial",
        2019,
        "Sleep Med",
    )


def test_identifier_links_in_prose_are_articles(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """
            Caffeine blocks A1 receptors (https://pubmed.ncbi.nlm.nih.gov/30000003/).

            Haloperidol blocks D2 receptors ([link](https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/)).

            Amphetamine releases dopamine through DAT, doi:10.1016/S0140-6736(20)30183-5.
            """,
        },
    )
    assert graded(kg, "blocks A1") == ("moderate", "sentence", ["journal article"])
    assert graded(kg, "blocks D2") == ("moderate", "sentence", ["journal article"])
    claim = claim_with(kg, "releases dopamine")
    assert [c.source for c in claim.citations] == ["doi:10.1016/S0140-6736(20)30183-5"]


def test_footnote_cluster_supports_the_whole_paragraph(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """
            Caffeine blocks A1 receptors. Haloperidol blocks D2 receptors.[^1][^2][^3]

            [^1]: Lane C. Adenosine antagonists: a meta-analysis. Sleep. 2014;37(1):1-9.
            [^2]: Moss D. Dopamine blockade in schizophrenia. Lancet. 2013;382:951-962.
            [^3]: Nash G. Pharmacology. 2nd ed. Oxford University Press; 2010.
            """,
        },
    )
    for text in ("blocks A1", "blocks D2"):
        claim = claim_with(kg, text)
        assert (claim.level, claim.scope, len(claim.citations)) == ("high", "block", 3)


def test_single_footnote_stays_with_its_sentence(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """
            Caffeine blocks A1 receptors. Haloperidol blocks D2 receptors.[^1]

            [^1]: Moss D. Dopamine blockade in schizophrenia. Lancet. 2013;382:951-962.
            """,
        },
    )
    assert graded(kg, "blocks D2") == ("moderate", "sentence", ["journal article"])
    assert graded(kg, "blocks A1") == ("moderate", "block", ["journal article"])


def test_a_link_on_a_name_is_navigation(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """
            [Caffeine](https://en.wikipedia.org/wiki/Caffeine) blocks A1 receptors.

            [Haloperidol](https://go.drugbank.com/drugs/DB00502) blocks D2 receptors.

            Aripiprazole is a partial agonist at D2 receptors ([source](https://en.wikipedia.org/wiki/Aripiprazole)).

            Amphetamine releases dopamine through DAT ([Lee 2019](https://example.org/amph)).

            Caffeine is an antagonist at A2A receptors, see https://en.wikipedia.org/wiki/Adenosine_A2A_receptor.
            """,
        },
    )
    assert graded(kg, "blocks A1") == ("unsupported", None, [])
    assert graded(kg, "blocks D2") == ("unsupported", None, [])
    assert graded(kg, "partial agonist") == ("very-low", "sentence", ["encyclopedia"])
    assert graded(kg, "releases dopamine") == ("very-low", "sentence", ["website"])
    claim = claim_with(kg, "antagonist at A2A")
    assert [c.source for c in claim.citations] == [
        "url:https://en.wikipedia.org/wiki/Adenosine_A2A_receptor"
    ]


def test_a_link_to_a_source_note_still_counts(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Sources/Moss 2013.md": "---\ntype: source\nsource_type: cohort\n---\n",
            "Notes/N.md": "Caffeine blocks A1 receptors, as [the cohort]"
            "(<../Sources/Moss 2013.md>) found, and [[Moss 2013|Moss]] agrees.\n",
        },
    )
    assert graded(kg, "blocks A1") == ("moderate", "sentence", ["cohort"])


def test_quote_callout_titled_by_its_source(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Sources/Moss 2013.md": "---\ntype: source\nsource_type: meta-analysis\n---\n",
            "Notes/N.md": """
            > [!quote] [[Moss 2013]]
            > Caffeine blocks A1 receptors.
            > Haloperidol blocks D2 receptors.

            > [!cite] Moss, p. 4 ([[Moss 2013|source]])
            > Amphetamine releases dopamine through DAT.

            > [!note] [[Moss 2013]]
            > Aripiprazole is a partial agonist at D2 receptors.
            """,
        },
    )
    assert graded(kg, "blocks A1") == ("high", "block", ["meta-analysis"])
    assert graded(kg, "blocks D2") == ("high", "block", ["meta-analysis"])
    assert graded(kg, "releases dopamine") == ("high", "block", ["meta-analysis"])
    assert graded(kg, "partial agonist") == ("unsupported", None, [])


def test_source_notes_typed_by_inline_fields_and_tags(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Sources/Field.md": """
            ---
            type: source
            ---
            > [!info]
            > type:: Research Paper
            > DOI:: 10.1000/field.1
            > year:: 2016
            > authors:: Lane C
            """,
            "Sources/Tagged.md": "---\ntype: source\n---\n#source/book\n",
            "Sources/Trial.md": "---\ntype: source\ntitle: A randomized controlled trial\n---\n",
            "Notes/N.md": """
            Caffeine blocks A1 receptors ([[Field]]).

            Haloperidol blocks D2 receptors ([[Tagged]]).

            Amphetamine releases dopamine through DAT ([[Trial]]).

            Aripiprazole is a partial agonist at D2 receptors (doi:10.1000/field.1).
            """,
        },
    )
    field = kg.sources["Sources/Field.md"]
    assert (field.source_type, field.doi, field.year, field.authors) == (
        "journal article",
        "10.1000/field.1",
        2016,
        ["Lane C"],
    )
    assert kg.sources["Sources/Tagged.md"].source_type == "book"
    assert graded(kg, "releases dopamine") == ("high", "sentence", ["randomised controlled trial"])
    # a DOI cited inline finds the source note that carries it
    assert [c.source for c in claim_with(kg, "partial agonist").citations] == ["Sources/Field.md"]


def test_template_reference_heading_over_statements(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/Card.md": """
            # Card
            Caffeine blocks A1 receptors.

            # Reference
            - Haloperidol blocks [[Dopamine D2 receptor|D2 receptors]].
            - Amphetamine releases dopamine through DAT.
            - Aripiprazole acts on the [[Dopamine D2 receptor]]
            """,
            "Notes/Cited.md": """
            Aripiprazole is a partial agonist at D2 receptors.

            ## References
            - Moss D. Dopamine blockade in schizophrenia. Lancet. 2013;382:951-962.
            - Caffeine review (2015), https://example.org/caffeine
            """,
        },
    )
    assert graded(kg, "blocks D2") == ("unsupported", None, [])
    assert graded(kg, "releases dopamine") == ("unsupported", None, [])
    assert graded(kg, "Aripiprazole acts on") == ("unsupported", None, [])
    assert graded(kg, "partial agonist") == ("moderate", "note", ["journal article", "website"])
    assert not [c for c in kg.claims if "Moss" in c.text]


def test_zotero_citekeys_resolve_through_bibtex(tmp_path: Path) -> None:
    (tmp_path / "Zotero").mkdir()
    (tmp_path / "Zotero" / "library.bib").write_text(
        """
@article{lane2014adenosine,
  title = {Adenosine Antagonists and Sleep: A Meta-Analysis},
  author = {Lane, Carla and Moss, Dan},
  journal = {Sleep},
  year = {2014},
  doi = {10.1000/sleep.2014.1},
}
@book{nash2010pharmacology,
  title = {Pharmacology},
  author = {Nash, Gil},
  publisher = {Oxford University Press},
  year = {2010},
}
@article{ito2020clozapine,
  title = {Clozapine and Myocarditis},
  keywords = {Case Reports, Clozapine},
  year = {2020},
}
""",
        "utf-8",
    )
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """
            Caffeine blocks A1 receptors [@lane2014adenosine].

            Haloperidol blocks D2 receptors [@nash2010pharmacology, p. 4].

            Amphetamine releases dopamine through DAT ([pdf](zotero://select/items/@ito2020clozapine)).

            Aripiprazole is a partial agonist at D2 receptors ([Zotero](zotero://select/library/items/AB12CD34)).
            """,
        },
    )
    assert graded(kg, "blocks A1") == ("high", "sentence", ["meta-analysis"])
    assert kg.sources["doi:10.1000/sleep.2014.1"].authors == ["Lane, Carla", "Moss, Dan"]
    assert graded(kg, "blocks D2") == ("low", "sentence", ["book"])
    assert graded(kg, "releases dopamine") == ("low", "sentence", ["case report"])
    assert graded(kg, "partial agonist") == ("very-low", "sentence", ["unspecified"])
    assert not [d for d in kg.diagnostics if d.code == "unknown-citekey"]


def test_zotero_citekeys_resolve_through_csl_json(tmp_path: Path) -> None:
    items = [
        {
            "id": "berg2019statins",
            "type": "article-journal",
            "title": "Statins and dementia: a prospective cohort study",
            "author": [{"family": "Berg", "given": "Tove"}],
            "issued": {"date-parts": [[2019, 1]]},
            "container-title": "Neurology",
        },
        {"id": "site", "type": "webpage", "title": "A page", "URL": "https://example.org/p"},
    ]
    (tmp_path / "library.json").write_text(json.dumps(items), "utf-8")
    (tmp_path / "other.json").write_text('{"not": "csl"}', "utf-8")
    (tmp_path / "broken.bib").write_text("@article{broken, title = {unclosed", "utf-8")
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """
            Caffeine blocks A1 receptors [@berg2019statins].

            Haloperidol blocks D2 receptors [@site].
            """,
        },
    )
    assert graded(kg, "blocks A1") == ("moderate", "sentence", ["cohort"])
    assert kg.sources["cite:berg2019statins"].year == 2019
    assert graded(kg, "blocks D2") == ("very-low", "sentence", ["website"])


def test_source_field_covers_the_note(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Sources/Moss 2013.md": "---\ntype: source\nsource_type: cohort\n---\n",
            "Notes/Linked.md": "source:: [[Moss 2013]]\n\nCaffeine blocks A1 receptors.\n",
            "Notes/Web.md": "Source:: [Caffeine explained](https://example.org/caffeine)\n\n"
            "Haloperidol blocks D2 receptors.\n",
        },
    )
    assert graded(kg, "blocks A1") == ("moderate", "note", ["cohort"])
    assert graded(kg, "blocks D2") == ("very-low", "note", ["website"])


def test_a_link_standing_alone_is_a_citation(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": """
            Caffeine blocks A1 receptors.
            [Caffeine and adenosine receptors](https://example.org/caffeine)

            - [Caffeine](https://en.wikipedia.org/wiki/Caffeine) blocks A2A receptors.
            """,
        },
    )
    # the link on a line of its own is no claim (a link line), but the paragraph's reference
    assert [c.text for c in kg.claims if "adenosine receptors" in c.text] == []
    claim = claim_with(kg, "blocks A1")
    assert [c.source for c in claim.citations] == ["url:https://example.org/caffeine"]
    assert graded(kg, "blocks A2A") == ("unsupported", None, [])


def test_zotero_pdf_link_cites_its_item(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": "Caffeine blocks A1 receptors "
            "([p. 7](zotero://open-pdf/library/items/Y5PD1234?page=7)).\n",
        },
    )
    assert graded(kg, "blocks A1") == ("very-low", "sentence", ["unspecified"])


def test_reference_words_beat_a_publisher_link(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": "Caffeine blocks A1 receptors.[^1]\n\n"
            "Haloperidol blocks D2 receptors.[^2]\n\n"
            "Amphetamine releases dopamine through DAT.[^3]\n\n"
            "[^1]: Lane C. Adenosine antagonists: a meta-analysis. Sleep. 2014;37(1):1-9. "
            "https://journals.example.org/sleep/article/37/1/1/123\n"
            "[^2]: Moss D. In-hospital arrests: an analysis of Get With The Guidelines data. "
            "Resuscitation. 2018;130:1-7.\n"
            "[^3]: Nash G. Pharmacology, chapter 4. https://www.ncbi.nlm.nih.gov/books/NBK0001/\n",
        },
    )
    assert graded(kg, "blocks A1") == ("high", "sentence", ["meta-analysis"])
    assert graded(kg, "blocks D2") == ("moderate", "sentence", ["journal article"])
    assert graded(kg, "releases dopamine") == ("low", "sentence", ["book"])


def test_a_claim_is_not_read_as_a_reference(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": "Unlike a randomized trial, a cohort found caffeine blocks A1 "
            "(PMID: 4000001).\n"
        },
    )
    assert graded(kg, "blocks A1") == ("moderate", "sentence", ["journal article"])


def test_a_design_learnt_later_regrades_earlier_claims(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/A.md": "Caffeine blocks A1 receptors (PMID: 4000002).\n",
            "Notes/B.md": "Haloperidol blocks D2 receptors.[^1]\n\n"
            "[^1]: Lane C. Caffeine and haloperidol: a randomised controlled trial. "
            "Sleep. 2014;37(1):1-9. PMID: 4000002\n",
        },
    )
    assert graded(kg, "blocks A1") == ("high", "sentence", ["randomised controlled trial"])
    assert graded(kg, "blocks D2") == ("high", "sentence", ["randomised controlled trial"])


def test_unknown_zotero_citekey_is_a_diagnostic(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            "Notes/N.md": "Intro line.\n\n"
            "[Caffeine](zotero://select/items/@nowhere2020) blocks A1 receptors.\n",
        },
    )
    assert graded(kg, "blocks A1") == ("unsupported", None, [])
    found = [d.format() for d in kg.diagnostics if d.code == "unknown-citekey"]
    assert found == [
        "Notes/N.md:3:1: warning: citation key @nowhere2020 matches no source note and no "
        "bibliography entry; add 'citekey: nowhere2020' to the source's front matter "
        "[unknown-citekey]"
    ]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.medrxiv.org/content/10.1101/2021.01.01.21249999v1", "preprint"),
        ("https://doi.org/10.1101/gr.123456.111", "journal article"),
        ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/", "journal article"),
        ("https://www.biorxiv.org/content/early/2020/01/01/1", "preprint"),
        ("https://cks.nice.org.uk/topics/depression/", "guideline"),
        ("https://bnf.nice.org.uk/drugs/sertraline/", "pharmacology database"),
        ("https://go.drugbank.com/drugs/DB01104", "pharmacology database"),
        ("https://www.uptodate.com/contents/serotonin-syndrome", "textbook"),
        ("https://www.ncbi.nlm.nih.gov/books/NBK482219/", "book"),
        ("https://en.wikipedia.org/wiki/Sertraline", "encyclopedia"),
        ("https://example.org/sertraline", "website"),
    ],
)
def test_source_type_of_a_cited_page(tmp_path: Path, url: str, expected: str) -> None:
    kg = load(tmp_path, {"Notes/N.md": f"Caffeine blocks A1 receptors ([source]({url})).\n"})
    assert graded(kg, "blocks A1")[2] == [expected]
