"""Names resolved against a vocabulary: variants, context names, typing with no configuration.

The vocabulary here is a small one written for these tests, so they do not depend on the
shipped data.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kgutil import write_vault

from vaultkg.kg.entities import carriers, vocab_key, with_vocabulary
from vaultkg.kg.graph import KnowledgeGraph, build
from vaultkg.kg.names import NameMatcher
from vaultkg.kg.vocabulary import Term, Vocabulary
from vaultkg.vault import read_vault

VOCAB = Vocabulary.from_terms(
    [
        Term("drug/caffeine", "Caffeine", "drug", names=("1,3,7-trimethylxanthine",),
             identifiers=("chebi:27732",), parents=("class/methylxanthine",)),
        Term("class/methylxanthine", "Methylxanthine", "drug-class", names=("xanthines",)),
        Term("drug/haloperidol", "Haloperidol", "drug", names=("Haldol",)),
        Term("family/adenosine", "Adenosine receptor", "receptor", names=("P1 receptor",)),
        Term("target/ADORA1", "Adenosine A1 receptor", "receptor",
             names=("A1 receptor", "ADORA1"), context_names=("A1",),
             identifiers=("uniprot:P30542",), parents=("family/adenosine",)),
        Term("target/ADORA2A", "Adenosine A2A receptor", "receptor",
             names=("A2A receptor", "ADORA2A"), context_names=("A2A",),
             identifiers=("uniprot:P29274",), parents=("family/adenosine",)),
        Term("target/DRD2", "Dopamine D2 receptor", "receptor", names=("D2 receptor", "DRD2"),
             context_names=("D2",)),
        Term("target/HTR2A", "5-HT2A receptor", "receptor", names=("serotonin 2A receptor",)),
        Term("target/ADRA1A", "Alpha-1A adrenergic receptor", "receptor",
             names=("alpha-1A adrenoceptor",)),
        Term("target/OPRM1", "Mu opioid receptor", "receptor", context_names=("MOR",)),
        Term("target/SLC6A4", "Serotonin transporter", "transporter", names=("SERT",),
             carries=("nt/serotonin",)),
        Term("target/SLC6A2", "Norepinephrine transporter", "transporter",
             context_names=("NET",)),
        Term("target/ACE", "Angiotensin-converting enzyme", "enzyme", context_names=("ACE",)),
        Term("target/ACHE", "Acetylcholinesterase", "enzyme", names=("AChE",)),
        Term("family/muscarinic", "Muscarinic acetylcholine receptor", "receptor",
             names=("muscarinic receptor",)),
        Term("target/KCNH2", "hERG channel", "channel", names=("Kv11.1",)),
        Term("nt/serotonin", "Serotonin", "neurotransmitter", names=("5-HT",)),
        Term("mech/lumbar-puncture", "Lumbar puncture", "mechanism", names=("LP",)),
    ]
)  # fmt: skip


def kg_of(root: Path, notes: dict[str, str], vocab: Vocabulary = VOCAB) -> KnowledgeGraph:
    write_vault(root, notes, cast=False)
    return build(read_vault(root, jobs=1), vocab)


def mentioned(kg: KnowledgeGraph, note: str) -> list[str]:
    return [e for c in kg.claims if c.note == note for e in c.entities]


# -- name variants in prose ----------------------------------------------------------------

VARIANTS = [
    ("Ketanserin acts at the 5-HT₂A receptor.", "target/HTR2A"),
    ("Ketanserin acts at 5HT2A receptors.", "target/HTR2A"),
    ("Ketanserin acts at the 5\u2011HT2A receptor.", "target/HTR2A"),
    ("Ketanserin acts at the 5\u2013HT2A receptor.", "target/HTR2A"),
    ("Ketanserin acts at the serotonin 2A receptor.", "target/HTR2A"),
    ("Prazosin acts at the α1A-adrenoceptor.", "target/ADRA1A"),
    ("Prazosin acts at the α₁A adrenergic receptor.", "target/ADRA1A"),
    ("Prazosin acts at alpha 1A adrenergic receptors.", "target/ADRA1A"),
    ("Prazosin acts at the ALPHA-1A ADRENERGIC RECEPTOR.", "target/ADRA1A"),
    ("Morphine acts at the μ-opioid receptor.", "target/OPRM1"),
    ("Morphine acts at mu opioid receptors.", "target/OPRM1"),
    ("Morphine is a MOR agonist.", "target/OPRM1"),
    ("Sulpiride blocks D2s in the striatum.", "target/DRD2"),
    ("Sulpiride is a potent D2 antagonist.", "target/DRD2"),
    ("Dopamine D2 receptors are blocked by many drugs.", "target/DRD2"),
    ("Reboxetine inhibits NET selectively.", "target/SLC6A2"),
    ("Captopril is an ACE inhibitor.", "target/ACE"),
    ("Donepezil inhibits AChE.", "target/ACHE"),
    ("Several drugs prolong QT through Kv11.1 block.", "target/KCNH2"),
    ("Theophylline belongs to the xanthines.", "class/methylxanthine"),
]


@pytest.mark.parametrize(("sentence", "term"), VARIANTS)
def test_spelling_variants_resolve_in_prose(tmp_path: Path, sentence: str, term: str) -> None:
    kg = kg_of(tmp_path, {"Notes/N.md": sentence + "\n"})
    assert mentioned(kg, "Notes/N.md") == [vocab_key(term)]


NOT_NAMES = [
    "Patients took vitamin D2 every winter.",
    "The net effect was a small rise.",
    "She drew the ACE of spades twice.",
    "LPS was injected to cause inflammation.",
    "The A1 sauce was on the table.",
    "Grade A1 evidence is rare in this field.",
    "The D2 exit of the motorway was closed.",
]


@pytest.mark.parametrize("sentence", NOT_NAMES)
def test_ambiguous_short_names_need_context(tmp_path: Path, sentence: str) -> None:
    kg = kg_of(tmp_path, {"Notes/N.md": sentence + "\n"})
    assert mentioned(kg, "Notes/N.md") == []


def test_matcher_keeps_offsets_into_the_text() -> None:
    m = NameMatcher([("5-HT2A receptor", "h")], contextual=[("D2", "d")])
    text = "Both the 5‑HT₂A receptor and D2 receptors."
    found = [(x.start, x.end, x.text) for x in m.find(text)]
    assert found == [(9, 24, "5‑HT₂A receptor"), (29, 31, "D2")]


def test_longest_name_wins() -> None:
    m = NameMatcher([("Adenosine", "nt"), ("Adenosine A1 receptor", "a1"), ("A1 receptor", "a1")])
    assert [(x.text, x.entities) for x in m.find("The adenosine A1 receptor and adenosine.")] == [
        ("adenosine A1 receptor", ("a1",)),
        ("adenosine", ("nt",)),
    ]


def test_plural_of_capital_abbreviation_is_not_stripped() -> None:
    m = NameMatcher([("LP", "lp"), ("SSRI", "ssri"), ("NET", "net")])
    assert [x.text for x in m.find("LPS, SSRIs and NETs")] == ["SSRIs", "NETs"]


def test_seed_sentence_gives_two_relations_with_no_notes(tmp_path: Path) -> None:
    kg = kg_of(
        tmp_path, {"Notes/Coffee.md": "Caffeine is an adenosine receptor A1/A2A antagonist.\n"}
    )
    got = {(kg.title(r.subject), r.action, kg.title(r.object)) for r in kg.relations}
    assert got == {
        ("Caffeine", "antagonist", "Adenosine A1 receptor"),
        ("Caffeine", "antagonist", "Adenosine A2A receptor"),
    }


def test_a_family_named_beside_its_members_is_not_one_more_target(tmp_path: Path) -> None:
    kg = kg_of(
        tmp_path,
        {
            "Notes/A.md": "Caffeine blocks A1 and A2A receptors, the two adenosine receptor "
            "subtypes that matter.\n\nCaffeine blocks the adenosine receptor.\n",
        },
    )
    got = [(kg.title(m.subject), m.action, kg.title(m.object)) for c in kg.claims
           for m in c.relations]  # fmt: skip
    assert got == [
        ("Caffeine", "antagonist", "Adenosine A1 receptor"),
        ("Caffeine", "antagonist", "Adenosine A2A receptor"),
        ("Caffeine", "antagonist", "Adenosine receptor"),
    ]


# -- vocabulary entities -------------------------------------------------------------------


def test_unmentioned_terms_stay_out_and_mentioned_ones_bring_their_family(tmp_path: Path) -> None:
    kg = kg_of(tmp_path, {"Notes/Coffee.md": "Caffeine blocks the A1 receptor.\n"})
    assert sorted(k for k, e in kg.entities.items() if e.note is None) == [
        "vocab:class/methylxanthine",
        "vocab:drug/caffeine",
        "vocab:family/adenosine",
        "vocab:target/ADORA1",
    ]
    a1 = kg.entities["vocab:target/ADORA1"]
    assert (a1.title, a1.type, a1.note, a1.vocab_id, a1.parents) == (
        "Adenosine A1 receptor",
        "receptor",
        None,
        "target/ADORA1",
        ["vocab:family/adenosine"],
    )
    assert a1.identifiers == [("uniprot:P30542", "http://purl.uniprot.org/uniprot/P30542")]
    assert kg.entities["vocab:drug/caffeine"].parents == ["vocab:class/methylxanthine"]


def test_a_vault_note_is_the_term_it_names(tmp_path: Path) -> None:
    kg = kg_of(
        tmp_path,
        {
            "Targets/A2A.md": "---\ntype: receptor\naliases: [Adenosine A2A receptor]\n---\n",
            "Notes/Coffee.md": "Caffeine blocks A2A receptors in the striatum.\n",
        },
    )
    a2a = kg.entities["Targets/A2A.md"]
    assert (a2a.title, a2a.type, a2a.note, a2a.vocab_id) == (
        "A2A",
        "receptor",
        "Targets/A2A.md",
        "target/ADORA2A",
    )
    assert ("uniprot:P29274", "http://purl.uniprot.org/uniprot/P29274") in a2a.identifiers
    assert a2a.parents == ["vocab:family/adenosine"]
    assert "vocab:target/ADORA2A" not in kg.entities
    assert mentioned(kg, "Notes/Coffee.md") == ["vocab:drug/caffeine", "Targets/A2A.md"]


def test_a_note_declaring_another_type_overrides_the_vocabulary(tmp_path: Path) -> None:
    kg = kg_of(
        tmp_path,
        {
            "Caffeine.md": "---\ntype: mechanism\n---\n",
            "Notes/Coffee.md": "Caffeine keeps people awake.\n",
        },
    )
    caffeine = kg.entities["Caffeine.md"]
    assert (caffeine.type, caffeine.vocab_id) == ("mechanism", None)
    assert mentioned(kg, "Notes/Coffee.md") == ["Caffeine.md"]
    assert "vocab:drug/caffeine" not in kg.entities


def test_titles_name_their_entity_type(tmp_path: Path) -> None:
    kg = kg_of(
        tmp_path,
        {
            "Muscarinic Receptors.md": "Five subtypes.\n",
            "Acetylcholinesterase.md": "Breaks down acetylcholine.\n",
            "Pharmacology/hERG channel.md": "Blocking it prolongs QT.\n",
            "Targets/SERT.md": "Carries serotonin.\n",
            "Targets/D2.md": "A receptor.\n",
            "ACE.md": "Adverse childhood experiences.\n",
            "Notes/Plain.md": "Nothing known here.\n",
        },
    )
    got = {e.key: (e.type, e.vocab_id) for e in kg.entities.values() if e.note}
    assert got == {
        "Muscarinic Receptors.md": ("receptor", "family/muscarinic"),
        "Acetylcholinesterase.md": ("enzyme", "target/ACHE"),
        "Pharmacology/hERG channel.md": ("channel", "target/KCNH2"),
        "Targets/SERT.md": ("transporter", "target/SLC6A4"),
        "Targets/D2.md": ("receptor", "target/DRD2"),
        "ACE.md": ("concept", None),
        "Notes/Plain.md": ("concept", None),
    }


def test_a_typed_note_keeps_its_term_from_notes_named_alike(tmp_path: Path) -> None:
    kg = kg_of(
        tmp_path,
        {
            "Drugs/Haloperidol.md": "---\ntype: drug\n---\n",
            "Reading/Haloperidol.md": "My reading list.\n",
            "A/Caffeine.md": "One note.\n",
            "B/Caffeine.md": "Another note.\n",
            "Notes/N.md": "Haloperidol blocks D2 receptors.\n",
        },
    )
    got = {k: (e.type, e.vocab_id) for k, e in kg.entities.items() if e.note}
    assert got == {
        "Drugs/Haloperidol.md": ("drug", "drug/haloperidol"),
        "Reading/Haloperidol.md": ("concept", None),
        "A/Caffeine.md": ("concept", None),
        "B/Caffeine.md": ("concept", None),
        "Notes/N.md": ("concept", None),
    }
    assert mentioned(kg, "Notes/N.md") == ["Drugs/Haloperidol.md", "vocab:target/DRD2"]


def test_carriers_map_transmitters_to_transporters() -> None:
    entities = with_vocabulary({}, VOCAB)
    assert carriers(entities, VOCAB) == {"vocab:nt/serotonin": "vocab:target/SLC6A4"}


# -- typing with no configuration ----------------------------------------------------------


def test_tags_fields_properties_and_folders_type_notes(tmp_path: Path) -> None:
    kg = kg_of(
        tmp_path,
        {
            "Book.md": "A textbook. #source/book\n",
            "Lithium.md": "type:: drug\n\nA mood stabiliser.\n",
            "Valproate.md": "---\ncategory: medication\n---\n",
            "Clozapine.md": "---\ntags: [pharmacology/drugs]\n---\n",
            "Zotero/Smith 2020.md": "A paper.\n",
            "Medications/Sertraline.md": "An antidepressant.\n",
            "Pharmacology/Drugs/Fluoxetine.md": "Another one.\n",
            "Literature/Review.md": "A review.\n",
            "Receptors/Sigma-1.md": "A chaperone.\n",
            "Daily/2024-01-01.md": "A day.\n",
            "Croup.md": "# Croup\n\n## Treatment\n\nOne dose of oral dexamethasone #drug.\n",
            "Chickenpox.md": "# Chickenpox\n\n## Aciclovir #drug\n\nFor adults.\n",
            "Ondansetron.md": "# Ondansetron\n\nAn antiemetic.\n\n## Notes\n\ntags: #drug\n",
        },
        vocab=Vocabulary(),
    )
    types = {e.key: e.type for e in kg.entities.values()}
    assert types == {
        "Lithium.md": "drug",
        "Valproate.md": "drug",
        "Clozapine.md": "drug",
        "Medications/Sertraline.md": "drug",
        "Pharmacology/Drugs/Fluoxetine.md": "drug",
        "Receptors/Sigma-1.md": "receptor",
        "Daily/2024-01-01.md": "concept",
        "Croup.md": "concept",
        "Chickenpox.md": "concept",
        "Ondansetron.md": "drug",
    }
    assert sorted(kg.sources) == ["Book.md", "Literature/Review.md", "Zotero/Smith 2020.md"]


def test_settings_override_the_folder_defaults(tmp_path: Path) -> None:
    kg = kg_of(
        tmp_path,
        {
            "vaultkg.toml": '[types]\n"Drugs" = "mechanism"\n',
            "Drugs/Tolerance.md": "Plain note.\n",
            "Drugs/Caffeine.md": "---\ntype: drug\n---\n",
        },
    )
    assert {e.key: e.type for e in kg.entities.values()} == {
        "Drugs/Tolerance.md": "mechanism",
        "Drugs/Caffeine.md": "drug",
    }


# -- exports of entities with no note ------------------------------------------------------


def test_exports_accept_entities_with_no_note(tmp_path: Path) -> None:
    import jsonschema

    from vaultkg.export.json_export import to_json
    from vaultkg.export.rdf import dataset, serialize
    from vaultkg.kg.evidence import LEVELS  # noqa: F401  (the JSON refers to levels)

    kg = kg_of(tmp_path / "v", {"Notes/Coffee.md": "Caffeine blocks the A1 receptor.\n"})
    data = json.loads(json.dumps(to_json(kg)))
    schema = json.loads(
        (Path(__file__).parents[1] / "src/vaultkg/data/graph.schema.json").read_text("utf-8")
    )
    jsonschema.validate(data, schema)
    a1 = next(e for e in data["entities"] if e["id"] == "vocab:target/ADORA1")
    assert (a1["note"], a1["vocab_id"], a1["parents"]) == (
        None,
        "target/ADORA1",
        ["vocab:family/adenosine"],
    )
    import rdflib

    rdf = rdflib.Graph().parse(data=serialize(dataset(kg), "n-triples"), format="nt")
    iri = "https://example.org/vaultkg/vocab/target/ADORA1"
    labels = {str(o) for s, p, o in rdf if str(s) == iri and str(p).endswith("prefLabel")}
    assert labels == {"Adenosine A1 receptor"}


# -- the linker ----------------------------------------------------------------------------


def test_linker_uses_context_rules_and_links_only_to_notes(tmp_path: Path) -> None:
    from vaultkg.link import LinkOptions, build_entities, plan_links

    write_vault(
        tmp_path,
        {
            "Targets/Dopamine D2 receptor.md": "---\ntype: receptor\n---\n",
            "Notes/N.md": "Patients took vitamin D2 daily. Sulpiride is a D2 antagonist.\n"
            "The D2 exit was closed. Caffeine and DRD2 are named here.\n",
        },
        cast=False,
    )
    v = read_vault(tmp_path, spans=True, jobs=1)
    table = build_entities(v.notes, v.config, v.index, vocabulary=VOCAB)
    plan = plan_links(v.notes, v.config, v.index, LinkOptions(), table)
    got = [(p.line, p.text, p.target) for n in plan.notes for p in n.proposals]
    assert got == [
        (1, "D2", "Dopamine D2 receptor"),
        (2, "DRD2", "Dopamine D2 receptor"),
    ]


# -- empty answers explain themselves ------------------------------------------------------


def _cli(*args: str) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from vaultkg.cli import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_query_with_no_targets_says_why(tmp_path: Path) -> None:
    write_vault(
        tmp_path,
        {
            "Drugs/Examplamine.md": "---\ntype: drug\n---\nExamplamine helps people sleep.\n",
        },
        cast=False,
    )
    code, out, err = _cli("query", "relations", str(tmp_path))
    assert code == 0
    assert out.splitlines()[0].split() == ["drug", "action", "target", "level", "certainty",
                                           "claims", "where"]  # fmt: skip
    assert err == (
        "vaultkg: no target entities in this vault: name receptors in notes (e.g. 'D2 "
        "receptor') or type a note with 'type: receptor'; run 'vaultkg init' to see what "
        "vaultkg finds\n"
    )
    code, _, err = _cli("query", "drugs", str(tmp_path), "--target", "D2")
    assert code == 1
    assert err.startswith("vaultkg: error: no target entities in this vault")


def test_claims_with_no_claims_says_why(tmp_path: Path) -> None:
    write_vault(tmp_path, {"Notes/Walk.md": "I went for a long walk today.\n"}, cast=False)
    code, out, err = _cli("claims", str(tmp_path), "--format", "json")
    assert (code, out) == (0, "[]\n")
    assert err == (
        "vaultkg: no claims in 1 notes: a sentence is a claim when it names an entity, and "
        "only 0 typed entities are known; name drugs and receptors in notes or type notes "
        "with 'type: drug'; run 'vaultkg init'\n"
    )


def test_site_matrix_says_why_it_is_empty(tmp_path: Path) -> None:
    from vaultkg.export.site import write_site

    kg = kg_of(tmp_path / "v", {"Notes/Walk.md": "I went for a long walk today.\n"})
    write_site(kg, tmp_path / "site")
    html = (tmp_path / "site" / "matrix.html").read_text("utf-8")
    assert "Why: no drug entities in this vault: name drugs in notes" in html


def test_site_matrix_shows_vocabulary_entities(tmp_path: Path) -> None:
    import re

    from vaultkg.export.site import write_site
    from vaultkg.export.site.anchors import claim_anchor

    kg = kg_of(tmp_path / "v", {"Notes/Coffee.md": "Caffeine blocks the A1 receptor.\n"})
    write_site(kg, tmp_path / "site")
    html = (tmp_path / "site" / "matrix.html").read_text("utf-8")
    claim = kg.relations[0].claims[0]
    assert re.findall(r'<th scope="row">([^<]*)</th>', html) == ["Caffeine"]
    assert "<span>Adenosine A1 receptor</span>" in html
    assert re.findall(r'class="cell-rel[^"]*" href="([^"]*)"', html) == [
        f"notes/notes/coffee.html#{claim_anchor(claim)}"
    ]


def test_a_name_written_in_more_words_than_it_has() -> None:
    m = NameMatcher([("alpha-1A adrenergic receptor", "a1a")])
    assert [x.text for x in m.find("the alpha 1 A adrenergic receptor")] == [
        "alpha 1 A adrenergic receptor"
    ]


def test_rdf_with_vocabulary_entities_conforms_to_the_shapes(tmp_path: Path) -> None:
    from importlib import resources

    import pyshacl
    import rdflib

    from vaultkg.export.rdf import dataset, serialize

    kg = kg_of(
        tmp_path,
        {
            "Drugs/Caffeine.md": "---\ntype: drug\n---\nCaffeine blocks A1 and A2A receptors.\n",
            "Notes/Theophylline.md": "Theophylline, like the xanthines, blocks the A1 receptor.\n",
        },
    )
    data = rdflib.Graph().parse(data=serialize(dataset(kg), "n-triples"), format="nt")
    files = resources.files("vaultkg") / "data"
    shapes, ontology = (
        rdflib.Graph().parse(data=(files / n).read_text("utf-8"), format="turtle")
        for n in ("vaultkg-shapes.ttl", "vaultkg.ttl")
    )
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, advanced=True
    )
    assert conforms, text
    # vkg:memberOf, not skos:broader: a drug or a receptor is not a SKOS concept (issue 13)
    member_of = rdflib.URIRef("https://w3id.org/vaultkg/ns#memberOf")
    broader = {
        (str(s).rsplit("/", 2)[-1], str(o).rsplit("/", 1)[-1])
        for s, o in data.subject_objects(member_of)
    }
    assert broader == {
        ("Caffeine", "methylxanthine"),
        ("ADORA1", "adenosine"),
        ("ADORA2A", "adenosine"),
    }


def test_stats_count_vocabulary_entities_apart(tmp_path: Path) -> None:
    kg = kg_of(
        tmp_path,
        {
            "Drugs/Caffeine.md": "---\ntype: drug\n---\nCaffeine blocks the A1 receptor.\n",
        },
    )
    stats = kg.stats()
    assert (stats["entities"], stats["vocabulary_entities"]) == (
        {"drug": 1},
        {"drug-class": 1, "receptor": 2},
    )


def test_a_name_inside_a_word_with_an_underscore_is_no_mention() -> None:
    from vaultkg.kg.names import NameMatcher

    matcher = NameMatcher([("caffeine", "Drugs/Caffeine.md")])
    assert [m.text for m in matcher.find("caffeine_ and snake_caffeine, then caffeine.")] == [
        "caffeine"
    ]


def _load_kg(root: Path, notes: dict[str, str]) -> KnowledgeGraph:
    write_vault(root, notes, cast=False)
    return build(read_vault(root, jobs=1))


def test_a_note_named_for_a_kind_is_an_index_not_one_of_the_kind(tmp_path: Path) -> None:
    kg = _load_kg(
        tmp_path,
        {
            "Drugs/Drugs.md": "#drug\nEvery drug note links here.\n",
            "Drugs/Haloperidol.md": "Blocks D2 receptors.\n",
            "Receptors MOC.md": "#receptor\n- [[Haloperidol]]\n",
            "Declared.md": "---\ntype: drug\n---\nA note that says what it is wins.\n",
        },
    )
    types = {k: e.type for k, e in kg.entities.items() if e.note}
    assert types["Drugs/Drugs.md"] == "concept"
    assert types["Receptors MOC.md"] == "concept"
    assert types["Drugs/Haloperidol.md"] == "drug"
    assert types["Declared.md"] == "drug"
