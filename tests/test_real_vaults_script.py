"""benchmarks/real_vaults.py: figures, a deterministic sample, and never writing into a vault."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "real_vaults.py"


@pytest.fixture(scope="module")
def rv():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("real_vaults", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _vault(root: Path) -> Path:
    (root / "Drugs").mkdir(parents=True)
    (root / "Targets").mkdir()
    (root / "Drugs" / "Blockamine.md").write_text(
        "---\ntype: drug\n---\n# Blockamine\n\nantagonist_of:: [[Zeta receptor]]\n\n"
        "Blockamine is taken twice a day.\nIt was first sold in 1990.\n",
        encoding="utf-8",
    )
    (root / "Targets" / "Zeta receptor.md").write_text(
        "---\ntype: receptor\n---\n# Zeta receptor\n\nThe Zeta receptor sits in the gut.\n",
        encoding="utf-8",
    )
    return root


def _run(rv, argv: list[str], capsys) -> str:  # type: ignore[no-untyped-def]
    assert rv.main(argv) == 0
    return capsys.readouterr().out


def test_figures_of_a_small_vault(rv, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    vault = _vault(tmp_path / "v")
    figures = json.loads(_run(rv, [str(vault), "--json"], capsys))["v"]
    assert figures["notes"] == 2
    assert figures["entities"]["drug"] == {"notes": 1}
    assert figures["entities"]["receptor"] == {"notes": 1}
    assert figures["relations"]["total"] == 1
    assert figures["relations"]["explicit"] == 1
    assert figures["relations"]["prose"] == 0
    assert figures["claims"]["total"] == sum(figures["claims"]["by_level"].values())


def test_sample_is_deterministic_and_complete(rv, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    vault = _vault(tmp_path / "v")
    out1, out2 = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _run(rv, [str(vault), "--sample", "50", "--seed", "3", "--out", str(out1)], capsys)
    _run(rv, [str(vault), "--sample", "50", "--seed", "3", "--out", str(out2)], capsys)
    assert out1.read_bytes() == out2.read_bytes()
    items = [json.loads(line) for line in out1.read_text(encoding="utf-8").splitlines()]
    relations = [i for i in items if i["item"] == "relation"]
    assert [(r["drug"], r["action"], r["target"]) for r in relations] == [
        ("Blockamine", "antagonist", "Zeta receptor")
    ]
    assert all(i["verdict"] == "" and i["why"] == "" for i in items)
    claims = [i for i in items if i["item"] == "claim"]
    assert claims and all({"note", "line", "level", "citations"} <= c.keys() for c in claims)


def test_draw_takes_n_of_many_whatever_the_input_order(rv) -> None:  # type: ignore[no-untyped-def]
    records = [{"vault": "v", "note": f"n{i}.md", "line": i, "claim": "c"} for i in range(30)]
    a = rv.draw(records, 5, rv.random.Random(1))
    b = rv.draw(list(reversed(records)), 5, rv.random.Random(1))
    assert a == b and len(a) == 5


def test_refuses_to_write_inside_a_vault(rv, tmp_path) -> None:  # type: ignore[no-untyped-def]
    vault = _vault(tmp_path / "v")
    with pytest.raises(SystemExit):
        rv.main([str(vault), "--sample", "1", "--out", str(vault / "sample.jsonl")])
    assert not (vault / "sample.jsonl").exists()


def test_origin_of_tells_vocabulary_terms_from_notes(rv) -> None:  # type: ignore[no-untyped-def]
    assert rv.origin_of(SimpleNamespace(note="Drugs/Caffeine.md")) == "notes"
    assert rv.origin_of(SimpleNamespace(note=None)) == "vocabulary"
