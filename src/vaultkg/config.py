"""Vault settings: ``vaultkg.toml`` at the vault root, plus Obsidian's own ignore filters."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Diagnostic, Severity
from .obsidian import template_folders
from .parse.note import DEFAULT_MAX_BYTES

DEFAULT_BASE_IRI = "https://example.org/vaultkg/"
CONFIG_NAME = "vaultkg.toml"
# Reading one note may take this long before it is reported and skipped.
DEFAULT_NOTE_SECONDS = 20.0

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {
    "": 1,
    "b": 1,
    "k": 1000,
    "kb": 1000,
    "kib": 1024,
    "m": 10**6,
    "mb": 10**6,
    "mib": 2**20,
    "g": 10**9,
    "gb": 10**9,
    "gib": 2**30,
}


@dataclass(slots=True)
class Config:
    base_iri: str = DEFAULT_BASE_IRI
    # [rdf]: the exported dataset's and nanopublications' licence and creator (IRIs)
    rdf_license: str | None = None
    rdf_creator: str | None = None
    exclude: list[str] = field(default_factory=list)  # glob patterns, vault-relative
    obsidian_ignore: list[str] = field(default_factory=list)  # app.json userIgnoreFilters
    max_file_size: int = DEFAULT_MAX_BYTES
    max_note_seconds: float = DEFAULT_NOTE_SECONDS  # 0 = no time budget
    types: dict[str, str] = field(default_factory=dict)  # folder -> entity type
    publish_exclude: list[str] = field(default_factory=list)
    link_headings: bool = False
    # a wikilink to a note not written yet is a placeholder in Obsidian, not a mistake
    unresolved_links: Severity = "info"
    templates: list[str] = field(default_factory=list)  # Obsidian's templates folders
    include_templates: bool = False  # read them as notes (left out by default)
    extra: dict[str, Any] = field(default_factory=dict)


def parse_size(value: Any) -> int | None:
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, str):
        m = _SIZE.match(value)
        if m:
            unit = (m.group(2) or "").lower()
            if unit in _UNITS:
                return int(float(m.group(1)) * _UNITS[unit])
    return None


def _str_list(value: Any) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def load_config(root: Path) -> tuple[Config, list[Diagnostic]]:
    """Read the vault's settings; a bad file is reported and defaults are used."""
    cfg, diags = _read_settings(root)
    _leave_out_templates(root, cfg, diags)
    return cfg, diags


def _leave_out_templates(root: Path, cfg: Config, diags: list[Diagnostic]) -> None:
    """The templates folder Obsidian is set to holds templates, not notes: a placeholder such
    as "{{title}} blocks ..." is no claim. It is left out of the graph and of every export
    (reported as info) unless ``include_templates = true``."""
    cfg.templates = sorted(template_folders(root))
    if cfg.include_templates:
        return
    excluded = {p.strip().strip("/") for p in cfg.exclude}
    for folder in cfg.templates:
        if folder in excluded:
            continue  # vaultkg.toml leaves it out already, no need to say so
        cfg.obsidian_ignore.append(folder + "/")
        diags.append(
            Diagnostic(
                folder + "/",
                1,
                1,
                "info",
                "templates-folder",
                "the Obsidian templates folder: its notes are left out of the graph and every "
                f"export; set include_templates = true in {CONFIG_NAME} to read them as notes",
            )
        )


def _read_settings(root: Path) -> tuple[Config, list[Diagnostic]]:
    cfg = Config()
    diags: list[Diagnostic] = []
    app = root / ".obsidian" / "app.json"
    if app.is_file():
        try:
            data = json.loads(app.read_text("utf-8"))
            filters = data.get("userIgnoreFilters") if isinstance(data, dict) else None
            cfg.obsidian_ignore = _str_list(filters) or []
        except (OSError, ValueError) as exc:
            diags.append(
                Diagnostic(
                    ".obsidian/app.json",
                    1,
                    1,
                    "warning",
                    "invalid-config",
                    f"cannot read Obsidian settings ({exc}); ignore filters are skipped",
                )
            )
    path = root / CONFIG_NAME
    if not path.is_file():
        return cfg, diags
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        diags.append(
            Diagnostic(
                CONFIG_NAME,
                line,
                col,
                "error",
                "invalid-config",
                f"{exc}; fix the file or remove it to use the defaults",
            )
        )
        return cfg, diags
    section = data.get("vaultkg", data)

    def bad(key: str, expected: str) -> None:
        diags.append(
            Diagnostic(
                CONFIG_NAME,
                1,
                1,
                "error",
                "invalid-config",
                f"'{key}' must be {expected}; the default is used",
            )
        )

    if "base_iri" in section:
        if isinstance(section["base_iri"], str) and re.match(r"^https?://", section["base_iri"]):
            cfg.base_iri = section["base_iri"]
        else:
            bad("base_iri", "an http(s) IRI")
    if "exclude" in section:
        value = _str_list(section["exclude"])
        if value is None:
            bad("exclude", "a list of strings")
        cfg.exclude = value or []
    if "max_file_size" in section:
        size = parse_size(section["max_file_size"])
        if size is None:
            bad("max_file_size", 'a size such as 5000000 or "5 MB"')
        else:
            cfg.max_file_size = size
    if "max_note_seconds" in section:
        value = section["max_note_seconds"]
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
            cfg.max_note_seconds = float(value)
        else:
            bad("max_note_seconds", "a number of seconds (0 for no limit)")
    types = section.get("types", {})
    if isinstance(types, dict) and all(isinstance(v, str) for v in types.values()):
        cfg.types = {k.strip("/"): v.lower() for k, v in types.items()}
    else:
        bad("types", 'a table of folder = "type"')
    publish = section.get("publish", {})
    if isinstance(publish, dict):
        cfg.publish_exclude = _str_list(publish.get("exclude", [])) or []
    rdf = section.get("rdf", {})
    if not isinstance(rdf, dict):
        bad("rdf", "a table ([rdf])")
        rdf = {}
    for key in ("license", "creator"):
        if key in rdf:
            value = rdf[key]
            if isinstance(value, str) and re.match(r"^https?://\S+$", value.strip()):
                setattr(cfg, f"rdf_{key}", value.strip())
            else:
                bad(f"rdf.{key}", "an http(s) IRI (a licence URL, an ORCID)")
    link = section.get("link", {})
    if isinstance(link, dict):
        cfg.link_headings = bool(link.get("headings", False))
    if "include_templates" in section:
        if isinstance(section["include_templates"], bool):
            cfg.include_templates = section["include_templates"]
        else:
            bad("include_templates", "true or false")
    check = section.get("check", {})
    if isinstance(check, dict) and "unresolved_links" in check:
        level = check["unresolved_links"]
        if level in ("info", "warning", "error"):
            cfg.unresolved_links = level
        else:
            bad("check.unresolved_links", '"info", "warning" or "error"')
    known = {
        "base_iri",
        "exclude",
        "include_templates",
        "max_file_size",
        "max_note_seconds",
        "types",
        "publish",
        "link",
        "check",
        "vaultkg",
        "rdf",
    }
    cfg.extra = {k: v for k, v in section.items() if k not in known}
    return cfg, diags
