"""YAML front matter: find it, load it safely, and read Obsidian's special properties."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

# A note's properties are small; anything bigger is a pasted document or an attack.
MAX_FRONTMATTER_CHARS = 256_000
# Bounds the values a loaded document may expand to: YAML aliases let a few lines stand
# for billions of nodes ("billion laughs"), and PyYAML would happily share them until we walk.
MAX_NODES = 100_000

_FENCE = re.compile(r"^---[ \t]*\r?$")
_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


@dataclass(slots=True)
class FrontMatter:
    properties: dict[str, Any] = field(default_factory=dict)
    lines: int = 0  # lines taken, including both fences; 0 when the note has none
    error: str | None = None
    error_line: int = 1


def split(text: str) -> tuple[str | None, int]:
    """Return (yaml_text, lines_taken) when ``text`` starts with a front matter block."""
    if not text.startswith("---"):
        return None, 0
    first_nl = text.find("\n")
    if first_nl == -1 or not _FENCE.match(text[:first_nl]):
        return None, 0
    pos = first_nl + 1
    line_no = 1
    limit = min(len(text), MAX_FRONTMATTER_CHARS + first_nl + 1)
    while pos <= limit:
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        line_no += 1
        if _END.match(text[pos:end]):
            return text[first_nl + 1 : pos], line_no
        if nl == -1:
            break
        pos = nl + 1
    return None, 0


# libyaml's scanner and parser when PyYAML was built with it (several times faster); the
# constructor stays PyYAML's own safe one, so the node budget below applies either way.
_SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[misc]
    """Safe loader that refuses documents which expand past MAX_NODES."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._nodes = 0

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise yaml.YAMLError(f"front matter expands to more than {MAX_NODES} values")
        return super().construct_object(node, deep)


def _plain(value: Any, budget: list[int]) -> Any:
    """Copy ``value`` into JSON-friendly data, failing when aliases blow it up."""
    budget[0] -= 1
    if budget[0] < 0:
        raise yaml.YAMLError(f"front matter expands to more than {MAX_NODES} values")
    if isinstance(value, dict):
        return {str(k): _plain(v, budget) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_plain(v, budget) for v in value]
    if isinstance(value, _dt.datetime | _dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


def parse(text: str) -> FrontMatter:
    """Read the front matter at the start of ``text``; never raises on bad YAML."""
    raw, lines = split(text)
    if raw is None:
        if text.startswith("---\n") or text.startswith("---\r\n"):
            if _CLOSING.search(text, 4):
                return FrontMatter(
                    error=f"front matter is longer than {MAX_FRONTMATTER_CHARS:,} characters; "
                    "move the long values into the body"
                )
            return FrontMatter(error="front matter is not closed by a '---' line")
        return FrontMatter()
    try:
        loaded = yaml.load(raw, Loader=_Loader)
        data = _plain(loaded, [MAX_NODES])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = 2 + (mark.line if mark else 0)
        problem = exc.problem or str(exc)
        return FrontMatter(lines=lines, error=f"invalid YAML: {problem}", error_line=line)
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        return FrontMatter(lines=lines, error=f"invalid YAML: {exc}")
    if data is None:
        return FrontMatter(lines=lines)
    if not isinstance(data, dict):
        return FrontMatter(lines=lines, error="front matter is not a mapping of keys to values")
    return FrontMatter(properties={k.strip().lower(): v for k, v in data.items()}, lines=lines)


def as_list(value: Any) -> list[str]:
    """Obsidian list properties accept a YAML list or a comma-separated string."""
    if value is None:
        return []
    if isinstance(value, str):
        return [p.strip() for p in value.split(",") if p.strip()]
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            if item is None:
                continue
            if isinstance(item, str | int | float):
                out.append(str(item).strip())
        return [s for s in out if s]
    if isinstance(value, int | float):
        return [str(value)]
    return []


def property_list(props: dict[str, Any], *keys: str) -> list[str]:
    """Values of the first of ``keys`` present (``aliases``/``alias``, ``tags``/``tag``)."""
    out: list[str] = []
    for key in keys:
        out.extend(as_list(props.get(key)))
    return out


def strings_in(value: Any) -> list[str]:
    """Every string anywhere inside a property value, for finding ``"[[links]]"``."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings_in(item)]
    return []
