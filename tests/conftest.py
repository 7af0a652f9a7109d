"""Shared test set-up."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test starts with an empty vaultkg cache of its own (subprocesses inherit it),
    never the user's: a warm cache would skip the parsing some tests slow down or interrupt."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("VAULTKG_CACHE_DIR", str(folder))
    monkeypatch.delenv("VAULTKG_NO_CACHE", raising=False)
    return folder
