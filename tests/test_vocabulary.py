"""The built-in vocabulary: names resolve to the right terms, hierarchies and classes hold."""

from __future__ import annotations

import gzip
import json
import sys
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vaultkg.kg.actions import BY_NAME
from vaultkg.kg.vocabulary import TERM_TYPES, Term, Vocabulary, builtin, fold_name

TARGET_TYPES = {"receptor", "channel", "transporter", "enzyme"}


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return builtin()


def ids(vocab: Vocabulary, name: str) -> list[str]:
    return [t.id for t in vocab.lookup(name)]


# Each spelling names exactly one term.
SPELLINGS = {
    # drugs, from the drug data and the curated additions
    "caffeine": "drug/caffeine",
    "nicotine": "drug/nicotine",
    "THC": "drug/thc",
    "Δ9-tetrahydrocannabinol": "drug/thc",
    "delta-9-THC": "drug/thc",
    "dronabinol": "drug/thc",
    "LSD": "drug/lsd",
    "lysergic acid diethylamide": "drug/lsd",
    "MDMA": "drug/mdma",
    "3,4-methylenedioxymethamphetamine": "drug/mdma",
    "alcohol": "drug/ethanol",
    "ethanol": "drug/ethanol",
    "cannabis": "drug/cannabis",
    "marijuana": "drug/cannabis",
    "psilocybin": "drug/psilocybin",
    "psilocin": "drug/psilocin",
    "ketamine": "drug/ketamine",
    "amphetamine": "drug/amphetamine",
    "amfetamine": "drug/amphetamine",
    "Adderall": "drug/amphetamine",
    "methamphetamine": "drug/methamphetamine",
    "cocaine": "drug/cocaine",
    "heroin": "drug/heroin",
    "diamorphine": "drug/heroin",
    "GHB": "drug/ghb",
    "gamma-hydroxybutyrate": "drug/ghb",
    "kratom": "drug/kratom",
    "CBD": "drug/cbd",
    "cannabidiol": "drug/cbd",
    "sertraline": "drug/sertraline",
    "Zoloft": "drug/sertraline",
    "Prozac": "drug/fluoxetine",
    "paracetamol": "drug/acetaminophen",
    "Tylenol": "drug/acetaminophen",
    "Xanax": "drug/alprazolam",
    "lithium": "drug/lithium",
    "carbidopa": "drug/carbidopa",  # sold only with levodopa
    "St John's wort": "drug/st-johns-wort",
    # drug classes
    "SSRIs": "class/ssri",
    "SSRI": "class/ssri",
    "selective serotonin reuptake inhibitors": "class/ssri",
    "SNRIs": "class/snri",
    "TCAs": "class/tca",
    "tricyclic antidepressants": "class/tca",
    "MAOIs": "class/maoi",
    "benzodiazepines": "class/benzodiazepines",
    "benzos": "class/benzodiazepines",
    "Z-drugs": "class/z-drugs",
    "opioids": "class/opioids",
    "first-generation antipsychotics": "class/fga",
    "typical antipsychotics": "class/fga",
    "second-generation antipsychotics": "class/sga",
    "atypical antipsychotics": "class/sga",
    "PPIs": "class/ppi",
    "proton pump inhibitors": "class/ppi",
    "H2 blockers": "class/h2-blockers",
    "ACE inhibitors": "class/ace-inhibitors",
    "ACEi": "class/ace-inhibitors",
    "ARBs": "class/arb",
    "β-blockers": "class/beta-blockers",
    "beta blockers": "class/beta-blockers",
    "beta-blockers": "class/beta-blockers",
    "statins": "class/statins",
    "DOACs": "class/doac",
    "calcium channel blockers": "class/ccb",
    "NSAIDs": "class/nsaids",
    "triptans": "class/triptans",
    "anticholinergics": "class/anticholinergics",
    "stimulants": "class/stimulants",
    "penicillins": "class/penicillins",
    "fluoroquinolones": "class/fluoroquinolones",
    "antibiotics": "class/antibiotics",
    # serotonin receptors
    "5-HT2A": "target/HTR2A",
    "5HT2A": "target/HTR2A",
    "5-HT-2A": "target/HTR2A",
    "5HT-2A": "target/HTR2A",
    "5-HT2a": "target/HTR2A",
    "5‑HT₂A": "target/HTR2A",
    "serotonin 2A": "target/HTR2A",
    "serotonin 2A receptor": "target/HTR2A",
    "5-HT2A receptor": "target/HTR2A",
    "5-HT2AR": "target/HTR2A",
    "HTR2A": "target/HTR2A",
    "5-HT1A": "target/HTR1A",
    "5-HT1B": "target/HTR1B",
    "5-HT1D": "target/HTR1D",
    "5-HT2B": "target/HTR2B",
    "5-HT2C": "target/HTR2C",
    "5-HT3": "family/5-HT3",
    "5-HT3 receptor": "family/5-HT3",
    "5-HT4": "target/HTR4",
    "5-HT6": "target/HTR6",
    "5-HT7": "target/HTR7",
    "5-HT2 receptors": "family/5-HT2",
    "serotonin receptors": "family/serotonin-receptors",
    # dopamine
    "DRD2": "target/DRD2",
    "dopamine D2": "target/DRD2",
    "D2 receptor": "target/DRD2",
    "dopamine D2 receptor": "target/DRD2",
    "D1 receptor": "target/DRD1",
    "D3 receptor": "target/DRD3",
    "D4 receptor": "target/DRD4",
    "D5 receptor": "target/DRD5",
    "D2-like receptors": "family/D2-like",
    # opioid
    "mu-opioid": "target/OPRM1",
    "µ-opioid": "target/OPRM1",
    "μ-opioid receptor": "target/OPRM1",
    "mu receptor": "target/OPRM1",
    "OPRM1": "target/OPRM1",
    "delta-opioid receptor": "target/OPRD1",
    "kappa opioid receptor": "target/OPRK1",
    "κ-opioid": "target/OPRK1",
    "NOP receptor": "target/OPRL1",
    # adrenergic
    "alpha-1 adrenergic": "family/alpha1-adrenergic",
    "α1-adrenergic receptor": "family/alpha1-adrenergic",
    "alpha-1B adrenergic receptor": "target/ADRA1B",
    "α1D-adrenoceptor": "target/ADRA1D",
    "α2A-adrenergic receptor": "target/ADRA2A",
    "β1 receptor": "target/ADRB1",
    "beta-2 adrenergic receptor": "target/ADRB2",
    "β3-adrenoceptor": "target/ADRB3",
    # acetylcholine
    "M1 muscarinic receptor": "target/CHRM1",
    "muscarinic M3 receptor": "target/CHRM3",
    "M5 receptor": "target/CHRM5",
    "nicotinic α4β2": "family/nAChR-a4b2",
    "α4β2": "family/nAChR-a4b2",
    "alpha4beta2 nicotinic receptor": "family/nAChR-a4b2",
    "α7 nicotinic receptor": "target/CHRNA7",
    "alpha7 nAChR": "target/CHRNA7",
    "muscle-type nicotinic receptor": "family/nAChR-muscle",
    # GABA, glutamate, glycine
    "GABA-A": "family/GABA-A",
    "GABAA": "family/GABA-A",
    "GABA(A)": "family/GABA-A",
    "GABA-A receptor": "family/GABA-A",
    "GABA-B": "family/GABA-B",
    "GABAB receptor": "family/GABA-B",
    "NMDA": "family/NMDA",
    "NMDA receptor": "family/NMDA",
    "NMDAR": "family/NMDA",
    "AMPA": "family/AMPA",
    "AMPA receptor": "family/AMPA",
    "kainate receptor": "family/kainate",
    "mGluR1": "target/GRM1",
    "mGluR5": "target/GRM5",
    "mGluR8": "target/GRM8",
    "glycine receptor": "family/glycine-receptor",
    "glycine receptors": "family/glycine-receptor",
    "cholinergic receptor": "family/acetylcholine-receptors",
    "cholinergic receptors": "family/acetylcholine-receptors",
    # histamine, cannabinoid, adenosine and others
    "H1 receptor": "target/HRH1",
    "histamine H2 receptor": "target/HRH2",
    "H3 receptor": "target/HRH3",
    "H4 receptor": "target/HRH4",
    "CB1 receptor": "target/CNR1",
    "cannabinoid CB2 receptor": "target/CNR2",
    "adenosine A1 receptor": "target/ADORA1",
    "A2A receptor": "target/ADORA2A",
    "adenosine A2B": "target/ADORA2B",
    "A3 receptor": "target/ADORA3",
    "TAAR1": "target/TAAR1",
    "sigma-1": "target/SIGMAR1",
    "σ1 receptor": "target/SIGMAR1",
    "sigma-2 receptor": "target/TMEM97",
    "orexin receptors": "family/orexin-receptors",
    "OX1R": "target/HCRTR1",
    "MT1 receptor": "target/MTNR1A",
    "melatonin MT2": "target/MTNR1B",
    "P2Y12": "target/P2RY12",
    "P2X receptors": "family/P2X",
    "TRPV1": "target/TRPV1",
    # transporters
    "SERT": "target/SLC6A4",
    "5-HTT": "target/SLC6A4",
    "SLC6A4": "target/SLC6A4",
    "serotonin transporter": "target/SLC6A4",
    "SLC6A3": "target/SLC6A3",
    "dopamine transporter": "target/SLC6A3",
    "SLC6A2": "target/SLC6A2",
    "norepinephrine transporter": "target/SLC6A2",
    "VMAT1": "target/SLC18A1",
    "VMAT2": "target/SLC18A2",
    "GAT-1": "target/SLC6A1",
    "GAT1": "target/SLC6A1",
    "GlyT1": "target/SLC6A9",
    "EAAT2": "target/SLC1A2",
    "EAATs": "family/EAAT",
    "OCTs": "family/OCT",
    "P-glycoprotein": "target/ABCB1",
    "SGLT2": "target/SLC5A2",
    "NKCC2": "target/SLC12A1",
    "sodium-chloride cotransporter": "target/SLC12A3",
    # enzymes
    "MAO-A": "target/MAOA",
    "MAO-B": "target/MAOB",
    "monoamine oxidase": "family/MAO",
    "COMT": "target/COMT",
    "acetylcholinesterase": "target/ACHE",
    "BuChE": "target/BCHE",
    "COX-1": "target/PTGS1",
    "COX-2": "target/PTGS2",
    "cyclooxygenase": "family/COX",
    "CYP1A2": "target/CYP1A2",
    "CYP2C9": "target/CYP2C9",
    "CYP2C19": "target/CYP2C19",
    "CYP2D6": "target/CYP2D6",
    "CYP3A4": "target/CYP3A4",
    "CYP2E1": "target/CYP2E1",
    "CYP2B6": "target/CYP2B6",
    "PDE3": "family/PDE3",
    "PDE4": "family/PDE4",
    "PDE5": "family/PDE5",
    "PDE5A": "target/PDE5A",
    "HMG-CoA reductase": "target/HMGCR",
    "VKORC1": "target/VKORC1",
    "carbonic anhydrase": "family/carbonic-anhydrase",
    "xanthine oxidase": "target/XDH",
    "diamine oxidase": "target/AOC1",
    "ALDH": "family/ALDH",
    "alcohol dehydrogenase": "family/ADH",
    "GABA-T": "target/ABAT",
    "GSK-3β": "target/GSK3B",
    "GSK3B": "target/GSK3B",
    "DOPA decarboxylase": "target/DDC",
    "AADC": "target/DDC",
    "tyrosine hydroxylase": "target/TH",
    "tryptophan hydroxylase": "family/TPH",
    "angiotensin-converting enzyme": "target/ACE",
    "renin": "target/REN",
    "factor Xa": "target/F10",
    "thrombin": "target/F2",
    "DPP-4": "target/DPP4",
    "aromatase": "target/CYP19A1",
    "5-alpha reductase": "family/5-alpha-reductase",
    "5α-reductase": "family/5-alpha-reductase",
    "dihydrofolate reductase": "target/DHFR",
    "topoisomerases": "family/topoisomerases",
    # channels and pumps
    "Nav1.1": "target/SCN1A",
    "Nav1.5": "target/SCN5A",
    "Nav1.7": "target/SCN9A",
    "Nav1.9": "target/SCN11A",
    "L-type calcium channels": "family/L-type",
    "T-type calcium channels": "family/T-type",
    "N-type calcium channels": "family/N-type",
    "P/Q-type calcium channels": "family/PQ-type",
    "Cav1.2": "target/CACNA1C",
    "Cav2.2": "target/CACNA1B",
    "Cav3.1": "target/CACNA1G",
    "Cav3.x": "family/T-type",
    "hERG": "target/KCNH2",
    "Kv11.1": "target/KCNH2",
    "KATP channel": "family/KATP",
    "Kir6.2/SUR1": "family/KATP",
    "Kir6.2": "target/KCNJ11",
    "SUR1": "target/ABCC8",
    "Kv7 channels": "family/Kv7",
    "voltage-gated potassium channel": "family/Kv",
    "ion channels": "family/ion-channels",
    "ENaC": "family/ENaC",
    "Na⁺/K⁺-ATPase": "target/ATP1A1",
    "Na+/K+-ATPase": "target/ATP1A1",
    "H⁺/K⁺-ATPase": "target/ATP4A",
    "proton pump": "target/ATP4A",
    # neurotransmitters and endogenous ligands
    "serotonin": "nt/serotonin",
    "5-HT": "nt/serotonin",
    "5-hydroxytryptamine": "nt/serotonin",
    "dopamine": "nt/dopamine",
    "noradrenaline": "nt/noradrenaline",
    "norepinephrine": "nt/noradrenaline",
    "adrenaline": "nt/adrenaline",
    "epinephrine": "nt/adrenaline",
    "acetylcholine": "nt/acetylcholine",
    "GABA": "nt/GABA",
    "γ-aminobutyric acid": "nt/GABA",
    "glutamate": "nt/glutamate",
    "glycine": "nt/glycine",
    "histamine": "nt/histamine",
    "adenosine": "nt/adenosine",
    "anandamide": "nt/anandamide",
    "2-arachidonoylglycerol": "nt/2-AG",
    "endorphins": "nt/endorphins",
    "β-endorphin": "nt/endorphins",
    "enkephalins": "nt/enkephalins",
    "dynorphins": "nt/dynorphins",
    "orexin": "nt/orexin",
    "hypocretin": "nt/orexin",
    "oxytocin": "nt/oxytocin",
    "substance P": "nt/substance-p",
    "melatonin": "nt/melatonin",
    "monoamines": "nt/monoamines",
    "catecholamines": "nt/catecholamines",
    "angiotensin II": "nt/angiotensin-ii",
    "ACTH": "nt/acth",
    "vasopressin": "nt/vasopressin",
    "anti-diuretic hormone": "nt/vasopressin",
    # mechanisms
    "desensitization": "mech/desensitization",
    "desensitisation": "mech/desensitization",
    "downregulation": "mech/downregulation",
    "down-regulation": "mech/downregulation",
    "upregulation": "mech/upregulation",
    "up-regulation": "mech/upregulation",
    "resensitization": "mech/resensitization",
    "re-sensitization": "mech/resensitization",
    "internalization": "mech/internalization",
    "receptor internalisation": "mech/internalization",
    "tolerance": "mech/tolerance",
    "sensitization": "mech/sensitization",
    "reuptake": "mech/reuptake",
    "re-uptake": "mech/reuptake",
    "receptor trafficking": "mech/receptor-trafficking",
    "tachyphylaxis": "mech/tachyphylaxis",
}

# Short or ambiguous names: they still resolve, but only as context names.
CONTEXT = {
    "D2": "target/DRD2",
    "D1": "target/DRD1",
    "MOR": "target/OPRM1",
    "KOR": "target/OPRK1",
    "DOR": "target/OPRD1",
    "NET": "target/SLC6A2",
    "DAT": "target/SLC6A3",
    "ACE": "target/ACE",
    "MAO": "family/MAO",
    "AChE": "target/ACHE",
    "α1A": "target/ADRA1A",
    "A1": "target/ADORA1",
    "A2A": "target/ADORA2A",
    "A2B": "target/ADORA2B",
    "A3": "target/ADORA3",
    "H1": "target/HRH1",
    "H2": "target/HRH2",
    "M1": "target/CHRM1",
    "M4": "target/CHRM4",
    "CB1": "target/CNR1",
    "CB2": "target/CNR2",
    "β1": "target/ADRB1",
    "β2": "target/ADRB2",
    "MT1": "target/MTNR1A",
    "NA": "nt/noradrenaline",
    "NE": "nt/noradrenaline",
    "DA": "nt/dopamine",
    "ACh": "nt/acetylcholine",
    "P2X": "family/P2X",
    "OCT": "family/OCT",
    "steroids": "class/glucocorticoids",
    "antibiotic": "class/antibiotics",
}

# A drug's ambiguous names are dropped: the cues that pick out "D2" do not tell "acid" the
# drug from arachidonic acid.
DROPPED = {
    "speed": "drug/amphetamine",
    "ice": "drug/methamphetamine",
    "molly": "drug/mdma",
    "ecstasy": "drug/mdma",
    "weed": "drug/cannabis",
    "pot": "drug/cannabis",
    "coke": "drug/cocaine",
    "crack": "drug/cocaine",
    "acid": "drug/lsd",
    "meth": "drug/methamphetamine",
    "DM": "drug/dextromethorphan",
    "hana": "drug/desogestrel",
}


@pytest.mark.parametrize(("name", "term_id"), SPELLINGS.items())
def test_spelling_names_one_term(vocab: Vocabulary, name: str, term_id: str) -> None:
    assert ids(vocab, name) == [term_id]


@pytest.mark.parametrize(("name", "term_id"), SPELLINGS.items())
def test_listed_spellings_match_anywhere(vocab: Vocabulary, name: str, term_id: str) -> None:
    term = vocab.get(term_id)
    assert term is not None
    plain = {fold_name(n) for n in (term.label, *term.names)}
    assert fold_name(name) in plain


@pytest.mark.parametrize(("name", "term_id"), CONTEXT.items())
def test_ambiguous_names_need_context(vocab: Vocabulary, name: str, term_id: str) -> None:
    assert term_id in ids(vocab, name)
    for term in vocab.lookup(name):  # a context name of every term that goes by it
        assert fold_name(name) in {fold_name(n) for n in term.context_names}, term.id


@pytest.mark.parametrize(("name", "term_id"), DROPPED.items())
def test_ambiguous_drug_names_are_dropped(vocab: Vocabulary, name: str, term_id: str) -> None:
    assert vocab.get(term_id) is not None
    assert term_id not in ids(vocab, name)


def test_lookup_plain_leaves_out_context_names(vocab: Vocabulary) -> None:
    assert [t.id for t in vocab.lookup("D2")] == ["target/DRD2"]
    assert vocab.lookup_plain("D2") == []
    assert [t.id for t in vocab.lookup_plain("D2 receptor")] == ["target/DRD2"]
    assert [t.id for t in vocab.lookup_plain("LSD")] == ["drug/lsd"]


def test_ordinary_words_are_never_plain_names(vocab: Vocabulary) -> None:
    for word in ("focus", "speed", "ice", "molly", "net", "ace", "pot", "crystal", "blow"):
        for term in vocab.lookup(word):
            assert fold_name(word) not in {fold_name(n) for n in (term.label, *term.names)}


def test_counts(vocab: Vocabulary) -> None:
    by_type: dict[str, int] = {}
    for term in vocab:
        by_type[term.type] = by_type.get(term.type, 0) + 1
    assert by_type["drug"] >= 2000
    targets = [t for t in vocab if t.id.startswith("target/")]
    assert len(targets) >= 400
    assert {t.type for t in targets} == TARGET_TYPES
    assert by_type["drug-class"] >= 60
    assert by_type["neurotransmitter"] >= 25
    assert by_type["mechanism"] >= 20


def test_every_term_is_well_formed(vocab: Vocabulary) -> None:
    labels: set[str] = set()
    for term in vocab:
        assert term.type in TERM_TYPES, term.id
        kind = term.id.split("/", 1)[0]
        allowed = {
            "drug": {"drug"},
            "class": {"drug-class"},
            "target": TARGET_TYPES,
            "family": TARGET_TYPES,
            "nt": {"neurotransmitter"},
            "mech": {"mechanism"},
        }[kind]
        assert term.type in allowed, term.id
        assert fold_name(term.label) not in labels, term.id
        labels.add(fold_name(term.label))
        for action, target in term.actions:
            assert action in BY_NAME, (term.id, action)
            assert vocab.get(target) is not None, (term.id, target)
            assert vocab.get(target).type in TARGET_TYPES, (term.id, target)
        for ref in (*term.parents, *term.carries):
            assert vocab.get(ref) is not None, (term.id, ref)
        for curie in term.identifiers:
            prefix = curie.split(":", 1)[0]
            assert prefix in {"drugbank", "mesh", "hgnc.symbol"}, (term.id, curie)


def test_families_have_their_members_type(vocab: Vocabulary) -> None:
    for term in vocab:
        for child in vocab.children(term.id):
            if term.id.startswith("family/"):
                assert child.type == term.type, (term.id, child.id)


def child_ids(vocab: Vocabulary, term_id: str) -> set[str]:
    return {t.id for t in vocab.children(term_id)}


def test_target_families(vocab: Vocabulary) -> None:
    assert child_ids(vocab, "family/5-HT2") == {"target/HTR2A", "target/HTR2B", "target/HTR2C"}
    assert [t.id for t in vocab.ancestors("target/HTR2A")] == [
        "family/5-HT2",
        "family/serotonin-receptors",
    ]
    assert child_ids(vocab, "family/D2-like") == {"target/DRD2", "target/DRD3", "target/DRD4"}
    assert child_ids(vocab, "family/D1-like") == {"target/DRD1", "target/DRD5"}
    assert {t.id for t in vocab.descendants("family/dopamine-receptors")} == {
        "family/D1-like",
        "family/D2-like",
        *(f"target/DRD{n}" for n in range(1, 6)),
    }
    assert child_ids(vocab, "family/opioid-receptors") == {
        "target/OPRM1",
        "target/OPRD1",
        "target/OPRK1",
        "target/OPRL1",
    }
    assert child_ids(vocab, "family/muscarinic") == {f"target/CHRM{n}" for n in range(1, 6)}
    assert [t.id for t in vocab.ancestors("target/CHRM1")] == [
        "family/muscarinic",
        "family/acetylcholine-receptors",
    ]
    assert child_ids(vocab, "family/beta-adrenergic") == {
        "target/ADRB1",
        "target/ADRB2",
        "target/ADRB3",
    }
    assert child_ids(vocab, "family/MAO") == {"target/MAOA", "target/MAOB"}
    assert child_ids(vocab, "family/COX") == {"target/PTGS1", "target/PTGS2"}
    assert child_ids(vocab, "family/KATP") >= {"target/KCNJ11", "target/ABCC8"}
    assert child_ids(vocab, "family/PDE5") == {"target/PDE5A"}
    assert vocab.get("family/NMDA").type == "receptor"
    assert vocab.get("family/L-type").type == "channel"
    assert vocab.get("target/SLC6A4").type == "transporter"
    assert vocab.get("target/MAOA").type == "enzyme"


def test_channel_and_transmitter_groups(vocab: Vocabulary) -> None:
    assert [t.id for t in vocab.ancestors("target/KCNQ2")] == [
        "family/Kv7",
        "family/Kv",
        "family/potassium-channels",
        "family/ion-channels",
    ]
    assert "family/sodium-channels" in child_ids(vocab, "family/ion-channels")
    assert [t.id for t in vocab.ancestors("nt/dopamine")] == [
        "nt/catecholamines",
        "nt/monoamines",
    ]
    assert vocab.get("nt/serotonin").parents == ("nt/monoamines",)


def test_transporters_carry_their_transmitters(vocab: Vocabulary) -> None:
    assert vocab.get("target/SLC6A4").carries == ("nt/serotonin",)
    assert vocab.get("target/SLC6A3").carries == ("nt/dopamine",)
    assert vocab.get("target/SLC6A2").carries == ("nt/dopamine", "nt/noradrenaline")
    assert set(vocab.get("target/SLC18A2").carries) == {
        "nt/serotonin",
        "nt/dopamine",
        "nt/noradrenaline",
        "nt/histamine",
    }
    assert vocab.get("target/SLC6A1").carries == ("nt/GABA",)


CLASS_ACTIONS = {
    "class/ssri": (("inhibitor", "target/SLC6A4"),),
    "class/snri": (("inhibitor", "target/SLC6A2"), ("inhibitor", "target/SLC6A4")),
    "class/maoi": (("inhibitor", "family/MAO"),),
    "class/benzodiazepines": (("positive allosteric modulator", "family/GABA-A"),),
    "class/z-drugs": (("positive allosteric modulator", "family/GABA-A"),),
    "class/opioids": (("agonist", "target/OPRM1"),),
    "class/fga": (("antagonist", "target/DRD2"),),
    "class/sga": (("antagonist", "target/DRD2"), ("antagonist", "target/HTR2A")),
    "class/ppi": (("inhibitor", "target/ATP4A"),),
    "class/h2-blockers": (("antagonist", "target/HRH2"),),
    "class/ace-inhibitors": (("inhibitor", "target/ACE"),),
    "class/arb": (("antagonist", "target/AGTR1"),),
    "class/beta-blockers": (("antagonist", "family/beta-adrenergic"),),
    "class/statins": (("inhibitor", "target/HMGCR"),),
    "class/factor-xa-inhibitors": (("inhibitor", "target/F10"),),
    "class/ccb": (("channel blocker", "family/L-type"),),
    "class/nsaids": (("inhibitor", "family/COX"),),
    "class/triptans": (("agonist", "target/HTR1B"), ("agonist", "target/HTR1D")),
    "class/anticholinergics": (("antagonist", "family/muscarinic"),),
    "class/doac": (),
    "class/stimulants": (),
}


@pytest.mark.parametrize(("class_id", "actions"), CLASS_ACTIONS.items())
def test_class_mechanisms(vocab: Vocabulary, class_id: str, actions: tuple) -> None:
    assert vocab.get(class_id).actions == actions


def test_class_members(vocab: Vocabulary) -> None:
    assert child_ids(vocab, "class/ssri") == {
        f"drug/{n}"
        for n in (
            "fluoxetine",
            "sertraline",
            "paroxetine",
            "citalopram",
            "escitalopram",
            "fluvoxamine",
            "vilazodone",
            "vortioxetine",
        )
    }
    assert vocab.get("drug/sertraline").parents == ("class/ssri",)
    assert [t.id for t in vocab.ancestors("drug/sertraline")] == [
        "class/ssri",
        "class/antidepressants",
    ]
    assert set(vocab.get("drug/amphetamine").parents) == {"class/amphetamines", "class/stimulants"}
    assert "drug/diazepam" in child_ids(vocab, "class/benzodiazepines")
    assert "drug/morphine" in child_ids(vocab, "class/opioids")
    assert "drug/omeprazole" in child_ids(vocab, "class/ppi")
    assert "drug/atorvastatin" in child_ids(vocab, "class/statins")
    assert child_ids(vocab, "class/doac") == {
        "drug/rivaroxaban",
        "drug/apixaban",
        "drug/edoxaban",
        "drug/betrixaban",
        "drug/dabigatran",
    }
    assert child_ids(vocab, "class/anticoagulants") >= {
        "class/doac",
        "class/factor-xa-inhibitors",
        "class/vitamin-k-antagonists",
    }


def test_curated_drug_actions(vocab: Vocabulary) -> None:
    assert vocab.get("drug/caffeine").actions == (
        ("antagonist", "target/ADORA1"),
        ("antagonist", "target/ADORA2A"),
    )
    assert ("channel blocker", "family/NMDA") in vocab.get("drug/ketamine").actions
    assert ("partial agonist", "target/HTR2A") in vocab.get("drug/lsd").actions


def test_identifiers_come_from_the_drug_data(vocab: Vocabulary) -> None:
    # DrugBank ids as the drug-named-entity-recognition data file gives them
    assert vocab.get("drug/sertraline").identifiers == ("drugbank:DB01104",)
    assert vocab.get("drug/caffeine").identifiers == ("drugbank:DB00201",)
    assert vocab.get("drug/thc").identifiers == ("drugbank:DB00470",)  # dronabinol's, absorbed
    assert vocab.get("drug/kratom").identifiers == ()  # a curated drug the data lacks
    assert vocab.get("target/HTR2A").identifiers == ("hgnc.symbol:HTR2A",)


def test_salt_forms_and_index_entries_are_left_out(vocab: Vocabulary) -> None:
    names = {fold_name(n) for n in vocab.get("drug/sertraline").all_names}
    assert "zoloft" in names
    assert "sertraline hydrochloride" not in names  # "sertraline" matches there already
    assert "hydrochloride, sertraline" not in names


def test_everyday_words_from_the_drug_data_are_not_drugs(vocab: Vocabulary) -> None:
    for word in ("water", "gold", "iron", "silver"):
        assert [t for t in vocab.lookup(word) if t.type == "drug" and t.label == word] == []


def test_lookup_of_unknown_name(vocab: Vocabulary) -> None:
    assert vocab.lookup("no such receptor") == []
    assert vocab.get("drug/none") is None


def test_a_vocabulary_from_terms() -> None:
    terms = [
        Term("family/x", "X receptors", "receptor", names=("X family",)),
        Term("target/X1", "X1 receptor", "receptor", context_names=("X1",), parents=("family/x",)),
    ]
    vocab = Vocabulary.from_terms(terms)
    assert [t.id for t in vocab.lookup("x1")] == ["target/X1"]
    assert [t.id for t in vocab.children("family/x")] == ["target/X1"]
    assert [t.id for t in vocab.ancestors("target/X1")] == ["family/x"]


@given(st.text(max_size=30))
def test_fold_name_fast_path_agrees(text: str) -> None:
    import re
    import unicodedata

    # the general path, written out: what fold_name does for any text
    slow = unicodedata.normalize("NFKC", text)
    slow = re.sub("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d]", "-", slow)
    slow = slow.casefold()
    if text.isascii():
        assert fold_name(text) == " ".join(slow.split())


def test_fold_name_examples() -> None:
    assert fold_name("5‑HT₂A") == fold_name("5-ht2a") == "5-ht2a"
    assert fold_name("α1-Adrenergic") == "alpha1-adrenergic"
    assert fold_name("µ-opioid") == fold_name("μ-opioid") == "mu-opioid"
    assert fold_name("  GABA   A ") == "gaba a"


def test_the_data_file_is_compact_and_sorted() -> None:
    data = resources.files("vaultkg").joinpath("data/vocabulary.json.gz").read_bytes()
    assert len(data) < 400_000
    raw = json.loads(gzip.decompress(data))
    assert {"version", "sources", "terms"} <= raw.keys()
    term_ids = [t["id"] for t in raw["terms"]]
    assert term_ids == sorted(term_ids)
    assert all(v for t in raw["terms"] for v in t.values())  # empty keys are left out


@pytest.mark.slow
def test_the_data_file_is_what_the_build_script_makes() -> None:
    pytest.importorskip("drug_named_entity_recognition")
    pytest.importorskip("wordfreq")
    scripts = Path(__file__).resolve().parents[1] / "scripts"
    path, modules = list(sys.path), set(sys.modules)
    sys.path.insert(0, str(scripts))
    try:
        import build_vocabulary

        built = json.loads(json.dumps(build_vocabulary.build()))
    finally:  # the script puts its own folders on the path and imports its data modules
        sys.path[:] = path
        for name in set(sys.modules) - modules:
            if name in {"build_vocabulary", "curated", "targets", "spelling"}:
                del sys.modules[name]
    shipped = json.loads(
        gzip.decompress(resources.files("vaultkg").joinpath("data/vocabulary.json.gz").read_bytes())
    )
    assert built == shipped
