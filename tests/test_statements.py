"""Which lines of a note are checkable statements of fact (kg/statements.py)."""

from __future__ import annotations

import time

import pytest

from vaultkg.kg.statements import has_predicate, not_a_statement

STATEMENTS = [
    "Haloperidol blocks D2 receptors in the striatum.",
    "Clozapine has a low affinity for D2 receptors",
    "Opioids bind mu receptors",
    "Cocaine and DAT turn up together in addiction research.",
    "Metabolised by CYP2D6",
    "Blocked by curare",
    "Responsive to the agonist nicotine",
    "Haloperidol — D2 antagonist",
    "Amphetamine → dopamine efflux",
    "Tardive dyskinesia: involuntary movements after years of treatment",
    "D2 is the receptor every antipsychotic shares:",
    "Chronic caffeine use upregulates A1 receptors",
    "When caffeine wears off, adenosine acts on A1 receptors again.",
    "Rx: potent topical steroids",
    "2nd line: haloperidol",
    "MOA: D2 antagonism",
    "If agitation persists then haloperidol 5 mg",
]


@pytest.mark.parametrize("text", STATEMENTS)
def test_statements_of_fact(text: str) -> None:
    assert not_a_statement(text) is None


NOT_STATEMENTS = [
    # questions
    ("Does caffeine block A2A receptors?", "question"),
    ("Why do antipsychotics cause weight gain? **", "question"),
    ("Which drugs block D2 receptors", "question"),
    # instructions and learning objectives
    ("Describe the mechanism of action of haloperidol.", "instruction"),
    ("Explain why clozapine causes agranulocytosis", "instruction"),
    ("List three drugs that block D2 receptors", "instruction"),
    ("Know the side effects of lithium", "instruction"),
    ("Be able to compare typical and atypical antipsychotics", "instruction"),
    ("TODO: check the dose of risperidone", "instruction"),
    ("Students should recognise serotonin syndrome", "instruction"),
    # narration about the material
    ("This slide shows the dopamine pathways of the brain.", "narration"),
    ("In this lecture we look at anxiolytics.", "narration"),
    ("Figure 2 is a dose-response curve for morphine.", "narration"),
    ("This is a plot of receptor occupancy against dose.", "narration"),
    ("We will discuss benzodiazepines next week.", "narration"),
    ("Its dosing is outlined in Table 4.", "narration"),
    ("The findings are described in Figure 3.", "narration"),
    # navigation and link lists
    ("Next: Lecture 4", "navigation"),
    ("Back to Pharmacology MOC", "navigation"),
    ("See also Serotonin syndrome", "navigation"),
    ("Home > Drugs > Antipsychotics", "navigation"),
    # tags
    ("#pharmacology #antipsychotics", "tags"),
    ("#review #d2 receptors", "tags"),
    ("tags: #literature cardiology review", "metadata"),
    ("Status:: draft", "metadata"),
    ("title: Receptor regulation in the striatum", "metadata"),
    ("**Related drugs**:: Caffeine blocks A1", "metadata"),
    # fragments and labels
    ("Dopamine — reward", "fragment"),
    ("Mechanism of action", "fragment"),
    ("Key drugs:", "label"),
    ("Its side effects include:", "label"),
    ("The first-line treatment of absence seizures is either:", "label"),
    # mnemonics
    ("Mnemonic: LEMON for the anticholinergic signs", "mnemonic"),
    ("SAD PIGS", "mnemonic"),
    # code, URLs and paths
    ("Attachments/Lecture%2004%20slides.pdf", "code or path"),
    ("https://example.org/receptors/d2", "code or path"),
    ("Pharmacology/Week 3/Antipsychotics.md", "code or path"),
    ("occupancy = dose / (dose + ED50);", "code or path"),
]


@pytest.mark.parametrize(("text", "reason"), NOT_STATEMENTS)
def test_not_statements(text: str, reason: str) -> None:
    assert not_a_statement(text) == reason


def test_a_line_of_links_is_navigation() -> None:
    links = ["Haloperidol", "Clozapine", "Risperidone"]
    assert not_a_statement("Haloperidol, Clozapine, Risperidone", links=links) == "navigation"
    assert not_a_statement("Haloperidol blocks Clozapine", links=links[:2]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Naltrexone is a mu opioid receptor antagonist", True),
        ("Antipsychotics block D2 receptors", True),
        ("Lithium inhibits GSK3", True),
        ("Mechanism", False),
        ("Side effects", False),
        ("D2 antagonists", False),
        ("Dopamine release", False),
        ("Block of the D2 receptor", False),
        ("Drugs used in schizophrenia", False),
        ("Causes", False),
        ("Causes of hyperprolactinaemia", False),
        ("Limits and complications", False),
        ("What it is", False),
        ("Being a partial agonist", False),
    ],
)
def test_a_heading_needs_a_finite_verb(text: str, expected: bool) -> None:
    assert has_predicate(text, heading=True) is expected
    assert (not_a_statement(text, heading=True) is None) is expected


def test_a_card_may_ask_in_its_question() -> None:
    assert not_a_statement("What does haloperidol block? — D2 receptors", card=True) is None
    assert not_a_statement("What does haloperidol block?") == "question"


def test_nothing_under_a_heading_of_objectives_or_questions_is_a_statement() -> None:
    text = "Haloperidol blocks D2 receptors"
    assert not_a_statement(text, context=["Pharmacology", "Learning objectives"]) is not None
    assert not_a_statement(text, context=["Review questions"]) is not None
    assert not_a_statement(text, context=["Pharmacology", "Mechanism"]) is None
    # the nearest heading decides: a subsection of statements under "Questions"
    assert not_a_statement(text, context=["Questions", "Complications"]) is None


ADVERSARIAL = [
    " " * 100_000 + ";",
    "[[a]]" + "   " * 30 + "x",
    "a / " * 20_000 + "b",
    "x" * 100_000 + "/",
    "{{c1::" * 20_000,
    "Which" + " receptor," * 20_000,
    "%2" * 50_000,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_long_odd_lines_are_judged_in_linear_time(text: str) -> None:
    start = time.perf_counter()
    not_a_statement(text, links=["a"], card=True)
    not_a_statement(text, heading=True)
    assert time.perf_counter() - start < 1.0
