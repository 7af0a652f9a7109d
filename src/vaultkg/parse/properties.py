"""What the front matter adds to a note's links and tags, placed where it is written."""

from __future__ import annotations

import re

from ..model import Link, Note, Tag
from . import frontmatter
from .syntax import split_wikilink

_WIKILINK_IN_TEXT = re.compile(r"(!?)\[\[([^\[\]\n]+?)\]\]")


def property_links(note: Note, raw_lines: list[str]) -> None:
    for value in note.properties.values():
        for s in frontmatter.strings_in(value):
            for m in _WIKILINK_IN_TEXT.finditer(s):
                line, col = 2, 1
                for i, text in enumerate(raw_lines[1 : note.frontmatter_lines], start=2):
                    found = text.find(m.group(0))
                    if found >= 0:
                        line, col = i, found + 1
                        break
                target, headings, block, alias = split_wikilink(m.group(2))
                note.links.append(
                    Link(
                        target,
                        "property",
                        line,
                        col,
                        embed=bool(m.group(1)),
                        alias=alias,
                        headings=headings,
                        block=block,
                        raw=m.group(0),
                    )
                )


_TAG_KEY = re.compile(r"^\s*tags?\s*:", re.IGNORECASE)


def frontmatter_tags(note: Note, raw_lines: list[str]) -> None:
    """Tags from ``tags``/``tag``, each placed where it is written in the front matter."""
    fm_lines = raw_lines[1 : max(note.frontmatter_lines - 1, 1)]
    cursor = (0, 0)
    for i, text in enumerate(fm_lines):
        m = _TAG_KEY.match(text)
        if m:
            cursor = (i, m.end())
            break
    for name in frontmatter.property_list(note.properties, "tags", "tag"):
        for part in name.split():
            part = part.lstrip("#")
            if not part:
                continue
            line, col = 1, 1
            for i in range(cursor[0], len(fm_lines)):
                found = fm_lines[i].find(part, cursor[1] if i == cursor[0] else 0)
                if found >= 0:
                    cursor = (i, found + len(part))
                    line, col = i + 2, found + 1
                    break
            note.tags.append(Tag(part, line, col, "frontmatter"))
