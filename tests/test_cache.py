"""The content-addressed cache: same answers warm as cold, damaged entries rebuilt, edits seen,
never inside the vault unless configured, never from a folder others can write."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vaultkg.cache import Cache, key_of, open_cache
from vaultkg.export.json_export import to_json
from vaultkg.kg.graph import build
from vaultkg.vault import read_vault

VAULTKG = [sys.executable, "-c", "from vaultkg.cli import main; main()"]
EXAMPLE = Path(__file__).resolve().parents[1] / "vault"


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    shutil.copytree(EXAMPLE, root)
    return root


def graph_json(root: Path, cache: Cache | bool | None) -> str:
    return json.dumps(to_json(build(read_vault(root, jobs=1, cache=cache))), sort_keys=True)


def entries(folder: Path) -> dict[str, list[Path]]:
    return {
        kind.name: sorted(p for p in kind.rglob("*") if p.is_file())
        for kind in sorted(folder.iterdir())
    }


def test_a_warm_read_gives_the_same_graph_as_no_cache(vault: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c")
    expected = graph_json(vault, None)
    assert graph_json(vault, cache) == expected  # cold: fills the cache
    found = entries(cache.root)
    assert sorted(found) == ["graph", "parse", "vault"]
    assert len(found["parse"]) == 84 and len(found["vault"]) == 1 and len(found["graph"]) == 1
    assert graph_json(vault, cache) == expected  # warm: read back


def test_the_default_cache_is_the_environment_folder(vault: Path, _own_cache: Path) -> None:
    v = read_vault(vault, jobs=1)
    assert v.cache == Cache(_own_cache) and len(v.fingerprint) == 40
    assert sorted(entries(_own_cache)) == ["parse", "vault"]


def test_damaged_entries_are_ignored_and_rebuilt(vault: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c")
    expected = graph_json(vault, cache)
    files = [p for ps in entries(cache.root).values() for p in ps]
    for i, path in enumerate(files):
        data = path.read_bytes()
        if i % 3 == 0:
            path.write_bytes(data[: len(data) // 2])  # truncated
        elif i % 3 == 1:
            path.write_bytes(data[:-10] + bytes(b ^ 0xFF for b in data[-10:]))  # flipped bits
        else:
            path.write_bytes(b"not a cache entry")
    assert graph_json(vault, cache) == expected
    # each entry was written again, whole
    assert all(cache.get(p.parent.parent.name, p.name) is not None for p in files)


def test_a_foreign_object_in_a_valid_frame_is_a_miss(vault: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c")
    expected = graph_json(vault, cache)
    for kind in ("vault", "graph"):
        for path in entries(cache.root)[kind]:
            cache.put(kind, path.name, {"something": "else"})
    assert graph_json(vault, cache) == expected


def test_an_edit_is_seen_and_only_that_note_is_parsed_again(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vaultkg.vault as vault_module

    cache = Cache(tmp_path / "c")
    graph_json(vault, cache)
    note = vault / "Drugs" / "Caffeine.md"
    text = note.read_text("utf-8").replace(
        "# Caffeine\n", "# Caffeine\n\nCaffeine blocks the A2B receptor.\n"
    )
    note.write_text(text, "utf-8")
    parsed: list[str] = []
    real = vault_module.parse_note

    def counting(data: bytes, path: str, **kw: object):  # type: ignore[no-untyped-def]
        parsed.append(path)
        return real(data, path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(vault_module, "parse_note", counting)
    kg = build(read_vault(vault, jobs=1, cache=cache))
    assert parsed == ["Drugs/Caffeine.md"]
    texts = [c.text for c in kg.claims if c.note == "Drugs/Caffeine.md"]
    assert "Caffeine blocks the A2B receptor." in texts
    monkeypatch.setattr(vault_module, "parse_note", real)
    assert graph_json(vault, cache) == graph_json(vault, None)


def test_settings_are_part_of_the_key(vault: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c")
    first = read_vault(vault, jobs=1, cache=cache).fingerprint
    with open(vault / "vaultkg.toml", "a", encoding="utf-8") as fh:
        fh.write('\n[check]\nunresolved_links = "warning"\n')
    second = read_vault(vault, jobs=1, cache=cache)
    assert second.fingerprint != first
    assert graph_json(vault, cache) == graph_json(vault, None)


def test_a_cache_configured_inside_the_vault_is_not_read_as_part_of_it(vault: Path) -> None:
    with open(vault / "vaultkg.toml", "a", encoding="utf-8") as fh:
        fh.write('\n[cache]\ndir = ".vaultkg-cache"\n')
    os.environ.pop("VAULTKG_CACHE_DIR")  # the fixture's folder would win over the setting
    first = read_vault(vault, jobs=1)
    assert first.cache == Cache(vault / ".vaultkg-cache")
    second = read_vault(vault, jobs=1)
    assert second.fingerprint == first.fingerprint
    assert not [a for a in second.attachments if a.startswith(".vaultkg-cache")]


def test_a_folder_others_can_write_is_never_used(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    os.environ["VAULTKG_CACHE_DIR"] = str(folder)
    assert open_cache(tmp_path) is None
    folder.chmod(0o700)
    assert open_cache(tmp_path) == Cache(folder)


def test_a_file_where_the_cache_should_be_means_no_cache(vault: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("mine\n", "utf-8")
    os.environ["VAULTKG_CACHE_DIR"] = str(blocker / "sub")
    v = read_vault(vault, jobs=1)
    assert v.cache is None and v.fingerprint == ""
    assert blocker.read_text("utf-8") == "mine\n"


def test_keys_differ_by_every_part() -> None:
    keys = {key_of("parse", "a.md", "d", 1, False), key_of("parse", "a.md", "d", 1, True)}
    keys |= {key_of("parse", "a.md", "d", 2, False), key_of("parse", "a.mdd", "", 1, False)}
    assert len(keys) == 4


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*VAULTKG, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_cli_cache_options(vault: Path, tmp_path: Path, _own_cache: Path) -> None:
    folder = tmp_path / "mine"
    cold = run("--cache", str(folder), "query", "relations", str(vault))
    assert cold.returncode == 0, cold.stderr
    assert sorted(entries(folder)) == ["graph", "parse", "vault"]
    warm = run("--cache", str(folder), "query", "relations", str(vault))
    assert warm.stdout == cold.stdout and warm.returncode == 0
    off = run("--no-cache", "query", "relations", str(vault))
    assert off.stdout == cold.stdout
    assert list(_own_cache.iterdir()) == []
    off = run("query", "relations", str(vault), env={"VAULTKG_NO_CACHE": "1"})
    assert off.stdout == cold.stdout
    assert list(_own_cache.iterdir()) == []


def test_concurrent_runs_share_the_cache(vault: Path, tmp_path: Path) -> None:
    folder = tmp_path / "c"
    procs = [
        subprocess.Popen(
            [*VAULTKG, "--cache", str(folder), "claims", str(vault)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    assert outs[0][0] == outs[1][0] == outs[2][0] != ""
    assert not [p for p in folder.rglob("*.tmp")]


def site_files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".vaultkg-site-build.json"
    }


def test_the_site_from_the_render_memo_is_the_site_without_it(vault: Path, tmp_path: Path) -> None:
    from vaultkg.export.site import write_site

    fresh = write_site(
        build(read_vault(vault, jobs=1, cache=False)), tmp_path / "fresh", title="Notes"
    )
    cache = Cache(tmp_path / "c")
    cold = write_site(
        build(read_vault(vault, jobs=1, cache=cache)), tmp_path / "cold", title="Notes"
    )
    assert (cold.memo_hits, cold.memo_misses) == (0, fresh.notes)
    # the same vault elsewhere: a new stamp key (its attachments), every body from the memo
    moved = tmp_path / "moved"
    shutil.copytree(vault, moved)
    warm = write_site(
        build(read_vault(moved, jobs=1, cache=cache)), tmp_path / "warm", title="Notes"
    )
    assert (warm.memo_hits, warm.memo_misses) == (fresh.notes, 0)
    expected = site_files(tmp_path / "fresh")
    assert site_files(tmp_path / "cold") == expected
    assert site_files(tmp_path / "warm") == expected


def test_an_unchanged_site_is_not_written_again_unless_touched(vault: Path, tmp_path: Path) -> None:
    from vaultkg.export.site import write_site

    cache = Cache(tmp_path / "c")
    out = tmp_path / "site"
    first = write_site(build(read_vault(vault, jobs=1, cache=cache)), out)
    page = out / "notes/drugs/caffeine.html"
    inode = page.stat().st_ino
    again = write_site(build(read_vault(vault, jobs=1, cache=cache)), out)
    assert page.stat().st_ino == inode  # the folder was left as it was
    assert (again.pages, again.notes, again.files) == (first.pages, first.notes, first.files)
    page.write_text("changed by hand", "utf-8")
    write_site(build(read_vault(vault, jobs=1, cache=cache)), out)
    assert "changed by hand" not in page.read_text("utf-8")
    (out / "stale.html").write_text("added by hand", "utf-8")
    write_site(build(read_vault(vault, jobs=1, cache=cache)), out)
    assert not (out / "stale.html").exists()
    edit = vault / "Drugs" / "Caffeine.md"
    edit.write_text(edit.read_text("utf-8") + "\nA new line for the site.\n", "utf-8")
    write_site(build(read_vault(vault, jobs=1, cache=cache)), out)
    assert "A new line for the site." in page.read_text("utf-8")


def test_whole_vault_entries_are_pruned_to_the_most_recent(vault: Path, tmp_path: Path) -> None:
    from vaultkg.cache import KEEP_WHOLE

    cache = Cache(tmp_path / "c")
    note = vault / "Drugs" / "Caffeine.md"
    original = note.read_text("utf-8")
    for i in range(KEEP_WHOLE + 3):
        note.write_text(original + f"\nEdit number {i}.\n", "utf-8")
        build(read_vault(vault, jobs=1, cache=cache))
    found = entries(cache.root)
    assert len(found["vault"]) == KEEP_WHOLE and len(found["graph"]) == KEEP_WHOLE
    assert len(found["parse"]) == 84 + KEEP_WHOLE + 2  # one per version of the edited note


def test_a_file_given_as_the_cache_folder_is_a_clear_error(vault: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("mine\n", "utf-8")
    done = run("--cache", str(blocker), "query", "relations", str(vault))
    assert done.returncode == 2
    assert done.stderr == f"vaultkg: error: {blocker}: not a folder; give a folder for the cache\n"
    assert blocker.read_text("utf-8") == "mine\n"
