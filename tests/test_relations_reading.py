"""How relation sentences are read: lists, roles, relative clauses, nominalisations, carriers.

Mentions are written inline so the tests do not depend on the vocabulary:
``[dabigatran](drug)``, ``[D2 receptors](receptor:D2)`` (text, type, key; the key defaults to
the text), ``[link text]()`` for a masked link.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vaultkg.kg.relations import Found, Mention, extract

_MARK = re.compile(r"\[([^\]]+)\]\(([\w-]*)(?::([^)]+))?\)")
CARRIERS = {"serotonin": "SERT", "noradrenaline": "NET", "dopamine": "DAT"}


def parse(marked: str) -> tuple[str, list[Mention]]:
    text, mentions, pos = "", [], 0
    for m in _MARK.finditer(marked):
        text += marked[pos : m.start()]
        shown, typ, key = m.group(1), m.group(2), m.group(3)
        mentions.append(
            Mention(len(text), len(text) + len(shown), (key or shown) if typ else "", typ)
        )
        text += shown
        pos = m.end()
    return text + marked[pos:], mentions


def read(marked: str, subject: str | None = None, obj: str | None = None) -> list[tuple[str, ...]]:
    text, mentions = parse(marked)
    found = extract(text, mentions, subject, obj, CARRIERS)
    return [_short(f) for f in found]


def _short(f: Found) -> tuple[str, ...]:
    return (
        (f.subject, f.action, f.object, "negated") if f.negated else (f.subject, f.action, f.object)
    )


# -- lists: a list of drugs shares its predicate; a class noun in a list is only an item -------

LISTS = [
    # a class noun that is an item of a list says nothing of its neighbours
    ("Direct [thrombin](enzyme) inhibitor, [fondaparinux](drug), [argatroban](drug)", []),
    (
        "[ACE](enzyme) inhibitors or [ARBs](drug-class) are first line in diabetic kidney disease",
        [],
    ),
    ("Antiplatelet agents (e.g. [aspirin](drug), [ADP receptor](receptor:P2Y12) inhibitors)", []),
    ("[ACE inhibitors](drug-class) or [ARBs](drug-class) lower proteinuria", []),
    # members of a class noun: such as, e.g., i.e., including, like, parentheses, a colon
    (
        "[ACE](enzyme) inhibitors such as [lisinopril](drug) and [ramipril](drug) lower BP",
        [("lisinopril", "inhibitor", "ACE"), ("ramipril", "inhibitor", "ACE")],
    ),
    (
        "[Thrombin](enzyme) inhibitors (e.g. [dabigatran](drug), [argatroban](drug)) need no INR",
        [("dabigatran", "inhibitor", "Thrombin"), ("argatroban", "inhibitor", "Thrombin")],
    ),
    (
        "[P2Y12](receptor) antagonists, i.e. [clopidogrel](drug) and [ticagrelor](drug), are"
        " given after a stent",
        [("clopidogrel", "antagonist", "P2Y12"), ("ticagrelor", "antagonist", "P2Y12")],
    ),
    (
        "Irreversible [MAO](enzyme) inhibitors including [phenelzine](drug) need a tyramine diet",
        [("phenelzine", "inhibitor", "MAO")],
    ),
    (
        "Drugs like [fluoxetine](drug) and [sertraline](drug) inhibit [SERT](transporter)",
        [("fluoxetine", "inhibitor", "SERT"), ("sertraline", "inhibitor", "SERT")],
    ),
    (
        "[CYP3A4](enzyme) inhibitors: [ketoconazole](drug), [clarithromycin](drug)",
        [("ketoconazole", "inhibitor", "CYP3A4"), ("clarithromycin", "inhibitor", "CYP3A4")],
    ),
    (
        "Anticoagulants: [warfarin](drug), [heparin](drug), direct [thrombin](enzyme) inhibitors"
        " ([dabigatran](drug))",
        [("dabigatran", "inhibitor", "thrombin")],
    ),
    (
        "The [5-HT3 receptor](receptor:5-HT3) antagonist [ondansetron](drug) prevents nausea",
        [("ondansetron", "antagonist", "5-HT3")],
    ),
    # a list of drugs as subject shares the predicate
    (
        "[Dabigatran](drug) and [argatroban](drug) are direct [thrombin](enzyme) inhibitors",
        [("Dabigatran", "inhibitor", "thrombin"), ("argatroban", "inhibitor", "thrombin")],
    ),
    (
        "[Haloperidol](drug) blocks [D2](receptor) and [5-HT2A](receptor) receptors",
        [("Haloperidol", "antagonist", "D2"), ("Haloperidol", "antagonist", "5-HT2A")],
    ),
    # an apposition belongs to the drug right before it, not to the whole list
    (
        "[Fondaparinux](drug), a [factor Xa](enzyme) inhibitor, and [argatroban](drug), a direct"
        " [thrombin](enzyme) inhibitor, replace heparin in HIT",
        [("Fondaparinux", "inhibitor", "factor Xa"), ("argatroban", "inhibitor", "thrombin")],
    ),
    (
        "[Heparin](drug) and [fondaparinux](drug), a [factor Xa](enzyme) inhibitor, are used",
        [("fondaparinux", "inhibitor", "factor Xa")],
    ),
    (
        "[Atropine](drug) (a [muscarinic receptor](receptor:mAChR) antagonist) dries secretions",
        [("Atropine", "antagonist", "mAChR")],
    ),
    # "the <class noun>, <one drug>" is an apposition
    (
        "> The selective [COX-2](enzyme) inhibitor, [celecoxib](drug)",
        [("celecoxib", "inhibitor", "COX-2")],
    ),
    # a drug set apart is not the subject
    (
        "[Cimetidine](drug), unlike [ranitidine](drug), inhibits [CYP450](enzyme)",
        [("Cimetidine", "inhibitor", "CYP450")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), LISTS)
def test_lists_and_class_nouns(sentence: str, expected: list[tuple[str, ...]]) -> None:
    assert read(sentence) == expected


# -- roles: substrate, inducer, inhibitor of an enzyme -----------------------------------------

ROLES = [
    (
        "[Simvastatin](drug) is metabolized by [CYP3A4](enzyme)",
        [("Simvastatin", "substrate", "CYP3A4")],
    ),
    (
        "[Warfarin](drug) is metabolised mainly in the liver by [CYP2C9](enzyme)",
        [("Warfarin", "substrate", "CYP2C9")],
    ),
    ("[Digoxin](drug) is a substrate of [P-gp](transporter)", [("Digoxin", "substrate", "P-gp")]),
    ("[Codeine](drug) is a [CYP2D6](enzyme) substrate", [("Codeine", "substrate", "CYP2D6")]),
    (
        "[Ciclosporin](drug) is a substrate for both [CYP3A4](enzyme) and [P-gp](transporter)",
        [("Ciclosporin", "substrate", "CYP3A4"), ("Ciclosporin", "substrate", "P-gp")],
    ),
    ("[CYP3A4](enzyme) metabolises [midazolam](drug)", [("midazolam", "substrate", "CYP3A4")]),
    (
        "[Clopidogrel](drug) is a prodrug activated by [CYP2C19](enzyme)",
        [("Clopidogrel", "substrate", "CYP2C19")],
    ),
    (
        "[Levodopa](drug) is converted to [dopamine](neurotransmitter) by [DOPA decarboxylase]"
        "(enzyme:DDC)",
        [("Levodopa", "substrate", "DDC")],
    ),
    (
        "Metabolism of [tamoxifen](drug) by [CYP2D6](enzyme) gives endoxifen",
        [("tamoxifen", "substrate", "CYP2D6")],
    ),
    ("[Rifampicin](drug) induces [CYP3A4](enzyme)", [("Rifampicin", "inducer", "CYP3A4")]),
    (
        "[Carbamazepine](drug) is a strong [CYP3A4](enzyme) inducer",
        [("Carbamazepine", "inducer", "CYP3A4")],
    ),
    (
        "[Rifampicin](drug) is an inducer of [CYP3A4](enzyme) and [P-gp](transporter)",
        [("Rifampicin", "inducer", "CYP3A4"), ("Rifampicin", "inducer", "P-gp")],
    ),
    (
        "[CYP3A4](enzyme) is induced by [St John's wort](drug)",
        [("St John's wort", "inducer", "CYP3A4")],
    ),
    ("[Fluoxetine](drug) inhibits [CYP2D6](enzyme)", [("Fluoxetine", "inhibitor", "CYP2D6")]),
    (
        "[Paroxetine](drug) is a strong [CYP2D6](enzyme) inhibitor",
        [("Paroxetine", "inhibitor", "CYP2D6")],
    ),
    # "induces" says nothing of a receptor; "-induced" is an affix
    ("[Ketamine](drug) induces [NMDA receptor](receptor:NMDA) internalisation", []),
    (
        "[Haloperidol](drug)-induced [D2](receptor) upregulation",
        [("Haloperidol", "upregulates", "D2")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), ROLES)
def test_roles(sentence: str, expected: list[tuple[str, ...]]) -> None:
    assert read(sentence) == expected


# -- relative clauses bind to their own antecedent -------------------------------------------

RELATIVE = [
    (
        "[Dabigatran](drug), which inhibits [thrombin](enzyme), and [apixaban](drug) and"
        " [rivaroxaban](drug), which inhibit [factor Xa](enzyme), are oral anticoagulants",
        [
            ("Dabigatran", "inhibitor", "thrombin"),
            ("apixaban", "inhibitor", "factor Xa"),
            ("rivaroxaban", "inhibitor", "factor Xa"),
        ],
    ),
    (
        "[Dabigatran](drug), which is a prodrug, inhibits [thrombin](enzyme)",
        [("Dabigatran", "inhibitor", "thrombin")],
    ),
    ("[Cocaine](drug) raises [dopamine](neurotransmitter), which activates [D1](receptor)", []),
    (
        "[COX-1](enzyme), which is irreversibly inhibited by [aspirin](drug), makes thromboxane",
        [("aspirin", "inhibitor", "COX-1")],
    ),
    (
        "[Haloperidol](drug) and [chlorpromazine](drug), which block [D2](receptor), cause EPS",
        [("Haloperidol", "antagonist", "D2"), ("chlorpromazine", "antagonist", "D2")],
    ),
    (
        "[Neostigmine](drug) is an [acetylcholinesterase](enzyme:AChE) inhibitor that does not"
        " cross the blood-brain barrier",
        [("Neostigmine", "inhibitor", "AChE")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), RELATIVE)
def test_relative_clauses(sentence: str, expected: list[tuple[str, ...]]) -> None:
    assert read(sentence) == expected


# -- nominalisations ---------------------------------------------------------------------------

NOMINAL = [
    (
        "Inhibition of [COX-1](enzyme) by [aspirin](drug) lowers thromboxane",
        [("aspirin", "inhibitor", "COX-1")],
    ),
    (
        "[Haloperidol](drug)-mediated blockade of [D2 receptors](receptor:D2) causes EPS",
        [("Haloperidol", "antagonist", "D2")],
    ),
    (
        "Blockade of [D2 receptors](receptor:D2) by [haloperidol](drug) raises prolactin",
        [("haloperidol", "antagonist", "D2")],
    ),
    (
        "Binding of [naloxone](drug) to [mu-opioid receptors](receptor:MOR) reverses an overdose",
        [("naloxone", "binds", "MOR")],
    ),
    (
        "[Caffeine](drug)'s antagonism at [A2A receptors](receptor:A2A) keeps us awake",
        [("Caffeine", "antagonist", "A2A")],
    ),
    (
        "Activation of [mu-opioid receptors](receptor:MOR) by [morphine](drug) slows breathing",
        [("morphine", "agonist", "MOR")],
    ),
    (
        "[Aspirin](drug) works through irreversible inhibition of [COX-1](enzyme)",
        [("Aspirin", "inhibitor", "COX-1")],
    ),
    (
        "Induction of [CYP3A4](enzyme) by [rifampicin](drug) lowers ciclosporin levels",
        [("rifampicin", "inducer", "CYP3A4")],
    ),
    ("Activation of [D2](receptor) by [dopamine](neurotransmitter) lowers cAMP", []),
    # a drug far before a nominalisation does not bring it about
    (
        "[Anticholinesterases](drug-class) give twitching as part of a wider picture of the"
        " activation of [nicotinic receptors](receptor:nAChR)",
        [],
    ),
    (
        "[Aspirin](drug) acetylates and inhibits the activity of [COX-1](enzyme)",
        [("Aspirin", "inhibitor", "COX-1")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), NOMINAL)
def test_nominalisations(sentence: str, expected: list[tuple[str, ...]]) -> None:
    assert read(sentence) == expected


# -- a transporter named by what it carries ----------------------------------------------------

CARRIED = [
    (
        "[Venlafaxine](drug) inhibits the reuptake of [5-HT](neurotransmitter:serotonin) and"
        " [NA](neurotransmitter:noradrenaline)",
        [("Venlafaxine", "inhibitor", "SERT"), ("Venlafaxine", "inhibitor", "NET")],
    ),
    (
        "[Sertraline](drug) is a selective [serotonin](neurotransmitter) reuptake inhibitor",
        [("Sertraline", "inhibitor", "SERT")],
    ),
    (
        "[Bupropion](drug) blocks [dopamine](neurotransmitter) reuptake",
        [("Bupropion", "inhibitor", "DAT")],
    ),
    (
        "[SSRIs](drug-class) inhibit the reuptake of [serotonin](neurotransmitter)",
        [("SSRIs", "inhibitor", "SERT")],
    ),
    (
        "Inhibition of [serotonin](neurotransmitter) reuptake by [SSRIs](drug-class) takes weeks"
        " to help",
        [("SSRIs", "inhibitor", "SERT")],
    ),
    ("[Haloperidol](drug) blocks [dopamine](neurotransmitter) signalling", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CARRIED)
def test_transporter_named_by_its_substrate(sentence: str, expected: list[tuple[str, ...]]) -> None:
    assert read(sentence) == expected


def test_without_carriers_a_transmitter_names_nothing() -> None:
    text, mentions = parse(
        "[Sertraline](drug) inhibits the reuptake of [serotonin](neurotransmitter)"
    )
    assert extract(text, mentions) == []


# -- indirect effects are not agonism -----------------------------------------------------------

INDIRECT = [
    (
        "[Amphetamine](drug) raises [dopamine](neurotransmitter) levels and so indirectly"
        " activates [D1 receptors](receptor:D1)",
        [],
    ),
    ("[Amphetamine](drug) activates [D2 receptors](receptor:D2) via release of dopamine", []),
    ("[Amphetamine](drug) indirectly activates [D2 receptors](receptor:D2)", []),
    ("[Diazepam](drug) enhances [GABA](neurotransmitter) signalling", []),
    ("[Fluoxetine](drug) increases synaptic [serotonin](neurotransmitter)", []),
    ("[MDMA](drug) releases [serotonin](neurotransmitter)", []),
    (
        "[Amphetamine](drug) releases [dopamine](neurotransmitter) via [DAT](transporter)",
        [("Amphetamine", "releasing agent", "DAT")],
    ),
    (
        "[Cocaine](drug) increases synaptic [dopamine](neurotransmitter), activating"
        " [D1](receptor)",
        [],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), INDIRECT)
def test_indirect_effects(sentence: str, expected: list[tuple[str, ...]]) -> None:
    assert read(sentence) == expected


# -- negation, hedges, comparisons ---------------------------------------------------------------

NEGATION = [
    (
        "[Fluoxetine](drug) is not a substrate of [P-gp](transporter)",
        [("Fluoxetine", "substrate", "P-gp", "negated")],
    ),
    (
        "[Ondansetron](drug) does not block [D2 receptors](receptor:D2)",
        [("Ondansetron", "antagonist", "D2", "negated")],
    ),
    ("[Haloperidol](drug) may block [5-HT2A](receptor)", [("Haloperidol", "antagonist", "5-HT2A")]),
    (
        "[Aripiprazole](drug) is a partial agonist at [D2](receptor) and not an antagonist at"
        " [5-HT1A](receptor)",
        [
            ("Aripiprazole", "partial agonist", "D2"),
            ("Aripiprazole", "antagonist", "5-HT1A", "negated"),
        ],
    ),
    ("[Aripiprazole](drug) behaves like a weak blocker at [D2](receptor)", []),
    (
        "Neither [amisulpride](drug) nor [sulpiride](drug) activates [D2](receptor)",
        [("amisulpride", "agonist", "D2", "negated"), ("sulpiride", "agonist", "D2", "negated")],
    ),
    (
        "[Citalopram](drug) is not a potent [CYP2D6](enzyme) inhibitor, unlike [fluoxetine](drug)",
        [("Citalopram", "inhibitor", "CYP2D6", "negated")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), NEGATION)
def test_negation_hedges_comparisons(sentence: str, expected: list[tuple[str, ...]]) -> None:
    assert read(sentence) == expected


# -- the note's own drug or target ---------------------------------------------------------------

DEFAULTS = [
    # (sentence, default subject, default object, expected)
    (
        "It is a potent [CYP3A4](enzyme) inhibitor.",
        "Ketoconazole",
        None,
        [("Ketoconazole", "inhibitor", "CYP3A4")],
    ),
    (
        "MOA: irreversible inhibition of [COX-1](enzyme) and [COX-2](enzyme)",
        "Aspirin",
        None,
        [("Aspirin", "inhibitor", "COX-1"), ("Aspirin", "inhibitor", "COX-2")],
    ),
    (
        "Direct [thrombin](enzyme) inhibitor, [fondaparinux](drug), [argatroban](drug)",
        "Heparin",
        None,
        [],
    ),
    ("[Thrombin](enzyme) inhibitors are used in HIT", "Argatroban", None, []),
    ("[Haloperidol](drug) is an antagonist.", None, "D2", [("Haloperidol", "antagonist", "D2")]),
    (
        "Blocked by [haloperidol](drug) and [risperidone](drug).",
        None,
        "D2",
        [("haloperidol", "antagonist", "D2"), ("risperidone", "antagonist", "D2")],
    ),
    (
        "Antagonists: [haloperidol](drug), [risperidone](drug)",
        None,
        "D2",
        [("haloperidol", "antagonist", "D2"), ("risperidone", "antagonist", "D2")],
    ),
    ("[Haloperidol](drug) inhibits prolactin release", None, "D2", []),
]


DEFAULTS += [
    (
        "Responsive to the agonist [nicotine](drug) and [ACh](neurotransmitter:acetylcholine).",
        None,
        "nAChR",
        [("nicotine", "agonist", "nAChR")],
    ),
    (
        "Agonists: [varenicline](drug), [cytisine](drug) and [ACh](neurotransmitter:acetylcholine)",
        None,
        "nAChR",
        [("varenicline", "agonist", "nAChR"), ("cytisine", "agonist", "nAChR")],
    ),
    (
        "> - [Mu opioid receptor](receptor:MOR) antagonist",
        "Naloxone",
        None,
        [("Naloxone", "antagonist", "MOR")],
    ),
    (
        "MOA: irreversibly blocks [P2Y12](receptor)",
        "Prasugrel",
        None,
        [("Prasugrel", "antagonist", "P2Y12")],
    ),
    (
        "Heavy smokers spend the day with many [α4β2](receptor:a4b2) receptors desensitized",
        "Nicotine",
        None,
        [("Nicotine", "desensitizes", "a4b2")],
    ),
]


@pytest.mark.parametrize(("sentence", "subject", "obj", "expected"), DEFAULTS)
def test_defaults(
    sentence: str, subject: str | None, obj: str | None, expected: list[tuple[str, ...]]
) -> None:
    assert read(sentence, subject, obj) == expected


# -- sentences written the way study notes are (bullets, quotes, bold, dashes, flashcards) ------

REALISTIC = [
    # (sentence, default subject, default object, expected)
    (
        "> [Warfarin](drug) acts by inhibiting [vitamin K epoxide reductase](enzyme:VKORC1), which"
        " depletes reduced vitamin K.",
        None,
        None,
        [("Warfarin", "inhibitor", "VKORC1")],
    ),
    (
        "- [Statins](drug-class) are competitive inhibitors of [HMG-CoA reductase](enzyme), so"
        " hepatocytes make more LDL receptors",
        None,
        None,
        [("Statins", "inhibitor", "HMG-CoA reductase")],
    ),
    (
        "[Atropine](drug) (muscarinic antagonist) stops over-activation of [muscarinic receptors]"
        "(receptor:mAChR) by [ACh](neurotransmitter:acetylcholine) in organophosphate poisoning",
        None,
        None,
        [],
    ),
    (
        "[Ketamine](drug) — an [NMDA receptor](receptor:NMDA) antagonist — is also used for"
        " induction of anaesthesia",
        None,
        None,
        [("Ketamine", "antagonist", "NMDA")],
    ),
    (
        "[Ondansetron](drug) is a [5-HT3](receptor) antagonist used for chemo-induced nausea",
        None,
        None,
        [("Ondansetron", "antagonist", "5-HT3")],
    ),
    (
        "[Clopidogrel](drug) irreversibly blocks the [P2Y12](receptor) ADP receptor on platelets",
        None,
        None,
        [("Clopidogrel", "antagonist", "P2Y12")],
    ),
    (
        "[Omeprazole](drug) is a [CYP2C19](enzyme) inhibitor and may blunt the effect of"
        " [clopidogrel](drug)",
        None,
        None,
        [("Omeprazole", "inhibitor", "CYP2C19")],
    ),
    (
        "**[Naloxone](drug)**: competitive antagonist at [mu-opioid receptors](receptor:MOR), short"
        " half-life",
        None,
        None,
        [("Naloxone", "antagonist", "MOR")],
    ),
    # no "activator" action on an enzyme: nothing rather than agonism
    ("[Metformin](drug) activates [AMPK](enzyme) in the liver", None, None, []),
    (
        "[Allopurinol](drug) inhibits [xanthine oxidase](enzyme), lowering uric acid",
        None,
        None,
        [("Allopurinol", "inhibitor", "xanthine oxidase")],
    ),
    (
        "Beta blockers such as [propranolol](drug) antagonise [β1](receptor:beta1) and"
        " [β2](receptor:beta2) receptors",
        None,
        None,
        [("propranolol", "antagonist", "beta1"), ("propranolol", "antagonist", "beta2")],
    ),
    (
        "[Tamoxifen](drug) is a prodrug converted by [CYP2D6](enzyme) into endoxifen",
        None,
        None,
        [("Tamoxifen", "substrate", "CYP2D6")],
    ),
    (
        "The [ACE inhibitors](drug-class) block conversion of angiotensin I to angiotensin II",
        None,
        None,
        [],
    ),
    (
        "[Lithium](drug) inhibits [GSK-3β](enzyme:GSK3B) and [inositol monophosphatase]"
        "(enzyme:IMPase)",
        None,
        None,
        [("Lithium", "inhibitor", "GSK3B"), ("Lithium", "inhibitor", "IMPase")],
    ),
    (
        "[Grapefruit juice](drug) inhibits intestinal [CYP3A4](enzyme), so [simvastatin](drug)"
        " levels rise",
        None,
        None,
        [("Grapefruit juice", "inhibitor", "CYP3A4")],
    ),
    (
        "[Nifedipine](drug) blocks L-type [calcium channels](channel:Cav1.2) in vascular smooth"
        " muscle",
        None,
        None,
        [("Nifedipine", "channel blocker", "Cav1.2")],
    ),
    (
        "[Lidocaine](drug) blocks voltage-gated [sodium channels](channel:Nav) from the inside",
        None,
        None,
        [("Lidocaine", "channel blocker", "Nav")],
    ),
    (
        "[Minoxidil](drug) opens [KATP channels](channel:KATP) and relaxes arterioles",
        None,
        None,
        [("Minoxidil", "opener", "KATP")],
    ),
    (
        "[Probenecid](drug) inhibits [OAT1](transporter), reducing renal excretion of"
        " [penicillin](drug)",
        None,
        None,
        [("Probenecid", "inhibitor", "OAT1")],
    ),
    (
        "[Reserpine](drug) irreversibly blocks [VMAT2](transporter)",
        None,
        None,
        [("Reserpine", "inhibitor", "VMAT2")],
    ),
    (
        "Both [tiotropium](drug) and [ipratropium](drug) are [M3](receptor) antagonists",
        None,
        None,
        [("tiotropium", "antagonist", "M3"), ("ipratropium", "antagonist", "M3")],
    ),
    (
        "[Spironolactone](drug) competitively antagonises the [mineralocorticoid receptor]"
        "(receptor:MR)",
        None,
        None,
        [("Spironolactone", "antagonist", "MR")],
    ),
    (
        "[Finasteride](drug) (a [5α-reductase](enzyme:SRD5A2) inhibitor) lowers DHT",
        None,
        None,
        [("Finasteride", "inhibitor", "SRD5A2")],
    ),
    (
        "Non-selective [COX](enzyme) inhibitors, e.g. [ibuprofen](drug) and [naproxen](drug),"
        " irritate the stomach",
        None,
        None,
        [("ibuprofen", "inhibitor", "COX"), ("naproxen", "inhibitor", "COX")],
    ),
    (
        "[Verapamil](drug) and [diltiazem](drug) are non-dihydropyridine [calcium channel]"
        "(channel:Cav1.2) blockers",
        None,
        None,
        [("Verapamil", "channel blocker", "Cav1.2"), ("diltiazem", "channel blocker", "Cav1.2")],
    ),
    (
        "[Ritonavir](drug) boosts [lopinavir](drug) by inhibiting [CYP3A4](enzyme)",
        None,
        None,
        [("Ritonavir", "inhibitor", "CYP3A4")],
    ),
    (
        "[Tolcapone](drug) and [entacapone](drug) inhibit [COMT](enzyme) while [selegiline](drug)"
        " inhibits [MAO-B](enzyme)",
        None,
        None,
        [
            ("Tolcapone", "inhibitor", "COMT"),
            ("entacapone", "inhibitor", "COMT"),
            ("selegiline", "inhibitor", "MAO-B"),
        ],
    ),
    (
        "[St John's wort](drug) is a [CYP3A4](enzyme) and [P-gp](transporter) inducer, so it"
        " lowers [ciclosporin](drug) levels",
        None,
        None,
        [("St John's wort", "inducer", "CYP3A4"), ("St John's wort", "inducer", "P-gp")],
    ),
    (
        "[Amiodarone](drug) inhibits [CYP2C9](enzyme), raising [warfarin](drug) levels",
        None,
        None,
        [("Amiodarone", "inhibitor", "CYP2C9")],
    ),
    (
        "Works by binding [GABA-A receptors](receptor:GABAA) and enhancing GABA-mediated"
        " inhibition",
        "Lorazepam",
        None,
        [("Lorazepam", "binds", "GABAA")],
    ),
    (
        "[Drugs]() that inhibit only [serotonin](neurotransmitter) reuptake are antidepressants",
        None,
        None,
        [],
    ),
    (
        "[Sumatriptan](drug) – [5-HT1B](receptor)/[5-HT1D](receptor) agonist, used for migraine",
        None,
        None,
        [("Sumatriptan", "agonist", "5-HT1B"), ("Sumatriptan", "agonist", "5-HT1D")],
    ),
    (
        "Thiazides inhibit the [NCC](transporter) in the distal tubule; loop diuretics such as"
        " [furosemide](drug) inhibit [NKCC2](transporter)",
        None,
        None,
        [("furosemide", "inhibitor", "NKCC2")],
    ),
    (
        "Potent inducer of [CYP3A4](enzyme) and [CYP2C9](enzyme)",
        "Rifampicin",
        None,
        [("Rifampicin", "inducer", "CYP3A4"), ("Rifampicin", "inducer", "CYP2C9")],
    ),
    (
        "Substrates: [simvastatin](drug), [midazolam](drug), [ciclosporin](drug)",
        None,
        "CYP3A4",
        [
            ("simvastatin", "substrate", "CYP3A4"),
            ("midazolam", "substrate", "CYP3A4"),
            ("ciclosporin", "substrate", "CYP3A4"),
        ],
    ),
    (
        "[SNRIs](drug-class) such as [duloxetine](drug) inhibit reuptake of"
        " [5-HT](neurotransmitter:serotonin) and [noradrenaline](neurotransmitter)",
        None,
        None,
        [("duloxetine", "inhibitor", "SERT"), ("duloxetine", "inhibitor", "NET")],
    ),
    (
        "[Carbidopa](drug) inhibits peripheral [DOPA decarboxylase](enzyme:DDC), so more"
        " [levodopa](drug) reaches the brain",
        None,
        None,
        [("Carbidopa", "inhibitor", "DDC")],
    ),
    (
        "Unlike [heparin](drug), [fondaparinux](drug) inhibits [factor Xa](enzyme) only",
        None,
        None,
        [("fondaparinux", "inhibitor", "factor Xa")],
    ),
    (
        "[Aspirin](drug) and [clopidogrel](drug) (a [P2Y12](receptor) antagonist) are given"
        " together after a stent",
        None,
        None,
        [("clopidogrel", "antagonist", "P2Y12")],
    ),
]


@pytest.mark.parametrize(("sentence", "subject", "obj", "expected"), REALISTIC)
def test_realistic_sentences(
    sentence: str, subject: str | None, obj: str | None, expected: list[tuple[str, ...]]
) -> None:
    assert read(sentence, subject, obj) == expected


def test_long_sentence_stays_fast() -> None:
    """A long list (a table row pasted as prose) reads in time linear-ish in its length."""
    import time

    item = "[drug{i}](drug) inhibits [enzyme{i}](enzyme), "
    marked = "".join(item.format(i=i) for i in range(400))
    text, mentions = parse(marked)
    start = time.perf_counter()
    found = extract(text, mentions)
    assert len(found) == 400
    assert time.perf_counter() - start < 5


# -- sentences that used to mislead the reader ---------------------------------------------------

TRICKY = [
    (
        "Patients on [warfarin](drug) who take [CYP2C9](enzyme) inhibitors such as"
        " [fluconazole](drug) bleed more",
        [("fluconazole", "inhibitor", "CYP2C9")],
    ),
    (
        "[Salbutamol](drug), a [β2](receptor:beta2) agonist, is inhaled with [ipratropium](drug),"
        " a muscarinic antagonist",
        [("Salbutamol", "agonist", "beta2")],
    ),
    (
        "[Ketoconazole](drug) raises [simvastatin](drug) levels by inhibiting [CYP3A4](enzyme)",
        [("Ketoconazole", "inhibitor", "CYP3A4")],
    ),
    (
        "[Simvastatin](drug) toxicity is caused by inhibition of [CYP3A4](enzyme) by"
        " [clarithromycin](drug)",
        [("clarithromycin", "inhibitor", "CYP3A4")],
    ),
    (
        "[Grapefruit juice](drug) is an inhibitor of intestinal [CYP3A4](enzyme), which"
        " metabolises [felodipine](drug)",
        [("Grapefruit juice", "inhibitor", "CYP3A4"), ("felodipine", "substrate", "CYP3A4")],
    ),
    (
        "The antiemetic effect of [ondansetron](drug) comes from [5-HT3](receptor) antagonism",
        [("ondansetron", "antagonist", "5-HT3")],
    ),
    ("[Dopamine](neurotransmitter) agonists such as [bromocriptine](drug) treat prolactinoma", []),
    # a drug that stimulates a receptor is an agonist there (bromocriptine is a D2 agonist)
    (
        "[Bromocriptine](drug) stimulates [D2 receptors](receptor:D2)",
        [("Bromocriptine", "agonist", "D2")],
    ),
    (
        "[Clozapine](drug) has a high affinity for [D4 receptors](receptor:D4)",
        [("Clozapine", "binds", "D4")],
    ),
    (
        "[Omeprazole](drug) reduces [clopidogrel](drug) activation by [CYP2C19](enzyme)",
        [("clopidogrel", "substrate", "CYP2C19")],
    ),
    (
        "[SSRIs](drug-class) increase [serotonin](neurotransmitter), which then activates"
        " [5-HT1A](receptor) autoreceptors",
        [],
    ),
    (
        "[Amphetamine](drug) stimulates release of [dopamine](neurotransmitter) onto [D1](receptor)"
        " receptors",
        [],
    ),
    (
        "[Tricyclics](drug-class) block [SERT](transporter) and [NET](transporter) as well as"
        " [H1](receptor), [M1](receptor) and [α1](receptor:alpha1) receptors",
        [
            ("Tricyclics", "inhibitor", "SERT"),
            ("Tricyclics", "inhibitor", "NET"),
            ("Tricyclics", "antagonist", "H1"),
            ("Tricyclics", "antagonist", "M1"),
            ("Tricyclics", "antagonist", "alpha1"),
        ],
    ),
    (
        "[Physostigmine](drug) inhibits [acetylcholinesterase](enzyme:AChE), so"
        " [ACh](neurotransmitter:acetylcholine) stimulates [muscarinic receptors](receptor:mAChR)",
        [("Physostigmine", "inhibitor", "AChE")],
    ),
    (
        "[Neostigmine](drug) increases [ACh](neurotransmitter:acetylcholine) at the junction and"
        " thereby stimulates [nicotinic receptors](receptor:nAChR)",
        [],
    ),
]


TRICKY += [
    # the antecedent of a relative pronoun is a plain noun: the drug it is said of, if any
    ("The half-life of [warfarin](drug) is prolonged by drugs that inhibit [CYP2C9](enzyme)", []),
    (
        "[Clopidogrel](drug) is a prodrug that is activated by [CYP2C19](enzyme)",
        [("Clopidogrel", "substrate", "CYP2C19")],
    ),
    (
        "[Haloperidol](drug) is a drug that blocks [D2](receptor)",
        [("Haloperidol", "antagonist", "D2")],
    ),
    (
        "[Dabigatran](drug), which is a drug that inhibits [thrombin](enzyme), needs no INR checks",
        [("Dabigatran", "inhibitor", "thrombin")],
    ),
    (
        "Studies show that [haloperidol](drug) blocks [D2](receptor)",
        [("haloperidol", "antagonist", "D2")],
    ),
    # a drug governed by a preposition is not the subject
    (
        "Giving [naloxone](drug) to a patient on [morphine](drug) blocks"
        " [mu receptors](receptor:MOR)",
        [("naloxone", "antagonist", "MOR")],
    ),
    (
        "Co-administration of [fluconazole](drug) with [warfarin](drug) inhibits [CYP2C9](enzyme)",
        [("fluconazole", "inhibitor", "CYP2C9")],
    ),
    (
        "[D2](receptor) and [5-HT2A](receptor) receptors are blocked by [risperidone](drug)",
        [("risperidone", "antagonist", "D2"), ("risperidone", "antagonist", "5-HT2A")],
    ),
    (
        "[Risperidone](drug): [D2](receptor) + [5-HT2A](receptor) antagonist",
        [("Risperidone", "antagonist", "D2"), ("Risperidone", "antagonist", "5-HT2A")],
    ),
    (
        "[Cocaine](drug) is a [DAT](transporter), [SERT](transporter) and [NET](transporter)"
        " inhibitor",
        [
            ("Cocaine", "inhibitor", "DAT"),
            ("Cocaine", "inhibitor", "SERT"),
            ("Cocaine", "inhibitor", "NET"),
        ],
    ),
    (
        "[Fluoxetine](drug) is a potent inhibitor of [CYP2D6](enzyme) and a moderate inhibitor of"
        " [CYP2C19](enzyme)",
        [("Fluoxetine", "inhibitor", "CYP2D6"), ("Fluoxetine", "inhibitor", "CYP2C19")],
    ),
    (
        "[Aspirin](drug) inhibits [COX-1](enzyme) but not [COX-2](enzyme) at low doses",
        [("Aspirin", "inhibitor", "COX-1")],
    ),
    (
        "ADP receptor inhibitors ([clopidogrel](drug), [prasugrel](drug)) block [P2Y12](receptor)",
        [("clopidogrel", "antagonist", "P2Y12"), ("prasugrel", "antagonist", "P2Y12")],
    ),
    (
        "[Methylphenidate](drug) blocks [DAT](transporter) like [cocaine](drug)",
        [("Methylphenidate", "inhibitor", "DAT")],
    ),
    (
        "[Aripiprazole](drug) acts as a [D2](receptor) partial agonist and a [5-HT2A](receptor)"
        " antagonist",
        [("Aripiprazole", "partial agonist", "D2"), ("Aripiprazole", "antagonist", "5-HT2A")],
    ),
    (
        "[Valproate](drug) inhibits the metabolism of [lamotrigine](drug) by [UGT](enzyme)",
        [("Valproate", "inhibitor", "UGT"), ("lamotrigine", "substrate", "UGT")],
    ),
]


TRICKY += [
    # adaptations in the participle: the drug after "by", "after", "in", "with"
    (
        "[D2 receptors](receptor:D2) are upregulated after months of [haloperidol](drug)",
        [("haloperidol", "upregulates", "D2")],
    ),
    (
        "[CB1](receptor) receptors become downregulated in heavy [THC](drug) users",
        [("THC", "downregulates", "CB1")],
    ),
    # a few words between the phrase and its target, a parenthetical aside after the drug
    (
        "[Memantine](drug) lodges in the open pore of the [NMDA receptor](receptor:NMDA)"
        " and plugs the ion channel of the [NMDA receptor](receptor:NMDA)",
        [("Memantine", "channel blocker", "NMDA")],
    ),
    (
        "[Clozapine](drug), for example, is listed as an inverse agonist at [5-HT2A](receptor)",
        [("Clozapine", "inverse agonist", "5-HT2A")],
    ),
    (
        "[Theophylline](drug) acts through blockade of [adenosine](neurotransmitter) receptors"
        " (mainly [A1](receptor) and [A2A](receptor))",
        [("Theophylline", "antagonist", "A1"), ("Theophylline", "antagonist", "A2A")],
    ),
    (
        "[Amphetamine](drug) shows agonism at the intracellular trace amine receptor"
        " [TAAR1](receptor)",
        [("Amphetamine", "agonist", "TAAR1")],
    ),
]


TRICKY += [
    (
        "[Buspirone](drug) is one of the few anxiolytics that is a partial agonist at"
        " [5-HT1A](receptor)",
        [("Buspirone", "partial agonist", "5-HT1A")],
    ),
    (
        "[Lithium](drug) is the classic example of a mood stabiliser that is not a"
        " [GSK-3β](enzyme:GSK3B) activator",
        [],
    ),
    (
        "[Tiotropium](drug) and [aclidinium](drug) (long-acting [M3](receptor) antagonists)",
        [("Tiotropium", "antagonist", "M3"), ("aclidinium", "antagonist", "M3")],
    ),
    (
        "[Apixaban](drug), [rivaroxaban](drug): [factor Xa](enzyme) inhibitors",
        [("Apixaban", "inhibitor", "factor Xa"), ("rivaroxaban", "inhibitor", "factor Xa")],
    ),
    (
        "[Warfarin](drug) and [heparin](drug) (an [antithrombin](enzyme) activator) differ",
        [],
    ),
]


TRICKY += [
    (
        "[Pyrimethamine](drug), like [trimethoprim](drug), is a [DHFR](enzyme) inhibitor",
        [("Pyrimethamine", "inhibitor", "DHFR")],
    ),
    (
        "[Caffeine](drug), like [theophylline](drug), antagonises [A1](receptor) receptors",
        [("Caffeine", "antagonist", "A1")],
    ),
    (
        "[Bisoprolol](drug) is beta-1 selective: it blocks [β1](receptor:beta1) far more than"
        " [β2](receptor:beta2)",
        [("Bisoprolol", "antagonist", "beta1")],
    ),
    ("Fatigue is common: it blocks [H1](receptor) receptors", []),
    (
        "[Tramadol](drug) is turned into [desmetramadol](drug) by [CYP2D6](enzyme)",
        [("Tramadol", "substrate", "CYP2D6")],
    ),
    (
        "[Haloperidol](drug) blocks [D2](receptor) but not [D1](receptor) receptors",
        [("Haloperidol", "antagonist", "D2")],
    ),
]


TRICKY += [
    (
        "[Clopidogrel](drug) and [warfarin](drug) inhibit [P2Y12](receptor) and"
        " [VKORC1](enzyme), respectively",
        [("Clopidogrel", "antagonist", "P2Y12"), ("warfarin", "inhibitor", "VKORC1")],
    ),
    # a table row: the drug's cell, then its mechanism's
    (
        "| [Ketoconazole](drug) | [CYP3A4](enzyme) inhibitor | [Rifampicin](drug) |"
        " [CYP3A4](enzyme) inducer |",
        [("Ketoconazole", "inhibitor", "CYP3A4"), ("Rifampicin", "inducer", "CYP3A4")],
    ),
]


TRICKY += [
    # a list of targets is a list: another verb between ends it
    (
        "[Meloxicam](drug) preferentially inhibits [COX-2](enzyme) and largely spares"
        " [COX-1](enzyme)",
        [("Meloxicam", "inhibitor", "COX-2")],
    ),
    (
        "[Diazepam](drug) is cleared largely by [CYP2C19](enzyme)",
        [("Diazepam", "substrate", "CYP2C19")],
    ),
    (
        "[Fluvoxamine](drug) is both a substrate and an inhibitor of [CYP1A2](enzyme)",
        [("Fluvoxamine", "substrate", "CYP1A2"), ("Fluvoxamine", "inhibitor", "CYP1A2")],
    ),
    (
        "[Nipecotic acid](drug) blocks [GABA](neurotransmitter) uptake through"
        " [GAT-1](transporter)",
        [("Nipecotic acid", "inhibitor", "GAT-1")],
    ),
    (
        "#psych [Paroxetine](drug): the most anticholinergic SSRI; inhibits [CYP2D6](enzyme)"
        " strongly",
        [("Paroxetine", "inhibitor", "CYP2D6")],
    ),
    # prolonging or increasing the opening of a channel is modulation, not opening
    ("[Pentobarbital](drug) prolongs the opening of [GABA-A](receptor:GABAA) channels", []),
]


TRICKY += [
    (
        "[Rasagiline](drug) blocks the breakdown of [dopamine](neurotransmitter) by"
        " [MAO-B](enzyme)",
        [("Rasagiline", "inhibitor", "MAO-B")],
    ),
    (
        "[Opicapone](drug) reduces peripheral breakdown of [levodopa](drug) by [COMT](enzyme)",
        [("levodopa", "substrate", "COMT")],
    ),
    (
        "Long exposure to [amphetamine](drug) leads to downregulation of [DAT](transporter)",
        [("amphetamine", "downregulates", "DAT")],
    ),
    (
        "With daily [oxycodone](drug), [mu-opioid receptors](receptor:MOR) become desensitized",
        [("oxycodone", "desensitizes", "MOR")],
    ),
    (
        "[Brexpiprazole](drug) (Rexulti) = [D2](receptor) partial agonist",
        [("Brexpiprazole", "partial agonist", "D2")],
    ),
]


TRICKY += [
    # an apposition naming another drug is read past
    (
        "[Levomilnacipran](drug), the active enantiomer of [milnacipran](drug), is also a"
        " [NET](transporter) inhibitor",
        [("Levomilnacipran", "inhibitor", "NET")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), TRICKY)
def test_tricky_sentences(sentence: str, expected: list[tuple[str, ...]]) -> None:
    assert read(sentence) == expected


_WORDS = (  # noqa: SIM905
    "inhibits blocks is a an the of by which that such as e.g. ( ) , ; : and or not reuptake "
    "inhibitor antagonist agonist metabolised induces substrate binding inhibition activation "
    "- 's releases via indirectly levels"
).split()
_TYPES = [
    "drug",
    "drug-class",
    "receptor",
    "enzyme",
    "transporter",
    "channel",
    "neurotransmitter",
    "",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_WORDS),
            st.tuples(st.sampled_from(_TYPES), st.text("Xy5-", min_size=1, max_size=4)),
        ),
        max_size=30,
    ),
    st.sampled_from([None, "S"]),
    st.sampled_from([None, "O"]),
)
def test_bad_input_never_raises(parts: list, subject: str | None, obj: str | None) -> None:
    text, mentions = "", []
    for i, part in enumerate(parts):
        if isinstance(part, tuple):
            typ, name = part
            mentions.append(
                Mention(len(text), len(text) + len(name), f"{name}{i}" if typ else "", typ)
            )
            text += name
        else:
            text += part
        text += " "
    for f in extract(text, mentions, subject, obj, {"X1": "SERT"}):
        assert f.subject and f.object and f.subject != f.object


# -- comparison sets and nominalisations with no agent -------------------------------------------

COMPARISONS = [
    # a fronted comparison names a set the drug is compared with, never the subject
    (
        "Like most typical [antipsychotics](drug-class), [fluphenazine](drug) blocks"
        " [D2](receptor) receptors",
        [("fluphenazine", "antagonist", "D2")],
    ),
    (
        "Like other [SNRIs](drug-class), [duloxetine](drug) inhibits [NET](transporter)",
        [("duloxetine", "inhibitor", "NET")],
    ),
    (
        "As with many [benzodiazepines](drug-class), [midazolam](drug) is metabolised by"
        " [CYP3A4](enzyme)",
        [("midazolam", "substrate", "CYP3A4")],
    ),
    (
        "Unlike older [antihistamines](drug-class), [loratadine](drug) blocks [H1](receptor)"
        " without sedation",
        [("loratadine", "antagonist", "H1")],
    ),
    (
        "- Like other [triptans](drug-class), [rizatriptan](drug) is a [5-HT1B](receptor) agonist",
        [("rizatriptan", "agonist", "5-HT1B")],
    ),
    (
        "Unlike [heparin](drug) and [warfarin](drug), [dabigatran](drug) inhibits"
        " [thrombin](enzyme) directly",
        [("dabigatran", "inhibitor", "thrombin")],
    ),
    # "A and other/similar/related Xs": the drug is the subject, the class only a comparison
    (
        "[Chlorpromazine](drug) and related [phenothiazines](drug-class) block [D2](receptor)",
        [("Chlorpromazine", "antagonist", "D2")],
    ),
    (
        "With chronic use, [morphine](drug) and other [opioids](drug-class) desensitize"
        " [MOR](receptor)",
        [("morphine", "desensitizes", "MOR")],
    ),
    (
        "[Sertraline](drug) and other [SSRIs](drug-class) are [SERT](transporter) inhibitors",
        [("Sertraline", "inhibitor", "SERT")],
    ),
    # a class named as the subject is still read as the subject
    (
        "[SSRIs](drug-class) inhibit [SERT](transporter)",
        [("SSRIs", "inhibitor", "SERT")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), COMPARISONS)
def test_comparison_sets_are_not_subjects(sentence: str, expected: list[tuple[str, ...]]) -> None:
    assert read(sentence) == expected


NO_AGENT = [
    # a nominalisation that is the subject of another verb says nothing of the context's drug
    ("Activation of [CB1](receptor) then lowers the release of glutamate", "THC", []),
    ("Blockade of [D2](receptor) receptors raises prolactin", "Haloperidol", []),
    ("Inhibition of [COX-1](enzyme) leads to less thromboxane", "Aspirin", []),
    ("Stimulation of [MOR](receptor) is what causes the euphoria", "Morphine", []),
    # the nominalisation as the statement itself is the drug's mechanism
    (
        "Mechanism: competitive blockade of [H2](receptor) receptors",
        "Famotidine",
        [("Famotidine", "antagonist", "H2")],
    ),
    (
        "- irreversible inhibition of [MAO-B](enzyme) in the striatum",
        "Selegiline",
        [("Selegiline", "inhibitor", "MAO-B")],
    ),
    # the verb form with its subject left out still takes the default
    ("- blocks [D2](receptor) receptors", "Haloperidol", [("Haloperidol", "antagonist", "D2")]),
    # an agent named keeps the nominalisation's relation
    (
        "Blockade of [D2](receptor) by [haloperidol](drug) raises prolactin",
        "Haloperidol",
        [("haloperidol", "antagonist", "D2")],
    ),
]


@pytest.mark.parametrize(("sentence", "subject", "expected"), NO_AGENT)
def test_nominalisation_without_agent(
    sentence: str, subject: str, expected: list[tuple[str, ...]]
) -> None:
    assert read(sentence, subject) == expected
