"""``vaultkg query path`` and ``vaultkg query neighbours``: graph questions answered on the
knowledge graph's networkx graph (``vaultkg.kg.paths``), on the example vault and small ones."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from kgutil import load, write_vault
from typer.testing import CliRunner

import vaultkg
from vaultkg.cli import app
from vaultkg.kg.graph import KnowledgeGraph
from vaultkg.kg.paths import UnknownName, entity_graph, neighbours, paths, resolve

ROOT = Path(__file__).resolve().parents[1]
VAULT = str(ROOT / "vault")
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def kg(example_kg: KnowledgeGraph) -> KnowledgeGraph:
    return example_kg  # built once per session (conftest.py)


def titles(kg: KnowledgeGraph, keys: list[str]) -> list[str]:
    return [kg.title(k) for k in keys]


# -- the example vault ----------------------------------------------------------------------


def test_cocaine_reaches_downregulation_through_d2_first(kg: KnowledgeGraph) -> None:
    routes = paths(kg, "cocaine", "downregulation")
    assert [titles(kg, r.nodes) for r in routes] == [
        ["Cocaine", "Dopamine D2 receptor", "Downregulation"],
        ["Cocaine", "Dopamine transporter", "Dopamine", "Downregulation"],
        ["Cocaine", "Norepinephrine transporter", "Dopamine", "Downregulation"],
        ["Cocaine", "Serotonin transporter", "Dopamine D2 receptor", "Downregulation"],
        # "cocaine blocks the monoamine transporters": the family, from the vocabulary
        ["Cocaine", "monoamine transporters", "Dopamine transporter", "Dopamine", "Downregulation"],
    ]
    first, second = routes[0].steps
    assert [(r.action, r.level) for r in first.relations] == [("downregulates", "moderate")]
    assert first.adaptation is None
    # D2 → Downregulation: cocaine's own adaptation, and the claims naming both
    assert second.relations == ()
    assert second.adaptation is not None
    assert (second.adaptation.subject, second.adaptation.action) == (
        "Drugs/Cocaine.md",
        "downregulates",
    )
    by_id = kg.claims_by_id
    assert [by_id[c].where for c in second.claims] == [
        "Drugs/Cocaine.md:11",
        "Notes/D2 receptor availability in cocaine users.md:22",
        "Targets/Dopamine D2 receptor.md:24",
    ]


def test_query_path_csv() -> None:
    code, out, err = run("query", "path", VAULT, "cocaine", "downregulation", "-f", "csv")
    assert code == 0, err
    rows = csv_rows(out)
    assert [(r["route"], r["step"], r["from"], r["to"], r["how"]) for r in rows] == [
        ("1", "1", "Cocaine", "Dopamine D2 receptor", "downregulates"),
        (
            "1",
            "2",
            "Dopamine D2 receptor",
            "Downregulation",
            "Cocaine downregulates Dopamine D2 receptor",
        ),
        ("2", "1", "Cocaine", "Dopamine transporter", "reuptake inhibitor"),
        ("2", "2", "Dopamine transporter", "Dopamine", "shared claims"),
        ("2", "3", "Dopamine", "Downregulation", "shared claims"),
        ("3", "1", "Cocaine", "Norepinephrine transporter", "reuptake inhibitor"),
        ("3", "2", "Norepinephrine transporter", "Dopamine", "shared claims"),
        ("3", "3", "Dopamine", "Downregulation", "shared claims"),
        ("4", "1", "Cocaine", "Serotonin transporter", "reuptake inhibitor"),
        ("4", "2", "Serotonin transporter", "Dopamine D2 receptor", "shared claims"),
        (
            "4",
            "3",
            "Dopamine D2 receptor",
            "Downregulation",
            "Cocaine downregulates Dopamine D2 receptor",
        ),
        ("5", "1", "Cocaine", "monoamine transporters", "reuptake inhibitor"),
        ("5", "2", "monoamine transporters", "Dopamine transporter", "shared claims"),
        ("5", "3", "Dopamine transporter", "Dopamine", "shared claims"),
        ("5", "4", "Dopamine", "Downregulation", "shared claims"),
    ]
    assert rows[1] == {
        "route": "1",
        "step": "2",
        "from": "Dopamine D2 receptor",
        "to": "Downregulation",
        "how": "Cocaine downregulates Dopamine D2 receptor",
        "level": "moderate",
        "claims": "3",
        "where": "Drugs/Cocaine.md:11, Notes/D2 receptor availability in cocaine users.md:22, "
        "Targets/Dopamine D2 receptor.md:24",
    }
    assert [(r["level"], r["claims"]) for r in rows[:3]] == [
        ("moderate", "13"),
        ("moderate", "3"),
        ("moderate", "7"),
    ]


def test_query_path_table_lists_the_routes_first() -> None:
    code, out, _ = run("query", "path", VAULT, "haloperidol", "upregulation")
    assert code == 0
    lines = out.splitlines()
    assert lines[:3] == [
        "1. Haloperidol → Dopamine D2 receptor → Upregulation",
        "2. Haloperidol → Serotonin 5-HT2A receptor → Dopamine D2 receptor → Upregulation",
        "",
    ]
    assert lines[3].split() == ["route", "step", "from", "to", "how", "level", "claims", "where"]
    assert lines[5].startswith(
        "1      1     Haloperidol                Dopamine D2 receptor       "
        "antagonist, inverse agonist, upregulates      moderate  15      "
    )


def test_query_path_json() -> None:
    code, out, _ = run("query", "path", VAULT, "morphine", "desensitization", "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc[0]["route"] == ["Morphine", "Mu-opioid receptor", "Desensitization"]
    step = doc[0]["steps"][1]
    assert step["relations"] == []
    assert {k: step["adaptation"][k] for k in ("drug", "action", "target", "level")} == {
        "drug": "Morphine",
        "action": "desensitizes",
        "target": "Mu-opioid receptor",
        "level": "low",
    }
    assert {c["where"] for c in step["claims"]} >= {"Drugs/Morphine.md:11"}
    assert all(set(c) == {"id", "where", "level", "text"} for c in step["claims"])


def test_query_neighbours_csv() -> None:
    code, out, err = run("query", "neighbours", VAULT, "cocaine", "-f", "csv")
    assert code == 0, err
    assert out.splitlines() == [
        "entity,type,depth,via,relations,claims,level",
        "Dopamine D2 receptor,receptor,1,Cocaine,downregulates,13,moderate",
        "Dopamine transporter,transporter,1,Cocaine,reuptake inhibitor,7,moderate",
        "Serotonin transporter,transporter,1,Cocaine,reuptake inhibitor,6,moderate",
        "Methylphenidate,drug,1,Cocaine,,6,moderate",
        "Norepinephrine transporter,transporter,1,Cocaine,reuptake inhibitor,5,moderate",
        "Dopamine,neurotransmitter,1,Cocaine,,5,unsupported",
        "Amphetamine,drug,1,Cocaine,,4,moderate",
        "reuptake,mechanism,1,Cocaine,,4,moderate",
        "Downregulation,mechanism,1,Cocaine,,3,moderate",
        "Norepinephrine,neurotransmitter,1,Cocaine,,2,moderate",
        "monoamine transporters,transporter,1,Cocaine,reuptake inhibitor,1,moderate",
        "Cannabinoid CB1 receptor,receptor,1,Cocaine,,1,unsupported",
        "cannabis,drug,1,Cocaine,,1,unsupported",
        "Fluoxetine,drug,1,Cocaine,,1,moderate",
        "glucose,drug,1,Cocaine,,1,unsupported",
        "Morphine,drug,1,Cocaine,,1,unsupported",
        "Nicotine,drug,1,Cocaine,,1,unsupported",
        "Sertraline,drug,1,Cocaine,,1,moderate",
        "THC,drug,1,Cocaine,,1,unsupported",
        "Withdrawal,mechanism,1,Cocaine,,1,moderate",
    ]


def test_neighbours_at_depth_two(kg: KnowledgeGraph) -> None:
    found = neighbours(kg, "Downregulation", depth=2)
    keys = [n.key for n in found]
    assert len(keys) == len(set(keys)) and "Mechanisms/Downregulation.md" not in keys
    assert [n.depth for n in found] == sorted(n.depth for n in found)
    first_far = next(n for n in found if n.depth == 2)
    assert (kg.title(first_far.key), kg.title(first_far.via), len(first_far.claims)) == (
        "Haloperidol",
        "Dopamine D2 receptor",
        15,
    )
    near = {n.key for n in found if n.depth == 1}
    assert all(n.via in near for n in found if n.depth == 2)
    # every reported link is a real edge of the entity graph, with the same claims
    h = entity_graph(kg)
    for n in found:
        assert list(n.claims) == h.edges[n.via, n.key]["link"].claims


def test_unknown_names_say_what_is_known() -> None:
    code, out, err = run("query", "path", VAULT, "cocain", "downregulation")
    assert (code, out) == (1, "")
    assert err == (
        "vaultkg: error: no drug named 'cocain' in the vault (titles and aliases are searched); "
        "known: Cocaine\n"
    )
    code, _, err = run("query", "path", VAULT, "cocaine", "regulation")
    assert code == 1
    assert err == (
        "vaultkg: error: no mechanism, effect or target named 'regulation' in the vault "
        "(titles and aliases are searched); known: Antipsychotics and D2 receptor upregulation, "
        "CB1 downregulation in daily cannabis users, Downregulation, Upregulation\n"
    )
    code, _, err = run("query", "neighbours", VAULT, "nothing like it")
    assert code == 1
    assert err.startswith("vaultkg: error: no entity named 'nothing like it' in the vault")
    assert err.endswith(" …\n") and len(err.splitlines()) == 1


def test_depth_must_be_positive() -> None:
    code, _, err = run("query", "neighbours", VAULT, "cocaine", "--depth", "0")
    assert code == 2
    assert "--depth" in err


# -- small vaults -------------------------------------------------------------------------


MECHANISMS = {
    "Mechanisms/Downregulation.md": "---\ntype: mechanism\naliases: [down-regulation]\n---\n",
    "Mechanisms/Tolerance.md": "---\ntype: mechanism\n---\n",
}


def test_an_adaptation_relation_reaches_its_mechanism_without_a_shared_claim(
    tmp_path: Path,
) -> None:
    kg = load(
        tmp_path,
        {
            **MECHANISMS,
            "Drugs/Haloperidol.md": """\
                ---
                type: drug
                ---
                downregulates:: [[Dopamine D2 receptor]]
                """,
        },
    )
    [route] = paths(kg, "haloperidol", "down-regulation")
    assert route.nodes == [
        "Drugs/Haloperidol.md",
        "Targets/Dopamine D2 receptor.md",
        "Mechanisms/Downregulation.md",
    ]
    assert route.steps[1].adaptation is not None
    assert list(route.steps[1].claims) == route.steps[1].adaptation.claims  # the relation's


def test_routes_never_pass_through_another_drug(tmp_path: Path) -> None:
    kg = load(
        tmp_path,
        {
            **MECHANISMS,
            "Notes/Stimulants.md": """\
                Caffeine antagonises the A1 receptor.

                Amphetamine and the A1 receptor were studied together.

                Amphetamine tolerance develops quickly.
                """,
        },
    )
    assert [kg.title(k) for k in paths(kg, "caffeine", "A1")[0].nodes] == [
        "Caffeine",
        "Adenosine A1 receptor",
    ]
    assert paths(kg, "caffeine", "tolerance") == []  # only through amphetamine
    code, out, err = run("query", "path", str(tmp_path), "caffeine", "tolerance")
    assert (code, out) == (1, "")
    assert err == (
        "vaultkg: error: no route from 'caffeine' to 'tolerance' through a target in the vault\n"
    )


def test_a_name_shared_by_two_entities_is_ambiguous(tmp_path: Path) -> None:
    write_vault(
        tmp_path,
        {
            "Targets/Norepinephrine transporter.md": "---\ntype: transporter\naliases: [NE]\n---",
            "NT/Norepinephrine.md": "---\ntype: neurotransmitter\naliases: [NE]\n---",
        },
    )
    kg = vaultkg.load(str(tmp_path))
    with pytest.raises(UnknownName) as info:
        resolve(kg, "ne")
    assert [e.title for e in info.value.candidates] == [
        "Norepinephrine",
        "Norepinephrine transporter",
    ]
    code, out, err = run("query", "neighbours", str(tmp_path), "NE")
    assert (code, out) == (1, "")
    assert err == (
        "vaultkg: error: 'NE' matches several entity names: Norepinephrine (neurotransmitter), "
        "Norepinephrine transporter (transporter); give one title\n"
    )
