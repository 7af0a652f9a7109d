"""The vault's RDF in a pyoxigraph store, for SPARQL: in memory, or in a folder that is reused
while the vault is unchanged.

>>> store = open_store(Path("vault"))            # in memory, built from the vault
>>> store = open_store(Path("vault"), Path("s"))  # persistent; rebuilt only when the vault changes

The store holds the same quads as the TriG export: the dataset description in the default
graph, one named graph per note, per nanopublication part and the shared graphs. Queries see
the union of all graphs as their default graph (``run_query``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

if TYPE_CHECKING:
    from .config import Config
    from .export.rdf import Dataset
    from .kg.graph import KnowledgeGraph

MANIFEST = "vaultkg-store.json"
DATABASE = "oxigraph"  # the RocksDB folder inside the store folder
FORMAT = 2  # bump when the manifest or the way quads are loaded changes


class StoreError(Exception):
    """The store folder cannot be used (not ours, locked, unreadable)."""


@dataclass(slots=True)
class VaultStore:
    store: ox.Store
    prefixes: dict[str, str]
    reused: bool = False  # loaded from a persistent folder without reading the vault


# -- quads -----------------------------------------------------------------------------------


def vault_dataset(kg: KnowledgeGraph) -> Dataset:
    """The quads and prefixes the RDF export writes (the TriG's, named graphs included)."""
    from .export.rdf import dataset

    return dataset(kg)


def query_prefixes(config: Config) -> dict[str, str]:
    """The prefixes the export declares for a vault with these settings."""
    from .export.rdf.iris import Minter
    from .export.rdf.vocab import PREFIXES

    return {**PREFIXES, **Minter.for_base(config.base_iri).prefixes()}


def run_query(store: ox.Store, text: str, prefixes: dict[str, str]) -> Any:
    """A query over the union of every graph (what the Turtle export holds, each triple once:
    no triple is in two graphs); ``GRAPH`` reaches each named graph."""
    return store.query(text, prefixes=prefixes, use_default_graph_as_union=True)


# -- the vault's fingerprint ------------------------------------------------------------------


def fingerprint(root: Path, *, skip: Path | None = None) -> str:
    """A hash of everything reading the vault depends on: the settings, every note's path and
    bytes, every attachment's path, and the versions of vaultkg and pyoxigraph.

    Files under ``skip`` (a store folder inside the vault) are left out: the database's own
    files change with every write.
    """
    from . import __version__
    from .config import CONFIG_NAME, load_config
    from .scan import scan

    h = hashlib.sha256()

    def add(*parts: str | bytes) -> None:
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)

    add(f"format {FORMAT}", __version__, ox.__version__)
    for name in (CONFIG_NAME, ".obsidian/app.json"):
        add(name, _read(root / name))
    config, _ = load_config(root)
    inside = str(skip.resolve()) + os.sep if skip is not None else None
    for f in scan(root, config, []):
        if inside is None or not f.abspath.startswith(inside):
            add(f.path, _read(Path(f.abspath)) if f.is_note else b"attachment")
    return h.hexdigest()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"\0missing"


# -- opening a store ------------------------------------------------------------------------


def open_store(
    vault: Path,
    folder: Path | None = None,
    *,
    load: Callable[[Path], KnowledgeGraph] | None = None,
) -> VaultStore:
    """The vault's quads in a store: in memory, or in ``folder``, reused when its manifest
    matches the vault's fingerprint and rebuilt otherwise.

    ``load`` reads the vault into a knowledge graph (default: ``vaultkg.load``); it is only
    called when the store has to be (re)built.
    """
    if load is None:
        from . import load as load_vault

        def load(path: Path) -> KnowledgeGraph:
            return load_vault(str(path))

    if folder is None:
        data = vault_dataset(load(vault))
        store = ox.Store()
        store.bulk_extend(data.quads)
        return VaultStore(store, dict(data.prefixes))
    _check_folder(folder)
    stamp = fingerprint(vault, skip=folder)
    manifest = _read_manifest(folder)
    if manifest is not None and manifest.get("fingerprint") == stamp:
        # read-only: any number of queries can share the folder at once
        store = _open(folder, read_only=True)
        return VaultStore(store, dict(manifest["prefixes"]), reused=True)
    data = vault_dataset(load(vault))
    (folder / MANIFEST).unlink(missing_ok=True)  # a crash while loading leaves no stale claim
    store = _open(folder)
    store.clear()
    store.bulk_extend(data.quads)
    store.flush()
    _write_manifest(folder, {"format": FORMAT, "fingerprint": stamp, "prefixes": data.prefixes})
    return VaultStore(store, dict(data.prefixes))


def _check_folder(folder: Path) -> None:
    """Refuse a folder that holds something else: rebuilding clears the store."""
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: not a folder; give a folder for the store")
    if folder.is_dir():
        names = {n for n in os.listdir(folder) if not n.startswith(f".{MANIFEST}.")}
        if not names <= {MANIFEST, DATABASE}:
            raise StoreError(
                f"{folder}: not a vaultkg store (it holds other files); give an empty or new folder"
            )


def _open(folder: Path, *, read_only: bool = False) -> ox.Store:
    try:
        if read_only:
            return ox.Store.read_only(str(folder / DATABASE))
        folder.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(folder / DATABASE))
    except OSError as exc:
        msg = " ".join(str(exc).split())
        if "lock" in msg.lower():
            raise StoreError(f"{folder}: the store is in use by another process") from exc
        raise StoreError(f"{folder}: cannot open the store ({msg})") from exc


def _read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest, or None when it is missing, unreadable or from another format."""
    try:
        data = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    ok = (
        isinstance(data, dict)
        and data.get("format") == FORMAT
        and isinstance(data.get("fingerprint"), str)
        and isinstance(data.get("prefixes"), dict)
        and (folder / DATABASE).is_dir()
    )
    return data if ok else None


def _write_manifest(folder: Path, data: dict[str, Any]) -> None:
    tmp = folder / f".{MANIFEST}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", "utf-8")
    os.replace(tmp, folder / MANIFEST)
