"""Private means private in every export: graph.json, RDF and the site (issue 15, item 4)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from vaultkg.cli import app
from vaultkg.config import Config
from vaultkg.model import Note
from vaultkg.privacy import flag, is_private

runner = CliRunner()

# Marker words that appear only in private notes.
SECRET_WORDS = ("Zorblatine", "Quexa", "Vemmon", "Draftium", "Hushdol", "Larkspin", "Stowaway")

NOTES = {
    "Targets/D2 receptor.md": "---\ntype: receptor\n---\nA dopamine receptor.\n",
    "Drugs/Haloperidol.md": (
        '---\ntype: drug\nsee_also: ["[[Hushdol]]", "x"]\n---\n'
        "Haloperidol is an antagonist of the [[D2 receptor]].[^pub]\n\n"
        "Haloperidol is an antagonist of the [[D2 receptor]] in a trial. [[Quexa trial 2019]]\n\n"
        "[^pub]: [[Open review 2020]]\n"
    ),
    "Sources/Open review 2020.md": (
        "---\ntype: source\nsource_type: narrative review\ndoi: 10.1000/open.1\n---\nOpen.\n"
    ),
    "Sources/Quexa trial 2019.md": (
        "---\ntype: source\nsource_type: randomized controlled trial\n"
        "doi: 10.1000/quexa.2\npublish: false\n---\nA trial I may not share.\n"
    ),
    "Drugs/Zorblatine.md": (
        "---\ntype: drug\ndraft: true\n---\nZorblatine is an antagonist of the [[D2 receptor]].\n"
    ),
    "Notes/Vemmon.md": "---\ndraft: 1\n---\nVemmon notes.\n",
    "Notes/Draftium.md": "---\npublish: [false]\n---\nDraftium notes.\n",
    "Notes/Hushdol.md": '---\npublish: "no"\n---\nHushdol notes.\n',
    "Notes/Larkspin.md": "---\nprivate: yes\n---\nLarkspin notes.\n",
    "Private/Stowaway.md": "Stowaway notes.\n",
    "vaultkg.toml": '[publish]\nexclude = ["Private/"]\n',
}


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    for rel, text in NOTES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    return root


def publish(vault: Path, out: Path, *extra: str) -> str:
    result = runner.invoke(app, ["publish", str(vault), "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return "\n".join(
        p.read_bytes().decode("utf-8", "replace") for p in out.rglob("*") if p.is_file()
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, True),
        (False, False),
        (1, True),
        (0, False),
        ("yes", True),
        (" No ", False),
        ("'false'", False),
        ("on", True),
        ([False], False),
        (["true"], True),
        ([True, False], None),
        ("maybe", None),
        (None, None),
    ],
)
def test_every_spelling_of_a_flag(value: object, expected: bool | None) -> None:
    assert flag(value) is expected


def test_which_notes_are_private() -> None:
    config = Config(publish_exclude=["Private/"])

    def private(path: str, **props: object) -> bool:
        return is_private(Note(path=path, title="t", properties=dict(props)), config)

    assert private("a.md", publish=False)
    assert private("a.md", published="false")
    assert private("a.md", draft=1)
    assert private("a.md", private=True)
    assert private("Private/a.md")
    assert not private("a.md", publish=True, draft=False)
    assert not private("a.md", draft="no")
    assert not private("Privateer.md")


def test_no_export_holds_a_private_note(vault: Path, tmp_path: Path) -> None:
    written = publish(vault, tmp_path / "out")
    for word in SECRET_WORDS:
        assert word not in written, word
    assert "10.1000/quexa.2" not in written
    data = json.loads((tmp_path / "out" / "graph.json").read_text("utf-8"))
    assert sorted(n["path"] for n in data["notes"]) == [
        "Drugs/Haloperidol.md",
        "Sources/Open review 2020.md",
        "Targets/D2 receptor.md",
    ]


def test_a_private_source_does_not_raise_the_level(vault: Path, tmp_path: Path) -> None:
    def graph(*extra: str) -> dict:  # type: ignore[type-arg]
        out = tmp_path / ("all" if extra else "public")
        publish(vault, out, *extra)
        return json.loads((out / "graph.json").read_text("utf-8"))

    everything = graph("--include-private")
    assert [(r["subject"], r["level"]) for r in everything["relations"]] == [
        ("Haloperidol", "high"),  # the private trial grades it high
        ("Zorblatine", "unsupported"),
    ]
    data = graph()
    assert [s["id"] for s in data["sources"]] == ["Sources/Open review 2020.md"]
    claims = [(c["line"], c["level"], c["text"], c["citations"]) for c in data["claims"]]
    assert claims[1] == (
        7,
        "unsupported",
        "Haloperidol is an antagonist of the D2 receptor in a trial. private note",
        [],
    )
    schema = json.loads(
        resources.files("vaultkg").joinpath("data/graph.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator(schema).validate(data)
    links = next(n for n in data["notes"] if n["path"] == "Drugs/Haloperidol.md")["links"]
    assert [
        (k["target"], k["status"], k["resolved"]) for k in links if k["status"] == "private"
    ] == [
        ("", "private", None),  # the property link to Hushdol
        ("", "private", None),  # the trial
    ]
    haloperidol = next(n for n in data["notes"] if n["path"] == "Drugs/Haloperidol.md")
    assert haloperidol["properties"]["see_also"] == ["[[private note]]", "x"]
    assert [(r["subject"], r["action"], r["object"], r["level"]) for r in data["relations"]] == [
        ("Haloperidol", "antagonist", "D2 receptor", "low")  # the public review alone
    ]


def test_the_site_names_a_private_source_only_as_private(vault: Path, tmp_path: Path) -> None:
    publish(vault, tmp_path / "out")
    page = next((tmp_path / "out" / "site").rglob("haloperidol.html")).read_text("utf-8")
    assert '<span class="private-link">private note</span>' in page
    assert "Quexa" not in page
    matrix = next((tmp_path / "out" / "site").rglob("matrix.html")).read_text("utf-8")
    assert "Haloperidol" in matrix and "Zorblatine" not in matrix


def test_include_private_exports_everything(vault: Path, tmp_path: Path) -> None:
    written = publish(vault, tmp_path / "out", "--include-private")
    for word in SECRET_WORDS:
        assert word in written, word
    data = json.loads((tmp_path / "out" / "graph.json").read_text("utf-8"))
    assert len(data["notes"]) == 10


@pytest.mark.parametrize("command", [["export", "json"], ["export", "rdf", "--format", "all"]])
def test_single_exports_leave_private_notes_out(
    vault: Path, tmp_path: Path, command: list[str]
) -> None:
    out = tmp_path / ("g.json" if command[1] == "json" else "rdf")
    result = runner.invoke(app, [*command[:2], str(vault), "-o", str(out), *command[2:]])
    assert result.exit_code == 0, result.output
    files = [out] if out.is_file() else [p for p in out.iterdir() if p.name.startswith("graph")]
    for path in files:
        text = path.read_text("utf-8")
        for word in SECRET_WORDS:
            assert word not in text, (path.name, word)


def test_the_python_api_cannot_leak_either(vault: Path, tmp_path: Path) -> None:
    import vaultkg
    from vaultkg.export.json_export import write_json

    write_json(vaultkg.load(str(vault)), tmp_path / "g.json")
    text = (tmp_path / "g.json").read_text("utf-8")
    assert not [w for w in SECRET_WORDS if w in text]
