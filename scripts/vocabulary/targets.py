"""Curated drug targets: receptors, channels, transporters and enzymes, in families.

Ids are ``target/<HGNC symbol>`` for one gene product and ``family/<slug>`` for a family or a
multi-subunit complex (``family/GABA-A``). Gene symbols are the HGNC-approved symbols (they are
names notes use, so they are written here as names and as ``hgnc.symbol:`` CURIEs). Spelling
variants come from ``spelling.py``; ambiguous short names are moved to ``context_names`` by the
build's general rule, not here.
"""

from __future__ import annotations

import re

from spelling import (
    greek_subtype,
    hyphen_variants,
    numbered_receptor,
    subunit_combo,
    with_heads,
)

Raw = dict[str, object]
ION = "family/ion-channels"


def target(symbol: str, label: str, type_: str, names: list[str], parent: str, **kw: object) -> Raw:
    return {
        "id": f"target/{symbol}",
        "label": label,
        "type": type_,
        "names": [*names, symbol],
        "identifiers": [f"hgnc.symbol:{symbol}"],
        "parents": [parent] if parent else [],
        **kw,
    }


def family(slug: str, label: str, type_: str, names: list[str], parent: str = "", **kw) -> Raw:
    return {
        "id": f"family/{slug}",
        "label": label,
        "type": type_,
        "names": names,
        "parents": [parent] if parent else [],
        **kw,
    }


def simple(rows: str, type_: str, parent: str) -> list[Raw]:
    """Rows ``SYMBOL | label | name; name; ...`` (names split on ``;``, hyphen variants added);
    an indented line continues the row above."""
    out = []
    for line in re.sub(r"\n\s+", " ", rows.strip()).splitlines():
        symbol, label, *rest = (p.strip() for p in line.split("|"))
        names: list[str] = []
        for n in rest[0].split(";") if rest and rest[0] else []:
            names += hyphen_variants(n.strip())
        out.append(target(symbol, label, type_, names, parent))
    return out


def serotonin() -> list[Raw]:
    fams = [
        family(
            "serotonin-receptors",
            "serotonin receptors",
            "receptor",
            [
                "5-HT receptors",
                "5-HT receptor",
                "5HT receptors",
                "serotonin receptor",
                "serotonergic receptors",
                "5-hydroxytryptamine receptors",
            ],
        ),
    ]
    groups = {
        "1": ["1A", "1B", "1D", "1E", "1F"],
        "2": ["2A", "2B", "2C"],
        "5": ["5A"],
    }
    out: list[Raw] = []
    for grp, subs in groups.items():
        slug = f"5-HT{grp}"
        fams.append(
            family(
                slug,
                f"5-HT{grp} receptors",
                "receptor",
                numbered_receptor(["5-HT", "5HT"], grp, ["serotonin"]),
                "family/serotonin-receptors",
            )
        )
        for sub in subs:
            out.append(
                target(
                    f"HTR{sub}",
                    f"5-HT{sub} receptor",
                    "receptor",
                    [
                        *numbered_receptor(["5-HT", "5HT"], sub, ["serotonin"]),
                        f"5-hydroxytryptamine {sub} receptor",
                    ],
                    f"family/{slug}",
                )
            )
    for sub in ["4", "6", "7"]:
        out.append(
            target(
                f"HTR{sub}",
                f"5-HT{sub} receptor",
                "receptor",
                [
                    *numbered_receptor(["5-HT", "5HT"], sub, ["serotonin"]),
                    f"5-hydroxytryptamine {sub} receptor",
                ],
                "family/serotonin-receptors",
            )
        )
    fams.append(
        family(
            "5-HT3",
            "5-HT3 receptor",
            "receptor",
            [
                *numbered_receptor(["5-HT", "5HT"], "3", ["serotonin"]),
                "5-HT3 channel",
                "5-hydroxytryptamine 3 receptor",
            ],
            "family/serotonin-receptors",
        )
    )
    for s in "ABCDE":
        out.append(
            target(
                f"HTR3{s}",
                f"5-HT3{s} subunit",
                "receptor",
                [f"5-HT3{s}", f"5HT3{s}", f"5-HT3{s} subunit"],
                "family/5-HT3",
            )
        )
    return fams + out


def dopamine() -> list[Raw]:
    out = [
        family(
            "dopamine-receptors",
            "dopamine receptors",
            "receptor",
            ["dopamine receptor", "dopaminergic receptors", "DA receptors"],
        ),
        family(
            "D1-like",
            "D1-like receptors",
            "receptor",
            ["D1-like receptor", "D1-like", "D1 family", "D1-like dopamine receptors"],
            "family/dopamine-receptors",
        ),
        family(
            "D2-like",
            "D2-like receptors",
            "receptor",
            ["D2-like receptor", "D2-like", "D2 family", "D2-like dopamine receptors"],
            "family/dopamine-receptors",
        ),
    ]
    for n, fam in [(1, "D1-like"), (2, "D2-like"), (3, "D2-like"), (4, "D2-like"), (5, "D1-like")]:
        out.append(
            target(
                f"DRD{n}",
                f"D{n} receptor",
                "receptor",
                [
                    *numbered_receptor(["D"], str(n), ["dopamine"]),
                    f"dopamine D{n} receptor",
                    f"dopamine-{n} receptor",
                ],
                f"family/{fam}",
            )
        )
    return out


def adrenergic() -> list[Raw]:
    heads = ("adrenergic receptor", "adrenoceptor", "receptor", "adrenergic")
    out = [
        family(
            "adrenergic-receptors",
            "adrenergic receptors",
            "receptor",
            ["adrenoceptors", "adrenergic receptor", "adrenoreceptors", "adrenoceptor"],
        ),
        family(
            "alpha1-adrenergic",
            "α1-adrenergic receptors",
            "receptor",
            [
                *greek_subtype("α", "1", heads),
                "α1 receptors",
                "alpha-1 receptors",
                "α1-adrenoceptors",
            ],
            "family/adrenergic-receptors",
        ),
        family(
            "alpha2-adrenergic",
            "α2-adrenergic receptors",
            "receptor",
            [
                *greek_subtype("α", "2", heads),
                "α2 receptors",
                "alpha-2 receptors",
                "α2-adrenoceptors",
            ],
            "family/adrenergic-receptors",
        ),
        family(
            "beta-adrenergic",
            "β-adrenergic receptors",
            "receptor",
            [
                "β-adrenergic receptor",
                "β-adrenergic receptors",
                "beta-adrenergic receptors",
                "beta-adrenergic receptor",
                "β-adrenoceptors",
                "beta adrenergic receptors",
                "β-receptors",
                "beta receptors",
                "β-AR",
                "beta-adrenoceptors",
            ],
            "family/adrenergic-receptors",
        ),
    ]
    for code in ["1A", "1B", "1D"]:
        out.append(
            target(
                f"ADRA{code}",
                f"α{code}-adrenergic receptor",
                "receptor",
                greek_subtype("α", code, heads),
                "family/alpha1-adrenergic",
            )
        )
    for code in ["2A", "2B", "2C"]:
        out.append(
            target(
                f"ADRA{code}",
                f"α{code}-adrenergic receptor",
                "receptor",
                greek_subtype("α", code, heads),
                "family/alpha2-adrenergic",
            )
        )
    for code in ["1", "2", "3"]:
        out.append(
            target(
                f"ADRB{code}",
                f"β{code}-adrenergic receptor",
                "receptor",
                greek_subtype("β", code, heads),
                "family/beta-adrenergic",
            )
        )
    return out


def muscarinic_histamine() -> list[Raw]:
    out = [
        family(
            "muscarinic",
            "muscarinic acetylcholine receptors",
            "receptor",
            [
                "muscarinic receptors",
                "muscarinic receptor",
                "mAChR",
                "mAChRs",
                "muscarinic acetylcholine receptor",
                "muscarinic cholinergic receptors",
            ],
            "family/acetylcholine-receptors",
        ),
        family(
            "acetylcholine-receptors",
            "acetylcholine receptors",
            "receptor",
            ["cholinergic receptors", "acetylcholine receptor", "ACh receptors", "cholinoceptors"],
        ),
        family(
            "histamine-receptors",
            "histamine receptors",
            "receptor",
            ["histamine receptor", "histaminergic receptors"],
        ),
    ]
    for n in range(1, 6):
        out.append(
            target(
                f"CHRM{n}",
                f"M{n} muscarinic receptor",
                "receptor",
                [
                    *numbered_receptor(["M"], str(n), ["muscarinic"]),
                    f"M{n} muscarinic receptor",
                    f"muscarinic M{n} receptor",
                    f"M{n} mAChR",
                    f"mAChR M{n}",
                    f"M{n} muscarinic",
                ],
                "family/muscarinic",
            )
        )
    for n in range(1, 5):
        out.append(
            target(
                f"HRH{n}",
                f"H{n} receptor",
                "receptor",
                [
                    *numbered_receptor(["H"], str(n), ["histamine"]),
                    f"histamine H{n} receptor",
                    f"histamine-{n} receptor",
                ],
                "family/histamine-receptors",
            )
        )
    return out


def nicotinic() -> list[Raw]:
    heads = ("receptor", "receptors", "nicotinic receptor", "nAChR", "nAChRs")
    out = [
        family(
            "nicotinic",
            "nicotinic acetylcholine receptors",
            "receptor",
            [
                "nicotinic receptors",
                "nicotinic receptor",
                "nAChR",
                "nAChRs",
                "nicotinic acetylcholine receptor",
                "nicotinic cholinergic receptors",
            ],
            "family/acetylcholine-receptors",
        ),
        family(
            "nAChR-a4b2",
            "α4β2 nicotinic receptor",
            "receptor",
            subunit_combo([("α", "4"), ("β", "2")], heads, ["nicotinic"]),
            "family/nicotinic",
        ),
        family(
            "nAChR-a3b4",
            "α3β4 nicotinic receptor",
            "receptor",
            [
                *subunit_combo([("α", "3"), ("β", "4")], heads, ["nicotinic"]),
                "ganglionic nicotinic receptor",
                "ganglionic nAChR",
                "NN receptor",
                "Nn receptor",
                "neuronal-type nicotinic receptor",
            ],
            "family/nicotinic",
        ),
        family(
            "nAChR-muscle",
            "muscle-type nicotinic receptor",
            "receptor",
            [
                "muscle-type nicotinic receptor",
                "muscle nicotinic receptor",
                "muscle-type nAChR",
                "neuromuscular nicotinic receptor",
                "NM receptor",
                "Nm receptor",
                "muscle type nicotinic receptor",
                "α1β1γδ",
                "α1β1δε",
            ],
            "family/nicotinic",
        ),
    ]
    alpha_parent = {1: "nAChR-muscle", 3: "nAChR-a3b4", 4: "nAChR-a4b2"}
    for n in [1, 2, 3, 4, 5, 6, 9, 10]:
        names = subunit_combo([("α", str(n))], ("subunit", "nicotinic subunit"), bare=False)
        out.append(
            target(
                f"CHRNA{n}",
                f"α{n} nicotinic subunit",
                "receptor",
                [*names, f"nicotinic α{n} subunit"],
                f"family/{alpha_parent.get(n, 'nicotinic')}",
            )
        )
    out.append(
        target(
            "CHRNA7",
            "α7 nicotinic receptor",
            "receptor",
            [
                *subunit_combo([("α", "7")], heads, ["nicotinic", "homomeric"]),
                "α7 subunit",
                "α7 homomer",
            ],
            "family/nicotinic",
        )
    )
    beta_parent = {1: "nAChR-muscle", 2: "nAChR-a4b2", 4: "nAChR-a3b4"}
    for n in [1, 2, 3, 4]:
        names = subunit_combo([("β", str(n))], ("subunit", "nicotinic subunit"), bare=False)
        out.append(
            target(
                f"CHRNB{n}",
                f"β{n} nicotinic subunit",
                "receptor",
                [*names, f"nicotinic β{n} subunit"],
                f"family/{beta_parent.get(n, 'nicotinic')}",
            )
        )
    for g, sym in [("γ", "CHRNG"), ("δ", "CHRND"), ("ε", "CHRNE")]:
        out.append(
            target(
                sym,
                f"{g} nicotinic subunit",
                "receptor",
                [f"{g} subunit of the nicotinic receptor", f"nicotinic {g} subunit"],
                "family/nAChR-muscle",
            )
        )
    return out


def gaba_glutamate_glycine() -> list[Raw]:
    gaba_a = ["GABA-A", "GABAA", "GABA(A)", "GABA_A", "GABA A", "GABA-a", "GABA type A"]
    gaba_b = ["GABA-B", "GABAB", "GABA(B)", "GABA_B", "GABA B", "GABA type B"]
    out = [
        family(
            "GABA-receptors",
            "GABA receptors",
            "receptor",
            ["GABA receptor", "GABAergic receptors", "gamma-aminobutyric acid receptors"],
        ),
        family(
            "GABA-A",
            "GABA-A receptor",
            "receptor",
            [
                *with_heads(gaba_a),
                "GABAAR",
                "GABAARs",
                "GABA-AR",
                "GABA-A/benzodiazepine receptor",
                "GABA-A chloride channel",
                "gamma-aminobutyric acid type A receptor",
            ],
            "family/GABA-receptors",
        ),
        family(
            "GABA-B",
            "GABA-B receptor",
            "receptor",
            [*with_heads(gaba_b), "GABABR", "GABA-BR", "gamma-aminobutyric acid type B receptor"],
            "family/GABA-receptors",
        ),
        family(
            "GABA-A-rho",
            "GABA-A-rho receptor",
            "receptor",
            [
                "GABA-C receptor",
                "GABAC receptor",
                "GABA-C",
                "GABA-A-ρ receptor",
                "GABA-A rho receptor",
            ],
            "family/GABA-A",
        ),
        family(
            "glutamate-receptors",
            "glutamate receptors",
            "receptor",
            ["glutamate receptor", "glutamatergic receptors"],
        ),
        family(
            "ionotropic-glutamate",
            "ionotropic glutamate receptors",
            "receptor",
            ["iGluR", "iGluRs", "ionotropic glutamate receptor"],
            "family/glutamate-receptors",
        ),
        family(
            "NMDA",
            "NMDA receptor",
            "receptor",
            [
                *with_heads(["NMDA", "N-methyl-D-aspartate", "NMDA-type glutamate"]),
                "NMDAR",
                "NMDARs",
                "NMDA-R",
                "NMDA glutamate receptor",
            ],
            "family/ionotropic-glutamate",
        ),
        family(
            "AMPA",
            "AMPA receptor",
            "receptor",
            [*with_heads(["AMPA", "AMPA-type glutamate"]), "AMPAR", "AMPARs", "AMPA-R"],
            "family/ionotropic-glutamate",
        ),
        family(
            "kainate",
            "kainate receptor",
            "receptor",
            [*with_heads(["kainate", "kainate-type glutamate"]), "KAR", "KARs"],
            "family/ionotropic-glutamate",
        ),
        family(
            "mGluR",
            "metabotropic glutamate receptors",
            "receptor",
            ["metabotropic glutamate receptor", "mGluR", "mGluRs", "mGlu receptors"],
            "family/glutamate-receptors",
        ),
        family(
            "mGluR-group-I",
            "group I mGluRs",
            "receptor",
            ["group I metabotropic glutamate receptors", "group I mGluR"],
            "family/mGluR",
        ),
        family(
            "mGluR-group-II",
            "group II mGluRs",
            "receptor",
            ["group II metabotropic glutamate receptors", "group II mGluR"],
            "family/mGluR",
        ),
        family(
            "mGluR-group-III",
            "group III mGluRs",
            "receptor",
            ["group III metabotropic glutamate receptors", "group III mGluR"],
            "family/mGluR",
        ),
        family(
            "glycine-receptor",
            "glycine receptor",
            "receptor",
            ["glycine receptors", "GlyR", "GlyRs", "strychnine-sensitive glycine receptor"],
        ),
    ]
    for n in range(1, 7):
        out.append(
            target(
                f"GABRA{n}",
                f"GABA-A α{n} subunit",
                "receptor",
                [
                    f"GABA-A α{n}",
                    f"GABAA α{n}",
                    f"α{n} subunit of the GABA-A receptor",
                    f"α{n}-containing GABA-A receptors",
                    f"α{n} GABA-A receptor",
                    f"α{n}-GABA-A",
                ],
                "family/GABA-A",
            )
        )
    for n in range(1, 4):
        out.append(
            target(
                f"GABRB{n}",
                f"GABA-A β{n} subunit",
                "receptor",
                [f"GABA-A β{n}", f"GABAA β{n}", f"β{n}-containing GABA-A receptors"],
                "family/GABA-A",
            )
        )
        out.append(
            target(
                f"GABRG{n}",
                f"GABA-A γ{n} subunit",
                "receptor",
                [f"GABA-A γ{n}", f"GABAA γ{n}"],
                "family/GABA-A",
            )
        )
        out.append(
            target(
                f"GABRR{n}",
                f"GABA-A ρ{n} subunit",
                "receptor",
                [f"GABA-A ρ{n}", f"GABA-C ρ{n}", f"rho{n} subunit"],
                "family/GABA-A-rho",
            )
        )
    for sym, g in [("GABRD", "δ"), ("GABRE", "ε"), ("GABRP", "π"), ("GABRQ", "θ")]:
        out.append(
            target(
                sym,
                f"GABA-A {g} subunit",
                "receptor",
                [
                    f"GABA-A {g}",
                    f"GABAA {g}",
                    f"{g}-containing GABA-A receptors",
                    f"{g}-subunit-containing GABA-A receptors",
                ],
                "family/GABA-A",
            )
        )
    out.append(
        target(
            "GABBR1",
            "GABA-B1 subunit",
            "receptor",
            ["GABA-B1", "GABAB1", "GABA(B1)", "GABA-B R1"],
            "family/GABA-B",
        )
    )
    out.append(
        target(
            "GABBR2",
            "GABA-B2 subunit",
            "receptor",
            ["GABA-B2", "GABAB2", "GABA(B2)", "GABA-B R2"],
            "family/GABA-B",
        )
    )
    out.append(
        target(
            "GRIN1",
            "GluN1 subunit",
            "receptor",
            ["GluN1", "NR1", "NR1 subunit", "NMDA NR1", "GluN1 subunit"],
            "family/NMDA",
        )
    )
    for s in "ABCD":
        out.append(
            target(
                f"GRIN2{s}",
                f"GluN2{s} subunit",
                "receptor",
                [
                    f"GluN2{s}",
                    f"NR2{s}",
                    f"NR2{s} subunit",
                    f"GluN2{s}-containing NMDA receptors",
                    f"NMDA NR2{s}",
                ],
                "family/NMDA",
            )
        )
    for s in "AB":
        out.append(
            target(
                f"GRIN3{s}",
                f"GluN3{s} subunit",
                "receptor",
                [f"GluN3{s}", f"NR3{s}"],
                "family/NMDA",
            )
        )
    for n in range(1, 5):
        out.append(
            target(
                f"GRIA{n}",
                f"GluA{n} subunit",
                "receptor",
                [f"GluA{n}", f"GluR{n}", f"GluR-{n}", f"AMPA GluA{n}"],
                "family/AMPA",
            )
        )
    for n in range(1, 6):
        out.append(
            target(
                f"GRIK{n}",
                f"GluK{n} subunit",
                "receptor",
                [f"GluK{n}", f"kainate GluK{n}"],
                "family/kainate",
            )
        )
    for n in range(1, 3):
        out.append(
            target(
                f"GRID{n}",
                f"GluD{n} subunit",
                "receptor",
                [f"GluD{n}", f"glutamate delta-{n} receptor", f"GluRδ{n}"],
                "family/ionotropic-glutamate",
            )
        )
    groups = {1: "I", 5: "I", 2: "II", 3: "II", 4: "III", 6: "III", 7: "III", 8: "III"}
    for n in range(1, 9):
        out.append(
            target(
                f"GRM{n}",
                f"mGluR{n}",
                "receptor",
                [
                    *with_heads([f"mGluR{n}", f"mGlu{n}", f"mGluR-{n}", f"mGlu{n}R"]),
                    f"metabotropic glutamate receptor {n}",
                    f"metabotropic glutamate receptor-{n}",
                ],
                f"family/mGluR-group-{groups[n]}",
            )
        )
    for n in range(1, 5):
        out.append(
            target(
                f"GLRA{n}",
                f"glycine receptor α{n} subunit",
                "receptor",
                [f"GlyR α{n}", f"GlyRα{n}", f"glycine receptor α{n}"],
                "family/glycine-receptor",
            )
        )
    out.append(
        target(
            "GLRB",
            "glycine receptor β subunit",
            "receptor",
            ["GlyR β", "GlyRβ", "glycine receptor β"],
            "family/glycine-receptor",
        )
    )
    return out


def opioid_and_other_gpcrs() -> list[Raw]:
    out = [
        family(
            "opioid-receptors",
            "opioid receptors",
            "receptor",
            ["opioid receptor", "opiate receptors", "opiate receptor", "opioid receptor family"],
        ),
        target(
            "OPRM1",
            "μ-opioid receptor",
            "receptor",
            [
                "μ-opioid receptor",
                "mu-opioid receptor",
                "mu opioid receptor",
                "µ-opioid receptor",
                "μ opioid receptor",
                "μ-opioid",
                "mu-opioid",
                "mu opioid",
                "μ receptor",
                "mu receptor",
                "μ-receptor",
                "mu-receptor",
                "μ-opioid receptors",
                "mu-opioid receptors",
                "MOR",
                "MOP",
                "MOP receptor",
                "MOR-1",
                "μOR",
                "muOR",
                "μ opioid",
            ],
            "family/opioid-receptors",
        ),
        target(
            "OPRD1",
            "δ-opioid receptor",
            "receptor",
            [
                "δ-opioid receptor",
                "delta-opioid receptor",
                "delta opioid receptor",
                "δ opioid receptor",
                "δ-opioid",
                "delta-opioid",
                "delta opioid",
                "δ receptor",
                "delta receptor",
                "DOR",
                "DOP",
                "DOP receptor",
                "δOR",
            ],
            "family/opioid-receptors",
        ),
        target(
            "OPRK1",
            "κ-opioid receptor",
            "receptor",
            [
                "κ-opioid receptor",
                "kappa-opioid receptor",
                "kappa opioid receptor",
                "κ opioid receptor",
                "κ-opioid",
                "kappa-opioid",
                "kappa opioid",
                "κ receptor",
                "kappa receptor",
                "KOR",
                "KOP",
                "KOP receptor",
                "κOR",
            ],
            "family/opioid-receptors",
        ),
        target(
            "OPRL1",
            "nociceptin receptor",
            "receptor",
            [
                "NOP receptor",
                "NOP",
                "nociceptin/orphanin FQ receptor",
                "ORL1",
                "ORL-1 receptor",
                "nociceptin opioid peptide receptor",
                "NOPR",
            ],
            "family/opioid-receptors",
        ),
        family(
            "cannabinoid-receptors",
            "cannabinoid receptors",
            "receptor",
            ["cannabinoid receptor", "CB receptors", "endocannabinoid receptors"],
        ),
        target(
            "CNR1",
            "CB1 receptor",
            "receptor",
            [*numbered_receptor(["CB"], "1", ["cannabinoid"]), "cannabinoid-1 receptor"],
            "family/cannabinoid-receptors",
        ),
        target(
            "CNR2",
            "CB2 receptor",
            "receptor",
            [*numbered_receptor(["CB"], "2", ["cannabinoid"]), "cannabinoid-2 receptor"],
            "family/cannabinoid-receptors",
        ),
        target("GPR55", "GPR55", "receptor", ["GPR55 receptor"], "family/cannabinoid-receptors"),
        family(
            "adenosine-receptors",
            "adenosine receptors",
            "receptor",
            ["adenosine receptor", "P1 receptors", "purinergic P1 receptors"],
            "family/purinergic-receptors",
        ),
        family(
            "purinergic-receptors",
            "purinergic receptors",
            "receptor",
            ["purinergic receptor", "purinoceptors"],
        ),
        family(
            "P2Y",
            "P2Y receptors",
            "receptor",
            ["P2Y", "P2Y receptor", "P2Y purinoceptors", "P2Y family"],
            "family/purinergic-receptors",
        ),
        family(
            "P2X",
            "P2X receptors",
            "receptor",
            ["P2X", "P2X receptor", "P2X purinoceptors", "P2X channels", "P2X family"],
            "family/purinergic-receptors",
        ),
        family(
            "sigma-receptors",
            "sigma receptors",
            "receptor",
            ["sigma receptor", "σ receptors", "σ receptor"],
        ),
        target(
            "SIGMAR1",
            "sigma-1 receptor",
            "receptor",
            [
                "σ1 receptor",
                "σ-1 receptor",
                "sigma-1",
                "sigma 1 receptor",
                "σ1",
                "sigma1",
                "σ1R",
                "S1R",
                "sigma-1 receptors",
                "sigma1 receptor",
            ],
            "family/sigma-receptors",
        ),
        target(
            "TMEM97",
            "sigma-2 receptor",
            "receptor",
            [
                "σ2 receptor",
                "σ-2 receptor",
                "sigma-2",
                "sigma 2 receptor",
                "σ2",
                "sigma2",
                "σ2R",
                "S2R",
                "sigma-2 receptors",
            ],
            "family/sigma-receptors",
        ),
        target(
            "TAAR1",
            "TAAR1",
            "receptor",
            [
                "trace amine-associated receptor 1",
                "trace amine associated receptor 1",
                "TAAR-1",
                "TAAR1 receptor",
                "TA1 receptor",
            ],
            "family/trace-amine-receptors",
        ),
        family(
            "trace-amine-receptors",
            "trace amine-associated receptors",
            "receptor",
            ["TAARs", "trace amine receptors", "trace amine-associated receptor"],
        ),
        family(
            "orexin-receptors",
            "orexin receptors",
            "receptor",
            ["orexin receptor", "hypocretin receptors", "OX receptors"],
        ),
        target(
            "HCRTR1",
            "orexin-1 receptor",
            "receptor",
            [
                "OX1 receptor",
                "OX1R",
                "orexin 1 receptor",
                "OX1",
                "hypocretin receptor 1",
                "orexin receptor type 1",
                "OX-1 receptor",
            ],
            "family/orexin-receptors",
        ),
        target(
            "HCRTR2",
            "orexin-2 receptor",
            "receptor",
            [
                "OX2 receptor",
                "OX2R",
                "orexin 2 receptor",
                "OX2",
                "hypocretin receptor 2",
                "orexin receptor type 2",
                "OX-2 receptor",
            ],
            "family/orexin-receptors",
        ),
        family(
            "melatonin-receptors",
            "melatonin receptors",
            "receptor",
            ["melatonin receptor", "melatonergic receptors", "MT receptors"],
        ),
        target(
            "MTNR1A",
            "MT1 receptor",
            "receptor",
            [*numbered_receptor(["MT"], "1", ["melatonin"]), "MT1 melatonin receptor"],
            "family/melatonin-receptors",
        ),
        target(
            "MTNR1B",
            "MT2 receptor",
            "receptor",
            [*numbered_receptor(["MT"], "2", ["melatonin"]), "MT2 melatonin receptor"],
            "family/melatonin-receptors",
        ),
    ]
    for code in ["A1", "A2A", "A2B", "A3"]:
        out.append(
            target(
                f"ADOR{code}",
                f"adenosine {code} receptor",
                "receptor",
                [
                    f"{code}",
                    f"{code} receptor",
                    f"{code} receptors",
                    f"{code}R",
                    f"adenosine {code}",
                    f"adenosine {code} receptor",
                    f"{code} adenosine receptor",
                    f"adenosine-{code} receptor",
                ],
                "family/adenosine-receptors",
            )
        )
    for n in [1, 2, 4, 6, 11, 12, 13, 14]:
        out.append(
            target(
                f"P2RY{n}",
                f"P2Y{n} receptor",
                "receptor",
                [*with_heads([f"P2Y{n}", f"P2Y-{n}", f"P2Y{n} ADP"]), f"P2Y{n}R"],
                "family/P2Y",
            )
        )
    for n in range(1, 8):
        out.append(
            target(
                f"P2RX{n}",
                f"P2X{n} receptor",
                "receptor",
                [*with_heads([f"P2X{n}", f"P2X-{n}"]), f"P2X{n}R"],
                "family/P2X",
            )
        )
    return out


def peptide_hormone_receptors() -> list[Raw]:
    fam = "family/peptide-hormone-receptors"
    rows = """
AGTR1 | AT1 receptor | AT1; AT1R; angiotensin II type 1 receptor; angiotensin AT1 receptor;
    AT-1 receptor; angiotensin receptor type 1
AGTR2 | AT2 receptor | AT2; AT2R; angiotensin II type 2 receptor; angiotensin AT2 receptor
BDKRB1 | B1 bradykinin receptor | bradykinin B1 receptor; B1 receptor
BDKRB2 | B2 bradykinin receptor | bradykinin B2 receptor; B2 receptor
EDNRA | endothelin A receptor | ETA receptor; ET-A receptor; endothelin receptor type A; ETA
EDNRB | endothelin B receptor | ETB receptor; ET-B receptor; endothelin receptor type B; ETB
AVPR1A | V1a receptor | V1a; V1A receptor; vasopressin V1a receptor; V1aR; vasopressin 1a receptor
AVPR1B | V1b receptor | V1b; V1B receptor; vasopressin V1b receptor; V3 receptor
AVPR2 | V2 receptor | V2; vasopressin V2 receptor; V2R; vasopressin 2 receptor
OXTR | oxytocin receptor | OT receptor; OTR; OXTR receptor
GLP1R | GLP-1 receptor | GLP-1R; GLP1 receptor; glucagon-like peptide-1 receptor; GLP-1 receptors
GIPR | GIP receptor | GIPR receptor; glucose-dependent insulinotropic polypeptide receptor
GCGR | glucagon receptor | GCGR receptor
CRHR1 | CRF1 receptor | CRF1; CRHR1 receptor; CRH-R1; corticotropin-releasing factor receptor 1;
    CRF-1 receptor
CRHR2 | CRF2 receptor | CRF2; CRH-R2; corticotropin-releasing factor receptor 2
TACR1 | NK1 receptor | NK1; NK1R; neurokinin-1 receptor; neurokinin 1 receptor;
    substance P receptor; NK-1 receptor; tachykinin NK1 receptor
TACR2 | NK2 receptor | NK2R; neurokinin-2 receptor; NK-2 receptor
TACR3 | NK3 receptor | NK3R; neurokinin-3 receptor; NK-3 receptor
CALCRL | CGRP receptor | CGRP receptors; calcitonin gene-related peptide receptor; CALCRL receptor
CALCR | calcitonin receptor | CTR; calcitonin receptors
GNRHR | GnRH receptor | GnRHR; gonadotropin-releasing hormone receptor; LHRH receptor
GHSR | ghrelin receptor | GHSR1a; growth hormone secretagogue receptor; GHS-R1a
GHRHR | GHRH receptor | growth hormone-releasing hormone receptor
NPY1R | Y1 receptor | NPY Y1 receptor; neuropeptide Y1 receptor; NPY1R receptor
NPY2R | Y2 receptor | NPY Y2 receptor; neuropeptide Y2 receptor
MC4R | MC4 receptor | MC4R receptor; melanocortin-4 receptor; melanocortin 4 receptor
MC1R | MC1 receptor | melanocortin-1 receptor; melanocortin 1 receptor
MC2R | ACTH receptor | MC2 receptor; melanocortin-2 receptor
CCKAR | CCK1 receptor | CCK-A receptor; CCKA receptor; CCK1R; cholecystokinin A receptor
CCKBR | CCK2 receptor | CCK-B receptor; CCKB receptor; gastrin receptor; CCK2R;
    cholecystokinin B receptor
MLNR | motilin receptor | MTLR; motilin receptors
F2R | PAR-1 | PAR1; protease-activated receptor 1; thrombin receptor; PAR-1 receptor
TSHR | TSH receptor | TSHR receptor; thyrotropin receptor; thyroid-stimulating hormone receptor
LHCGR | LH receptor | LH/hCG receptor; luteinizing hormone receptor; LHCGR receptor
FSHR | FSH receptor | follicle-stimulating hormone receptor
PTH1R | PTH1 receptor | PTH receptor; parathyroid hormone receptor; PTH1R receptor
SSTR2 | somatostatin receptor 2 | SST2; SSTR2 receptor; sst2 receptor; somatostatin-2 receptor
SSTR5 | somatostatin receptor 5 | SST5; SSTR5 receptor; somatostatin-5 receptor
PRLR | prolactin receptor | PRL receptor
GHR | growth hormone receptor | GH receptor
INSR | insulin receptor | IR; insulin receptors
IGF1R | IGF-1 receptor | IGF1R; IGF-1R; insulin-like growth factor 1 receptor
LEPR | leptin receptor | OB-R; LepR
NPR1 | natriuretic peptide receptor A | NPR-A; ANP receptor; guanylyl cyclase A
"""
    return [
        family(
            "peptide-hormone-receptors",
            "peptide and hormone receptors",
            "receptor",
            ["peptide receptors", "hormone receptors"],
        ),
        *simple(rows, "receptor", fam),
    ]


def lipid_and_misc_receptors() -> list[Raw]:
    rows = """
PTGER1 | EP1 receptor | EP1; prostaglandin E2 receptor EP1; EP-1 receptor
PTGER2 | EP2 receptor | EP2; prostaglandin E2 receptor EP2; EP-2 receptor
PTGER3 | EP3 receptor | EP3; prostaglandin E2 receptor EP3; EP-3 receptor
PTGER4 | EP4 receptor | EP4; prostaglandin E2 receptor EP4; EP-4 receptor
PTGIR | IP receptor | prostacyclin receptor; PGI2 receptor
TBXA2R | TP receptor | thromboxane receptor; thromboxane A2 receptor; TXA2 receptor
PTGDR | DP1 receptor | prostaglandin D2 receptor; DP receptor
PTGFR | FP receptor | prostaglandin F receptor; PGF2α receptor
CYSLTR1 | CysLT1 receptor | CysLT1; CysLT1R; cysteinyl leukotriene receptor 1; leukotriene receptor
LTB4R | BLT1 receptor | leukotriene B4 receptor; BLT1
S1PR1 | S1P1 receptor | S1P1; S1PR1 receptor; sphingosine-1-phosphate receptor 1
S1PR2 | S1P2 receptor | S1P2; sphingosine-1-phosphate receptor 2
S1PR3 | S1P3 receptor | S1P3; sphingosine-1-phosphate receptor 3
S1PR4 | S1P4 receptor | S1P4; sphingosine-1-phosphate receptor 4
S1PR5 | S1P5 receptor | S1P5; sphingosine-1-phosphate receptor 5
FFAR1 | FFA1 receptor | GPR40; free fatty acid receptor 1
HCAR2 | HCA2 receptor | GPR109A; niacin receptor; hydroxycarboxylic acid receptor 2
GPR119 | GPR119 | GPR119 receptor
"""
    nuclear = """
ESR1 | estrogen receptor α | ERα; ER-alpha; estrogen receptor alpha; oestrogen receptor alpha;
    ESR1 receptor
ESR2 | estrogen receptor β | ERβ; ER-beta; estrogen receptor beta; oestrogen receptor beta
AR | androgen receptor | androgen receptors; AR receptor
PGR | progesterone receptor | PR receptor; progesterone receptors; PgR
NR3C1 | glucocorticoid receptor | GR; glucocorticoid receptors; GCR
NR3C2 | mineralocorticoid receptor | MR; mineralocorticoid receptors; aldosterone receptor
THRA | thyroid hormone receptor α | TRα; thyroid hormone receptor alpha
THRB | thyroid hormone receptor β | TRβ; thyroid hormone receptor beta
PPARA | PPARα | PPAR-alpha; PPAR alpha; peroxisome proliferator-activated receptor alpha; PPAR-α
PPARG | PPARγ | PPAR-gamma; PPAR gamma; peroxisome proliferator-activated receptor gamma; PPAR-γ
PPARD | PPARδ | PPAR-delta; PPAR delta; PPARβ/δ; peroxisome proliferator-activated receptor delta
VDR | vitamin D receptor | VDR receptor; calcitriol receptor
RARA | retinoic acid receptor α | RARα; RAR-alpha; retinoic acid receptor alpha
RXRA | retinoid X receptor α | RXRα; RXR-alpha; retinoid X receptor alpha
NR1I2 | pregnane X receptor | PXR; steroid and xenobiotic receptor
NR1I3 | constitutive androstane receptor | CAR receptor
AHR | aryl hydrocarbon receptor | AhR
"""
    kinases = """
EGFR | EGFR | epidermal growth factor receptor; HER1; ErbB1
ERBB2 | HER2 | HER2/neu; ErbB2; HER2 receptor
KDR | VEGFR2 | VEGFR-2; KDR receptor; VEGF receptor 2
FLT1 | VEGFR1 | VEGFR-1; VEGF receptor 1
PDGFRA | PDGFRα | PDGFR-alpha; PDGF receptor alpha
KIT | c-KIT | KIT receptor; CD117; stem cell factor receptor
NTRK2 | TrkB | TrkB receptor; BDNF receptor; tropomyosin receptor kinase B; TRKB
NTRK1 | TrkA | TrkA receptor; NGF receptor; tropomyosin receptor kinase A
TLR4 | TLR4 | toll-like receptor 4; TLR-4
IL6R | IL-6 receptor | IL-6R; interleukin-6 receptor
TNFRSF11A | RANK receptor | RANK; receptor activator of nuclear factor kappa-B
"""
    fams = [
        family(
            "prostanoid-receptors",
            "prostanoid receptors",
            "receptor",
            ["prostanoid receptor", "prostaglandin receptors"],
        ),
        family(
            "lipid-receptors",
            "lipid-sensing receptors",
            "receptor",
            ["lysophospholipid receptors", "S1P receptors", "sphingosine-1-phosphate receptors"],
        ),
        family(
            "nuclear-receptors",
            "nuclear receptors",
            "receptor",
            [
                "nuclear receptor",
                "nuclear hormone receptors",
                "steroid receptors",
                "steroid hormone receptors",
            ],
        ),
        family(
            "receptor-kinases",
            "receptor kinases",
            "receptor",
            ["receptor tyrosine kinases", "RTKs", "receptor tyrosine kinase"],
        ),
    ]
    pros = simple(rows, "receptor", "family/prostanoid-receptors")
    for t in pros:
        if str(t["id"]).startswith(("target/S1P", "target/FFA", "target/HCA", "target/GPR1")):
            t["parents"] = ["family/lipid-receptors"]
        if str(t["id"]) in ("target/CYSLTR1", "target/LTB4R"):
            t["parents"] = ["family/lipid-receptors"]
    return (
        fams
        + pros
        + simple(nuclear, "receptor", "family/nuclear-receptors")
        + simple(kinases, "receptor", "family/receptor-kinases")
    )


def trp_receptors() -> list[Raw]:
    out = [
        family(
            "TRP-channels",
            "TRP channels",
            "channel",
            ["TRP channel", "transient receptor potential channels", "TRPs"],
            ION,
        )
    ]
    for n in range(1, 7):
        out.append(
            target(
                f"TRPV{n}",
                f"TRPV{n}",
                "channel",
                [
                    *with_heads([f"TRPV{n}", f"TRPV-{n}"], ("receptor", "channel")),
                    f"transient receptor potential vanilloid {n}",
                ]
                + (["capsaicin receptor", "vanilloid receptor 1", "VR1"] if n == 1 else []),
                "family/TRP-channels",
            )
        )
    for sym, extra in [
        ("TRPA1", ["wasabi receptor", "TRPA1 channel", "TRPA-1"]),
        ("TRPM8", ["cold and menthol receptor", "menthol receptor", "TRPM8 channel", "TRPM-8"]),
        ("TRPC6", ["TRPC6 channel"]),
        ("TRPM7", ["TRPM7 channel"]),
    ]:
        out.append(target(sym, sym, "channel", extra, "family/TRP-channels"))
    return out


def channels() -> list[Raw]:
    out = [
        family(
            "sodium-channels",
            "voltage-gated sodium channels",
            "channel",
            [
                "voltage-gated sodium channel",
                "sodium channels",
                "Na+ channels",
                "Nav channels",
                "NaV channels",
                "VGSC",
                "VGSCs",
                "fast sodium channels",
                "Na channels",
                "voltage-gated Na+ channels",
                "sodium channel",
            ],
        ),
        family(
            "calcium-channels",
            "voltage-gated calcium channels",
            "channel",
            [
                "voltage-gated calcium channel",
                "calcium channels",
                "Ca2+ channels",
                "Cav channels",
                "VGCC",
                "VGCCs",
                "voltage-gated Ca2+ channels",
                "calcium channel",
            ],
        ),
        family(
            "L-type",
            "L-type calcium channels",
            "channel",
            [
                "Cav1",
                "Cav1.x",
                "L-type calcium channel",
                "L-type Ca2+ channels",
                "L-type channels",
                "L-type VGCC",
                "L-type Ca channels",
                "Cav1 channels",
                "dihydropyridine receptor",
                "DHP receptor",
                "L-type calcium channels",
            ],
            "family/calcium-channels",
        ),
        family(
            "T-type",
            "T-type calcium channels",
            "channel",
            [
                "T-type calcium channel",
                "T-type Ca2+ channels",
                "T-type channels",
                "Cav3 channels",
                "Cav3",
                "Cav3.x",
                "T-type Ca channels",
            ],
            "family/calcium-channels",
        ),
        family(
            "N-type",
            "N-type calcium channels",
            "channel",
            ["N-type calcium channel", "N-type Ca2+ channels", "N-type channels"],
            "family/calcium-channels",
        ),
        family(
            "PQ-type",
            "P/Q-type calcium channels",
            "channel",
            [
                "P/Q-type calcium channel",
                "P/Q-type channels",
                "P-type calcium channels",
                "Q-type calcium channels",
                "P/Q-type Ca2+ channels",
            ],
            "family/calcium-channels",
        ),
        family(
            "alpha2delta",
            "α2δ subunits",
            "channel",
            [
                "α2δ subunit",
                "alpha-2-delta subunit",
                "alpha2delta",
                "α2δ",
                "alpha-2-delta",
                "α2-δ",
                "alpha 2 delta subunit",
                "α2δ calcium channel subunit",
            ],
            "family/calcium-channels",
        ),
        family(
            "potassium-channels",
            "potassium channels",
            "channel",
            ["potassium channel", "K+ channels", "K channels", "K+ channel"],
        ),
        family(
            "ion-channels",
            "ion channels",
            "channel",
            [
                "ion channel",
                "voltage-gated ion channels",
                "voltage-gated channels",
                "voltage gated ion channels",
            ],
        ),
        family(
            "Kv",
            "voltage-gated potassium channels",
            "channel",
            [
                "Kv channels",
                "voltage-gated K+ channels",
                "voltage gated potassium channels",
                "delayed rectifier potassium channels",
                "voltage-gated potassium channel",
            ],
            "family/potassium-channels",
        ),
        family(
            "Kv7",
            "Kv7 channels",
            "channel",
            [
                "KCNQ channels",
                "Kv7",
                "M-current channels",
                "M-channels",
                "Kv7 potassium channels",
                "KCNQ potassium channels",
            ],
            "family/Kv",
        ),
        family(
            "KATP",
            "KATP channel",
            "channel",
            [
                "KATP",
                "K-ATP channel",
                "K(ATP) channel",
                "ATP-sensitive potassium channel",
                "ATP-sensitive K+ channel",
                "KATP channels",
                "ATP-sensitive potassium channels",
                "Kir6.2/SUR1",
                "K ATP channel",
            ],
            "family/potassium-channels",
        ),
        family(
            "GIRK",
            "GIRK channels",
            "channel",
            [
                "GIRK",
                "GIRK channel",
                "G protein-gated inwardly rectifying K+ channels",
                "Kir3 channels",
                "G-protein-coupled inwardly rectifying potassium channels",
            ],
            "family/potassium-channels",
        ),
        family(
            "HCN",
            "HCN channels",
            "channel",
            [
                "HCN channel",
                "funny current channel",
                "If channel",
                "hyperpolarization-activated cyclic nucleotide-gated channels",
                "pacemaker channels",
            ],
        ),
        family(
            "ENaC",
            "ENaC",
            "channel",
            [
                "epithelial sodium channel",
                "epithelial Na+ channel",
                "ENaC channel",
                "amiloride-sensitive sodium channel",
                "ENaCs",
            ],
        ),
        family(
            "chloride-channels",
            "chloride channels",
            "channel",
            ["chloride channel", "Cl- channels", "Cl− channels"],
        ),
        family(
            "ASIC",
            "acid-sensing ion channels",
            "channel",
            ["ASIC", "ASICs", "acid-sensing ion channel"],
        ),
        family(
            "ryanodine-receptors",
            "ryanodine receptors",
            "channel",
            ["ryanodine receptor", "RyR", "RyRs"],
        ),
    ]
    nav = {
        1: "SCN1A",
        2: "SCN2A",
        3: "SCN3A",
        4: "SCN4A",
        5: "SCN5A",
        6: "SCN8A",
        7: "SCN9A",
        8: "SCN10A",
        9: "SCN11A",
    }
    for n, sym in nav.items():
        out.append(
            target(
                sym,
                f"Nav1.{n}",
                "channel",
                [
                    f"Nav1.{n}",
                    f"NaV1.{n}",
                    f"Nav 1.{n}",
                    f"Na(v)1.{n}",
                    f"Nav1.{n} channel",
                    f"Nav1.{n} channels",
                    f"Nav1.{n} sodium channel",
                ],
                "family/sodium-channels",
            )
        )
    cav = {
        "1.1": ("CACNA1S", "L-type"),
        "1.2": ("CACNA1C", "L-type"),
        "1.3": ("CACNA1D", "L-type"),
        "1.4": ("CACNA1F", "L-type"),
        "2.1": ("CACNA1A", "PQ-type"),
        "2.2": ("CACNA1B", "N-type"),
        "2.3": ("CACNA1E", "calcium-channels"),
        "3.1": ("CACNA1G", "T-type"),
        "3.2": ("CACNA1H", "T-type"),
        "3.3": ("CACNA1I", "T-type"),
    }
    for code, (sym, fam) in cav.items():
        out.append(
            target(
                sym,
                f"Cav{code}",
                "channel",
                [
                    f"Cav{code}",
                    f"CaV{code}",
                    f"Cav {code}",
                    f"Ca(v){code}",
                    f"Cav{code} channel",
                    f"Cav{code} channels",
                    f"Cav{code} calcium channel",
                ],
                f"family/{fam}",
            )
        )
    for n in (1, 2):
        out.append(
            target(
                f"CACNA2D{n}",
                f"α2δ-{n} subunit",
                "channel",
                [
                    f"α2δ-{n}",
                    f"alpha-2-delta-{n}",
                    f"α2δ{n}",
                    f"alpha2delta-{n}",
                    f"α2δ-{n} subunit",
                ],
                "family/alpha2delta",
            )
        )
    kv = """
KCNH2 | hERG | hERG channel; Kv11.1; HERG; human ether-a-go-go-related gene; hERG potassium channel;
    IKr channel; ether-a-go-go-related gene channel
KCNA1 | Kv1.1 | Kv1.1 channel
KCNA2 | Kv1.2 | Kv1.2 channel
KCNA3 | Kv1.3 | Kv1.3 channel
KCNA5 | Kv1.5 | Kv1.5 channel; IKur channel
KCNMA1 | BK channel | BK; BKCa channel; big potassium channel; KCa1.1;
    large-conductance calcium-activated potassium channel; maxi-K channel
KCNN1 | SK1 channel | KCa2.1; SK1
KCNN2 | SK2 channel | KCa2.2; SK2
KCNN3 | SK3 channel | KCa2.3; SK3
KCNN4 | IK channel | KCa3.1; IKCa channel
KCNK2 | TREK-1 | TREK-1 channel; K2P2.1
KCNK3 | TASK-1 | TASK-1 channel; K2P3.1
KCNJ2 | Kir2.1 | Kir2.1 channel; IK1 channel
KCNJ1 | ROMK | ROMK channel; Kir1.1
"""
    out += simple(kv, "channel", "family/Kv")
    for n, sym in enumerate(["KCNQ1", "KCNQ2", "KCNQ3", "KCNQ4", "KCNQ5"], 1):
        out.append(
            target(
                sym,
                f"Kv7.{n}",
                "channel",
                [f"Kv7.{n}", f"Kv7.{n} channel", f"KCNQ{n} channel", f"Kv 7.{n}"]
                + (["IKs channel"] if n == 1 else []),
                "family/Kv7",
            )
        )
    katp = """
KCNJ11 | Kir6.2 | Kir6.2 subunit; Kir 6.2
KCNJ8 | Kir6.1 | Kir6.1 subunit; Kir 6.1
ABCC8 | SUR1 | sulfonylurea receptor 1; SUR1 subunit; sulphonylurea receptor 1; SUR-1
ABCC9 | SUR2 | sulfonylurea receptor 2; SUR2 subunit; SUR2A; SUR2B; SUR-2
"""
    out += simple(katp, "channel", "family/KATP")
    for sym, n in [("KCNJ3", "3.1"), ("KCNJ6", "3.2"), ("KCNJ9", "3.3"), ("KCNJ5", "3.4")]:
        out.append(
            target(
                sym,
                f"Kir{n}",
                "channel",
                [f"Kir{n}", f"GIRK{sym[-1] if sym != 'KCNJ6' else '2'}"],
                "family/GIRK",
            )
        )
    for n in range(1, 5):
        out.append(
            target(f"HCN{n}", f"HCN{n}", "channel", [f"HCN{n} channel", f"HCN-{n}"], "family/HCN")
        )
    for sym, sub in [("SCNN1A", "α"), ("SCNN1B", "β"), ("SCNN1G", "γ")]:
        out.append(
            target(
                sym,
                f"ENaC {sub} subunit",
                "channel",
                [f"ENaC {sub}", f"{sub}ENaC", f"{sub}-ENaC"],
                "family/ENaC",
            )
        )
    cl = """
CFTR | CFTR | cystic fibrosis transmembrane conductance regulator; CFTR channel;
    CFTR chloride channel
CLCN2 | ClC-2 | ClC-2 channel; CLC-2
ANO1 | TMEM16A | anoctamin-1; ANO1 channel; TMEM16A channel
"""
    out += simple(cl, "channel", "family/chloride-channels")
    for n in (1, 2, 3):
        out.append(
            target(
                f"ASIC{n}",
                f"ASIC{n}",
                "channel",
                [f"ASIC{n} channel", f"ASIC-{n}", f"acid-sensing ion channel {n}"],
                "family/ASIC",
            )
        )
    misc = """
RYR1 | RyR1 | ryanodine receptor 1; RyR1 channel; RYR-1
RYR2 | RyR2 | ryanodine receptor 2; RyR2 channel; RYR-2
"""
    out += simple(misc, "channel", "family/ryanodine-receptors")
    other = """
ITPR1 | IP3 receptor | IP3R; inositol trisphosphate receptor; InsP3 receptor; IP3 receptors
PIEZO1 | Piezo1 | Piezo1 channel; PIEZO-1
PIEZO2 | Piezo2 | Piezo2 channel; PIEZO-2
ORAI1 | Orai1 | Orai1 channel; CRAC channel
GJA1 | connexin 43 | Cx43; gap junction protein alpha 1
HVCN1 | Hv1 proton channel | Hv1; voltage-gated proton channel; Hv1 channel
"""
    out += simple(other, "channel", "")
    for term in out:  # the top-level channel families are kinds of ion channel
        if term["id"].startswith("family/") and not term["parents"] and term["id"] != ION:
            term["parents"] = [ION]
    return out


def transporters() -> list[Raw]:
    out = [
        family(
            "monoamine-transporters",
            "monoamine transporters",
            "transporter",
            [
                "monoamine transporter",
                "MATs",
                "SLC6 monoamine transporters",
                "plasma membrane monoamine transporters",
            ],
        ),
        family(
            "VMAT",
            "vesicular monoamine transporters",
            "transporter",
            ["vesicular monoamine transporter", "VMATs", "VMAT"],
        ),
        family(
            "GABA-transporters",
            "GABA transporters",
            "transporter",
            ["GABA transporter", "GATs", "GAT"],
        ),
        family(
            "glycine-transporters",
            "glycine transporters",
            "transporter",
            ["glycine transporter", "GlyTs", "GlyT"],
        ),
        family(
            "EAAT",
            "excitatory amino acid transporters",
            "transporter",
            [
                "EAAT",
                "EAATs",
                "glutamate transporters",
                "glutamate transporter",
                "excitatory amino acid transporter",
            ],
        ),
        family(
            "VGLUT",
            "vesicular glutamate transporters",
            "transporter",
            ["VGLUT", "VGLUTs", "vesicular glutamate transporter"],
        ),
        family(
            "OCT",
            "organic cation transporters",
            "transporter",
            ["OCTs", "organic cation transporter", "OCT"],
        ),
        family(
            "OAT",
            "organic anion transporters",
            "transporter",
            [
                "OATs",
                "organic anion transporter",
                "OATPs",
                "organic anion-transporting polypeptides",
            ],
        ),
        family(
            "ABC-transporters",
            "ABC transporters",
            "transporter",
            [
                "ABC transporter",
                "efflux transporters",
                "efflux pumps",
                "ATP-binding cassette transporters",
            ],
        ),
        family(
            "SGLT",
            "sodium-glucose cotransporters",
            "transporter",
            [
                "SGLTs",
                "SGLT",
                "sodium-glucose cotransporter",
                "sodium-glucose co-transporters",
                "sodium–glucose linked transporters",
            ],
        ),
        family(
            "cation-chloride-cotransporters",
            "cation-chloride cotransporters",
            "transporter",
            ["cation-chloride cotransporter", "SLC12 transporters"],
        ),
        family(
            "ion-pumps", "ion pumps", "transporter", ["ion pump", "P-type ATPases", "ATPase pumps"]
        ),
        family(
            "GLUT", "glucose transporters", "transporter", ["GLUTs", "glucose transporter", "GLUT"]
        ),
    ]
    mono = [
        (
            "SLC6A4",
            "serotonin transporter",
            [
                "SERT",
                "5-HTT",
                "5HTT",
                "SLC6A4",
                "serotonin reuptake transporter",
                "5-HT transporter",
                "serotonin transporters",
                "SERTs",
                "5-HTT transporter",
            ],
            ["nt/serotonin"],
        ),
        (
            "SLC6A3",
            "dopamine transporter",
            [
                "DAT",
                "DAT1",
                "dopamine transporters",
                "DA transporter",
                "dopamine reuptake transporter",
                "DAT-1",
            ],
            ["nt/dopamine"],
        ),
        (
            "SLC6A2",
            "norepinephrine transporter",
            [
                "NET",
                "NAT",
                "NET1",
                "noradrenaline transporter",
                "norepinephrine transporters",
                "NE transporter",
                "NA transporter",
                "norepinephrine reuptake transporter",
                "noradrenaline reuptake transporter",
            ],
            ["nt/noradrenaline", "nt/dopamine"],
        ),
    ]
    for sym, label, names, carries in mono:
        out.append(
            target(
                sym, label, "transporter", names, "family/monoamine-transporters", carries=carries
            )
        )
    out.append(
        target(
            "SLC18A1",
            "VMAT1",
            "transporter",
            ["VMAT1", "VMAT-1", "vesicular monoamine transporter 1"],
            "family/VMAT",
            carries=["nt/serotonin", "nt/dopamine", "nt/noradrenaline", "nt/histamine"],
        )
    )
    out.append(
        target(
            "SLC18A2",
            "VMAT2",
            "transporter",
            ["VMAT2", "VMAT-2", "vesicular monoamine transporter 2"],
            "family/VMAT",
            carries=["nt/serotonin", "nt/dopamine", "nt/noradrenaline", "nt/histamine"],
        )
    )
    out.append(
        target(
            "SLC18A3",
            "VAChT",
            "transporter",
            ["vesicular acetylcholine transporter", "VAChT transporter"],
            "",
            carries=["nt/acetylcholine"],
        )
    )
    out.append(
        target(
            "SLC5A7",
            "choline transporter",
            "transporter",
            ["CHT1", "CHT", "high-affinity choline transporter", "CHT-1"],
            "",
        )
    )
    gat = [("SLC6A1", "GAT-1"), ("SLC6A13", "GAT-2"), ("SLC6A11", "GAT-3"), ("SLC6A12", "BGT-1")]
    for sym, name in gat:
        out.append(
            target(
                sym,
                name,
                "transporter",
                [*hyphen_variants(name), f"{name} transporter"],
                "family/GABA-transporters",
                carries=["nt/GABA"],
            )
        )
    for sym, name in [("SLC6A9", "GlyT1"), ("SLC6A5", "GlyT2")]:
        out.append(
            target(
                sym,
                name,
                "transporter",
                [
                    name,
                    f"{name[:-1]}-{name[-1]}",
                    f"GLYT{name[-1]}",
                    f"glycine transporter {name[-1]}",
                    f"glycine transporter-{name[-1]}",
                ],
                "family/glycine-transporters",
                carries=["nt/glycine"],
            )
        )
    for sym, n in [("SLC1A3", 1), ("SLC1A2", 2), ("SLC1A1", 3), ("SLC1A6", 4), ("SLC1A7", 5)]:
        extra = {1: ["GLAST"], 2: ["GLT-1", "GLT1"], 3: ["EAAC1"]}.get(n, [])
        out.append(
            target(
                sym,
                f"EAAT{n}",
                "transporter",
                [f"EAAT{n}", f"EAAT-{n}", f"excitatory amino acid transporter {n}", *extra],
                "family/EAAT",
                carries=["nt/glutamate"],
            )
        )
    for sym, n in [("SLC17A7", 1), ("SLC17A6", 2), ("SLC17A8", 3)]:
        out.append(
            target(
                sym,
                f"VGLUT{n}",
                "transporter",
                [f"VGLUT{n}", f"VGLUT-{n}", f"vesicular glutamate transporter {n}"],
                "family/VGLUT",
                carries=["nt/glutamate"],
            )
        )
    out.append(
        target(
            "SLC32A1",
            "VGAT",
            "transporter",
            ["vesicular GABA transporter", "VIAAT", "VGAT transporter"],
            "",
            carries=["nt/GABA", "nt/glycine"],
        )
    )
    rows = """
SLC22A1 | OCT1 | OCT-1; organic cation transporter 1
SLC22A2 | OCT2 | OCT-2; organic cation transporter 2
SLC22A3 | OCT3 | OCT-3; organic cation transporter 3; extraneuronal monoamine transporter; EMT
SLC29A4 | PMAT | plasma membrane monoamine transporter
"""
    out += simple(rows, "transporter", "family/OCT")
    rows = """
SLC22A6 | OAT1 | OAT-1; organic anion transporter 1
SLC22A8 | OAT3 | OAT-3; organic anion transporter 3
SLCO1B1 | OATP1B1 | OATP-1B1; OATP1B1 transporter
SLCO1B3 | OATP1B3 | OATP-1B3
SLC22A12 | URAT1 | URAT-1; urate transporter 1
"""
    out += simple(rows, "transporter", "family/OAT")
    rows = """
ABCB1 | P-glycoprotein | P-gp; Pgp; P-gp efflux pump; MDR1; multidrug resistance protein 1;
    P glycoprotein
ABCG2 | BCRP | breast cancer resistance protein; ABCG2 transporter
ABCC1 | MRP1 | multidrug resistance-associated protein 1; MRP-1
ABCC2 | MRP2 | multidrug resistance-associated protein 2; MRP-2
"""
    out += simple(rows, "transporter", "family/ABC-transporters")
    rows = """
SLC5A2 | SGLT2 | SGLT-2; sodium-glucose cotransporter 2; sodium-glucose co-transporter 2;
    sodium–glucose cotransporter-2
SLC5A1 | SGLT1 | SGLT-1; sodium-glucose cotransporter 1
"""
    out += simple(rows, "transporter", "family/SGLT")
    rows = """
SLC12A1 | NKCC2 | NKCC-2; Na-K-2Cl cotransporter; Na+/K+/2Cl- cotransporter;
    Na-K-Cl cotransporter 2; loop of Henle cotransporter
SLC12A2 | NKCC1 | NKCC-1; Na-K-Cl cotransporter 1
SLC12A3 | sodium-chloride cotransporter | NCC; Na-Cl cotransporter; sodium-chloride cotransporter;
    thiazide-sensitive cotransporter; NaCl cotransporter; TSC
SLC12A5 | KCC2 | KCC-2; K-Cl cotransporter 2
"""
    out += simple(rows, "transporter", "family/cation-chloride-cotransporters")
    rows = """
ATP1A1 | Na+/K+-ATPase | Na+/K+ ATPase; sodium-potassium pump; Na/K-ATPase; Na-K ATPase;
    Na,K-ATPase; sodium-potassium ATPase; Na+/K+ pump; sodium pump
ATP4A | H+/K+-ATPase | H+/K+ ATPase; proton pump; gastric proton pump; H/K-ATPase;
    hydrogen-potassium ATPase; gastric H+/K+ ATPase; H+,K+-ATPase
ATP2A2 | SERCA | SERCA2; SERCA pump; sarco/endoplasmic reticulum Ca2+-ATPase
ATP2B1 | PMCA | plasma membrane Ca2+ ATPase; PMCA1
"""
    out += simple(rows, "transporter", "family/ion-pumps")
    rows = """
SLC2A1 | GLUT1 | GLUT-1; glucose transporter 1
SLC2A4 | GLUT4 | GLUT-4; glucose transporter 4
SLC2A2 | GLUT2 | GLUT-2; glucose transporter 2
SLC2A3 | GLUT3 | GLUT-3; glucose transporter 3
"""
    out += simple(rows, "transporter", "family/GLUT")
    rows = """
SLC9A3 | NHE3 | NHE-3; sodium-hydrogen exchanger 3; Na+/H+ exchanger 3
SLC8A1 | NCX1 | NCX; sodium-calcium exchanger; Na+/Ca2+ exchanger; NCX-1
SLC29A1 | ENT1 | ENT-1; equilibrative nucleoside transporter 1
SLC7A11 | cystine/glutamate antiporter | xCT; system xc-; SLC7A11 transporter
SLC4A1 | anion exchanger 1 | AE1; band 3; anion exchanger 1
SLC6A8 | creatine transporter | CRT; CreaT
SLC5A5 | sodium-iodide symporter | NIS; sodium/iodide symporter
SLC6A14 | ATB0,+ | amino acid transporter B0,+
NPC1L1 | NPC1L1 | Niemann-Pick C1-like 1; NPC1L1 transporter
SLC10A2 | IBAT | ileal bile acid transporter; ASBT
"""
    out += simple(rows, "transporter", "")
    return out


def enzymes() -> list[Raw]:
    out = [
        family(
            "MAO",
            "monoamine oxidase",
            "enzyme",
            ["MAO", "monoamine oxidases", "monoamine oxidase enzyme", "MAO enzymes"],
        ),
        family("cholinesterases", "cholinesterases", "enzyme", ["cholinesterase", "ChE", "ChEs"]),
        family(
            "COX",
            "cyclooxygenase",
            "enzyme",
            [
                "COX",
                "cyclooxygenases",
                "COX enzymes",
                "cyclo-oxygenase",
                "prostaglandin H synthase",
                "PTGS",
                "cyclooxygenase enzymes",
                "prostaglandin synthase",
            ],
        ),
        family(
            "CYP450",
            "cytochrome P450 enzymes",
            "enzyme",
            [
                "cytochrome P450",
                "CYP450",
                "CYP",
                "CYPs",
                "P450",
                "P450 enzymes",
                "CYP enzymes",
                "CYP450 enzymes",
                "cytochrome P-450",
                "cytochromes P450",
            ],
        ),
        family(
            "PDE",
            "phosphodiesterases",
            "enzyme",
            [
                "phosphodiesterase",
                "PDE",
                "PDEs",
                "cyclic nucleotide phosphodiesterases",
                "phosphodiesterase enzymes",
            ],
        ),
        family(
            "carbonic-anhydrase",
            "carbonic anhydrase",
            "enzyme",
            ["carbonic anhydrases", "CA enzymes", "carbonic anhydrase enzyme"],
        ),
        family(
            "ALDH",
            "aldehyde dehydrogenase",
            "enzyme",
            ["ALDH", "aldehyde dehydrogenases", "acetaldehyde dehydrogenase"],
        ),
        family(
            "ADH",
            "alcohol dehydrogenase",
            "enzyme",
            ["ADH enzymes", "alcohol dehydrogenases", "ADH"],
        ),
        family(
            "NOS",
            "nitric oxide synthase",
            "enzyme",
            ["NOS", "nitric oxide synthases", "NO synthase"],
        ),
        family(
            "topoisomerases",
            "topoisomerases",
            "enzyme",
            ["topoisomerase", "DNA topoisomerases", "topo"],
        ),
        family(
            "monoamine-synthesis",
            "monoamine synthesis enzymes",
            "enzyme",
            ["catecholamine synthesis enzymes", "monoamine biosynthesis enzymes"],
        ),
        family(
            "coagulation-factors",
            "coagulation factors",
            "enzyme",
            ["clotting factors", "coagulation factor", "clotting factor"],
        ),
        family(
            "RAAS-enzymes",
            "renin-angiotensin system enzymes",
            "enzyme",
            ["RAAS enzymes", "renin–angiotensin enzymes"],
        ),
        family("kinases", "protein kinases", "enzyme", ["protein kinase", "protein kinase family"]),
        family(
            "5-alpha-reductase",
            "5α-reductase",
            "enzyme",
            [
                "5-alpha reductase",
                "5α-reductase",
                "5-alpha-reductase",
                "5α reductase",
                "5-ARI target",
                "5 alpha reductase",
                "steroid 5α-reductase",
            ],
        ),
        family(
            "UGT",
            "UDP-glucuronosyltransferases",
            "enzyme",
            ["UGT", "UGTs", "UDP-glucuronosyltransferase", "glucuronosyltransferases"],
        ),
        family("lipoxygenases", "lipoxygenases", "enzyme", ["lipoxygenase", "LOX"]),
        family(
            "GSK-3",
            "GSK-3",
            "enzyme",
            ["glycogen synthase kinase 3", "GSK3", "GSK-3", "glycogen synthase kinase-3"],
            "family/kinases",
        ),
    ]
    out.append(
        target(
            "MAOA",
            "MAO-A",
            "enzyme",
            [
                "MAO-A",
                "MAOA",
                "MAO A",
                "monoamine oxidase A",
                "monoamine oxidase-A",
                "monoamine oxidase type A",
                "MAO-A enzyme",
            ],
            "family/MAO",
        )
    )
    out.append(
        target(
            "MAOB",
            "MAO-B",
            "enzyme",
            [
                "MAO-B",
                "MAOB",
                "MAO B",
                "monoamine oxidase B",
                "monoamine oxidase-B",
                "monoamine oxidase type B",
                "MAO-B enzyme",
            ],
            "family/MAO",
        )
    )
    out.append(
        target(
            "ACHE",
            "acetylcholinesterase",
            "enzyme",
            [
                "AChE",
                "acetylcholine esterase",
                "acetyl cholinesterase",
                "ACHE enzyme",
                "true cholinesterase",
            ],
            "family/cholinesterases",
        )
    )
    out.append(
        target(
            "BCHE",
            "butyrylcholinesterase",
            "enzyme",
            [
                "BuChE",
                "BChE",
                "pseudocholinesterase",
                "plasma cholinesterase",
                "butyrylcholine esterase",
            ],
            "family/cholinesterases",
        )
    )
    out.append(
        target(
            "PTGS1",
            "COX-1",
            "enzyme",
            [
                "COX-1",
                "COX1",
                "COX 1",
                "cyclooxygenase-1",
                "cyclooxygenase 1",
                "cyclo-oxygenase-1",
                "prostaglandin H synthase 1",
                "PGHS-1",
            ],
            "family/COX",
        )
    )
    out.append(
        target(
            "PTGS2",
            "COX-2",
            "enzyme",
            [
                "COX-2",
                "COX2",
                "COX 2",
                "cyclooxygenase-2",
                "cyclooxygenase 2",
                "cyclo-oxygenase-2",
                "prostaglandin H synthase 2",
                "PGHS-2",
                "inducible COX",
            ],
            "family/COX",
        )
    )
    cyps = [
        "1A1",
        "1A2",
        "1B1",
        "2A6",
        "2B6",
        "2C8",
        "2C9",
        "2C19",
        "2D6",
        "2E1",
        "3A4",
        "3A5",
        "3A7",
        "2J2",
        "4F2",
        "7A1",
        "11A1",
        "11B1",
        "11B2",
        "17A1",
        "19A1",
        "21A2",
        "24A1",
        "26A1",
        "27B1",
        "51A1",
    ]
    for c in cyps:
        extra = {
            "19A1": ["aromatase", "estrogen synthase", "aromatase enzyme"],
            "17A1": ["17α-hydroxylase", "17,20-lyase", "17-alpha-hydroxylase"],
            "11B1": ["11β-hydroxylase", "11-beta-hydroxylase"],
            "11B2": ["aldosterone synthase"],
            "51A1": ["lanosterol 14α-demethylase", "14-alpha demethylase"],
            "21A2": ["21-hydroxylase"],
            "11A1": ["cholesterol side-chain cleavage enzyme", "P450scc"],
            "27B1": ["1α-hydroxylase", "1-alpha-hydroxylase"],
            "7A1": ["cholesterol 7α-hydroxylase"],
        }.get(c, [])
        label = "aromatase" if c == "19A1" else f"CYP{c}"
        out.append(
            target(
                f"CYP{c}",
                label,
                "enzyme",
                [
                    f"CYP{c}",
                    f"CYP {c}",
                    f"CYP-{c}",
                    f"CYP450 {c}",
                    f"P450 {c}",
                    f"cytochrome P450 {c}",
                    f"CYP{c} enzyme",
                    *extra,
                ],
                "family/CYP450",
            )
        )
    pdes = {
        1: "ABC",
        2: "A",
        3: "AB",
        4: "ABCD",
        5: "A",
        6: "ABC",
        7: "AB",
        8: "AB",
        9: "A",
        10: "A",
        11: "A",
    }
    for n, subs in pdes.items():
        out.append(
            family(
                f"PDE{n}",
                f"PDE{n}",
                "enzyme",
                [
                    f"PDE{n}",
                    f"PDE-{n}",
                    f"PDE {n}",
                    f"phosphodiesterase {n}",
                    f"phosphodiesterase-{n}",
                    f"phosphodiesterase type {n}",
                    f"type {n} phosphodiesterase",
                    f"PDE{n} enzyme",
                    f"PDE{n} enzymes",
                ],
                "family/PDE",
            )
        )
        for s in subs:
            out.append(
                target(
                    f"PDE{n}{s}",
                    f"PDE{n}{s}",
                    "enzyme",
                    [f"PDE{n}{s}", f"PDE-{n}{s}", f"phosphodiesterase {n}{s}", f"PDE{n}{s} enzyme"],
                    f"family/PDE{n}",
                )
            )
    for n in (1, 2, 4, 9, 12):
        out.append(
            target(
                f"CA{n}",
                f"carbonic anhydrase {n}",
                "enzyme",
                [
                    f"CA{n}",
                    f"CA-{n}",
                    f"CA {['', 'I', 'II', '', 'IV'][n] if n < 5 else n}",
                    f"carbonic anhydrase {['', 'I', 'II', 'III', 'IV'][n] if n < 5 else n}",
                    f"carbonic anhydrase-{n}",
                ],
                "family/carbonic-anhydrase",
            )
        )
    out.append(
        target(
            "ALDH2",
            "ALDH2",
            "enzyme",
            ["aldehyde dehydrogenase 2", "mitochondrial aldehyde dehydrogenase", "ALDH-2"],
            "family/ALDH",
        )
    )
    out.append(
        target(
            "ALDH1A1",
            "ALDH1A1",
            "enzyme",
            ["aldehyde dehydrogenase 1A1", "ALDH1", "cytosolic aldehyde dehydrogenase"],
            "family/ALDH",
        )
    )
    out.append(
        target(
            "ADH1B",
            "ADH1B",
            "enzyme",
            ["alcohol dehydrogenase 1B", "ADH2", "class I alcohol dehydrogenase"],
            "family/ADH",
        )
    )
    for n, sym, extra in [
        (1, "NOS1", ["nNOS", "neuronal NOS", "neuronal nitric oxide synthase"]),
        (2, "NOS2", ["iNOS", "inducible NOS", "inducible nitric oxide synthase"]),
        (3, "NOS3", ["eNOS", "endothelial NOS", "endothelial nitric oxide synthase"]),
    ]:
        out.append(target(sym, extra[0], "enzyme", [f"NOS{n}", *extra[1:]], "family/NOS"))
    rows = """
TOP1 | topoisomerase I | topo I; DNA topoisomerase I; topoisomerase 1; TOP1 enzyme
TOP2A | topoisomerase IIα | topo II; topoisomerase II; DNA topoisomerase II; topoisomerase 2;
    topoisomerase II alpha
"""
    out += simple(rows, "enzyme", "family/topoisomerases")
    rows = """
TH | tyrosine hydroxylase | TH enzyme; tyrosine 3-monooxygenase; tyrosine-hydroxylase
DDC | DOPA decarboxylase | AADC; aromatic L-amino acid decarboxylase; L-DOPA decarboxylase;
    dopa decarboxylase; aromatic amino acid decarboxylase; AAAD
DBH | dopamine β-hydroxylase | dopamine beta-hydroxylase; DβH; dopamine-beta-hydroxylase
PNMT | PNMT | phenylethanolamine N-methyltransferase
HDC | histidine decarboxylase | HDC enzyme
"""
    out += simple(rows, "enzyme", "family/monoamine-synthesis")
    out.append(
        family(
            "TPH",
            "tryptophan hydroxylase",
            "enzyme",
            ["tryptophan hydroxylases", "TPH", "tryptophan 5-hydroxylase"],
            "family/monoamine-synthesis",
        )
    )
    rows = """
TPH1 | tryptophan hydroxylase 1 | TPH1 enzyme; TPH-1; peripheral tryptophan hydroxylase
TPH2 | tryptophan hydroxylase 2 | TPH2 enzyme; TPH-2; neuronal tryptophan hydroxylase
"""
    out += simple(rows, "enzyme", "family/TPH")
    rows = """
CHAT | choline acetyltransferase | ChAT; choline acetyl transferase
GAD1 | GAD67 | glutamic acid decarboxylase 67; GAD1 enzyme
GAD2 | GAD65 | glutamic acid decarboxylase 65; GAD2 enzyme
COMT | COMT | catechol-O-methyltransferase; catechol O-methyltransferase;
    catechol-O-methyl transferase
ABAT | GABA transaminase | GABA-T; GABA aminotransferase; GABA-transaminase;
    4-aminobutyrate aminotransferase; GABAT
FAAH | FAAH | fatty acid amide hydrolase; FAAH enzyme
MGLL | MAGL | monoacylglycerol lipase; monoglyceride lipase; MGL
DAGLA | DAGLα | diacylglycerol lipase alpha; DAGL-alpha
GLS | glutaminase | GLS1; kidney-type glutaminase
GLUL | glutamine synthetase | GS enzyme
IDO1 | IDO1 | indoleamine 2,3-dioxygenase; IDO; indoleamine 2,3-dioxygenase 1
KMO | kynurenine 3-monooxygenase | KMO
DAO | D-amino acid oxidase | DAAO; D-amino-acid oxidase; DAO
AOC1 | diamine oxidase | DAO; histaminase; DAO enzyme
PAH | phenylalanine hydroxylase | PAH enzyme; phenylalanine 4-hydroxylase
AANAT | AANAT | arylalkylamine N-acetyltransferase; serotonin N-acetyltransferase
"""
    out += simple(rows, "enzyme", "")
    rows = """
F10 | factor Xa | FXa; factor X; coagulation factor Xa; factor 10a; activated factor X; Xa
F2 | thrombin | factor IIa; FIIa; coagulation factor II; prothrombin; factor II
F7 | factor VIIa | FVIIa; factor VII; coagulation factor VII
F9 | factor IXa | FIXa; factor IX
F11 | factor XIa | FXIa; factor XI
"""
    out += simple(rows, "enzyme", "family/coagulation-factors")
    rows = """
ACE | angiotensin-converting enzyme | ACE; angiotensin converting enzyme; kininase II; ACE enzyme
ACE2 | ACE2 | angiotensin-converting enzyme 2; ACE-2
REN | renin | renin enzyme; angiotensinogenase
MME | neprilysin | NEP; neutral endopeptidase; enkephalinase; CD10
"""
    out += simple(rows, "enzyme", "family/RAAS-enzymes")
    rows = """
GSK3B | GSK-3β | GSK3β; GSK-3 beta; glycogen synthase kinase 3 beta; glycogen synthase kinase-3β;
    GSK3B enzyme
GSK3A | GSK-3α | GSK3α; GSK-3 alpha; glycogen synthase kinase 3 alpha
"""
    out += simple(rows, "enzyme", "family/GSK-3")
    rows = """
MTOR | mTOR | mechanistic target of rapamycin; mammalian target of rapamycin; mTORC1
JAK1 | JAK1 | Janus kinase 1; JAK-1
JAK2 | JAK2 | Janus kinase 2; JAK-2
JAK3 | JAK3 | Janus kinase 3; JAK-3
TYK2 | TYK2 | tyrosine kinase 2
BTK | Bruton's tyrosine kinase | BTK; Bruton tyrosine kinase
ABL1 | ABL kinase | ABL; BCR-ABL; Abl kinase; BCR-ABL kinase; ABL1 kinase
PRKACA | protein kinase A | PKA; cAMP-dependent protein kinase
PRKCA | protein kinase C | PKC; PKCα
CDK4 | CDK4 | cyclin-dependent kinase 4
CDK6 | CDK6 | cyclin-dependent kinase 6
BRAF | BRAF | B-Raf; BRAF kinase
MAP2K1 | MEK1 | MEK; MAP2K1 kinase
PRKAA1 | AMPK | AMP-activated protein kinase; AMP-activated kinase
ROCK1 | Rho kinase | ROCK; ROCK1; Rho-associated kinase
CAMK2A | CaMKII | CaMKIIα; calcium/calmodulin-dependent protein kinase II
"""
    out += simple(rows, "enzyme", "family/kinases")
    rows = """
SRD5A1 | 5α-reductase type 1 | 5-alpha reductase type 1; SRD5A1 enzyme
SRD5A2 | 5α-reductase type 2 | 5-alpha reductase type 2; SRD5A2 enzyme
"""
    out += simple(rows, "enzyme", "family/5-alpha-reductase")
    rows = """
UGT1A1 | UGT1A1 | UGT1A1 enzyme; bilirubin UDP-glucuronosyltransferase
UGT2B7 | UGT2B7 | UGT2B7 enzyme
"""
    out += simple(rows, "enzyme", "family/UGT")
    rows = """
ALOX5 | 5-lipoxygenase | 5-LOX; 5-LO; arachidonate 5-lipoxygenase; 5 lipoxygenase
ALOX15 | 15-lipoxygenase | 15-LOX; 15-LO
"""
    out += simple(rows, "enzyme", "family/lipoxygenases")
    rows = """
HMGCR | HMG-CoA reductase | HMG CoA reductase; HMGCoA reductase;
    3-hydroxy-3-methylglutaryl-CoA reductase; HMG-CoA-reductase; HMGR
VKORC1 | VKORC1 | vitamin K epoxide reductase; VKOR; vitamin K epoxide reductase complex subunit 1
XDH | xanthine oxidase | XO; xanthine dehydrogenase; xanthine oxidoreductase; XOR
DPP4 | DPP-4 | DPP4; DPP-IV; dipeptidyl peptidase-4; dipeptidyl peptidase 4; CD26;
    dipeptidyl peptidase IV
DHFR | dihydrofolate reductase | DHFR enzyme
TYMS | thymidylate synthase | TS enzyme; TYMS enzyme
PARP1 | PARP1 | PARP; PARP-1; poly(ADP-ribose) polymerase 1; poly ADP ribose polymerase
PSMB5 | proteasome | 26S proteasome; 20S proteasome; proteasome β5 subunit
HDAC1 | HDAC1 | histone deacetylase 1; HDAC
IMPDH1 | IMPDH | inosine monophosphate dehydrogenase; IMP dehydrogenase
IMPA1 | inositol monophosphatase | IMPase; inositol monophosphatase 1; IMPA1 enzyme
INPP1 | inositol polyphosphate 1-phosphatase | IPPase
PLA2G4A | cytosolic phospholipase A2 | cPLA2; phospholipase A2; PLA2
PLCB1 | phospholipase C β1 | PLCβ; PLC-beta; phospholipase C
ADCY1 | adenylyl cyclase | adenylate cyclase; AC enzyme; adenylyl cyclase 1
GUCY1A1 | soluble guanylyl cyclase | sGC; soluble guanylate cyclase; guanylyl cyclase
AKR1B1 | aldose reductase | AR enzyme; aldo-keto reductase 1B1
HSD11B1 | 11β-HSD1 | 11-beta-hydroxysteroid dehydrogenase type 1; 11β-hydroxysteroid dehydrogenase 1
HSD11B2 | 11β-HSD2 | 11-beta-hydroxysteroid dehydrogenase type 2
TBXAS1 | thromboxane synthase | TXA2 synthase; thromboxane A synthase
LTA4H | LTA4 hydrolase | leukotriene A4 hydrolase
TPMT | TPMT | thiopurine S-methyltransferase; thiopurine methyltransferase
NAT2 | NAT2 | N-acetyltransferase 2; arylamine N-acetyltransferase 2
CES1 | carboxylesterase 1 | CES1 enzyme; hCE1; liver carboxylesterase
G6PD | G6PD | glucose-6-phosphate dehydrogenase
ARG1 | arginase 1 | arginase; ARG1 enzyme
ODC1 | ornithine decarboxylase | ODC
CTSK | cathepsin K | cathepsin K enzyme
MMP9 | MMP-9 | matrix metalloproteinase 9; gelatinase B
PLAT | tissue plasminogen activator | tPA; t-PA; alteplase target
PLG | plasminogen | plasmin
SERPINC1 | antithrombin | antithrombin III; AT-III; ATIII
PCSK9 | PCSK9 | proprotein convertase subtilisin/kexin type 9
CETP | CETP | cholesteryl ester transfer protein
SQLE | squalene epoxidase | squalene monooxygenase
FDPS | farnesyl diphosphate synthase | FPPS; farnesyl pyrophosphate synthase
ACACA | acetyl-CoA carboxylase | ACC
"""
    out += simple(rows, "enzyme", "")
    return out


def all_targets() -> list[Raw]:
    return [
        *serotonin(),
        *dopamine(),
        *adrenergic(),
        *muscarinic_histamine(),
        *nicotinic(),
        *gaba_glutamate_glycine(),
        *opioid_and_other_gpcrs(),
        *peptide_hormone_receptors(),
        *lipid_and_misc_receptors(),
        *trp_receptors(),
        *channels(),
        *transporters(),
        *enzymes(),
    ]
