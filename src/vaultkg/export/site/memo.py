"""Rendered note bodies, reused while everything they are made from is unchanged.

Turning a note's Markdown into HTML is most of the cost of the site. A body depends on the
note's text and claims, on the notes it embeds (their text and claims, to any depth), and on
the shape of the whole site: which notes and attachments exist and are published, their
pages, their headings and block ids (link anchors), tag pages and citekey sources. The key
of a body is a digest of exactly these, so an edit that changes only the text of one note
renders that note (and the notes that embed it) again and nothing else.

If the renderer (render.py) starts reading more of the site context, add it here.

The memo lives in memory (``vaultkg serve`` keeps one for the whole session) and, when the
vault was read with a cache, on disk in that cache (``publish``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...cache import Cache, digest, key_of
from .context import SiteContext
from .render import NoteRenderer, RenderedNote

KIND = "site-body"


@dataclass(slots=True)
class _Body:
    html: str
    placed: list[str]
    files: list[tuple[str, str]]  # (attachment, its URL on the site) in registration order
    features: list[str]  # "math", "mermaid": the scripts the page needs
    title_dropped: bool


@dataclass
class RenderMemo:
    cache: Cache | None = None
    entries: dict[str, _Body] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    hits: int = 0
    misses: int = 0
    # serve: site file -> digest of the bytes last written there
    written: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> _Body | None:
        found = self.entries.get(key)
        if found is None and self.cache is not None:
            value = self.cache.get(KIND, key)
            found = value if isinstance(value, _Body) else None
        if found is not None:
            self.entries[key] = found
        return found

    def put(self, key: str, body: _Body) -> None:
        self.entries[key] = body
        if self.cache is not None:
            self.cache.put(KIND, key, body)

    def start(self) -> None:
        """Begin a build: count afresh, and forget (at the end) what it does not use."""
        self.used = set()
        self.hits = self.misses = 0

    def finish(self) -> None:
        self.entries = {k: v for k, v in self.entries.items() if k in self.used}


def body_keys(ctx: SiteContext) -> dict[str, str]:
    """The memo key of every published note's body."""
    kg = ctx.kg
    notes = kg.vault.notes
    citekey_sources = sorted((k, repr(ctx.source(v)), ctx.page(v)) for k, v in ctx.citekeys.items())
    shape = key_of(
        "site-shape",
        repr(sorted(notes)),
        repr(sorted(kg.vault.attachments)),
        repr(sorted(kg.vault.withheld)),
        kg.vault.include_private,
        repr(sorted(ctx.urls.notes.items())),
        repr(sorted(ctx.urls.tags.items())),
        repr(
            [
                (
                    p,
                    [(h.text, h.level, h.anchor, h.slug) for h in notes[p].headings],
                    [b.id for b in notes[p].block_ids],
                )
                for p in sorted(notes)
            ]
        ),
        repr(citekey_sources),
    )
    own: dict[str, str] = {}

    def own_digest(path: str) -> str:
        found = own.get(path)
        if found is None:
            claims = ctx.claims_by_note.get(path, [])
            cited = sorted({cit.source for c in claims for cit in c.citations})
            found = own[path] = key_of(
                "note",
                digest(notes[path].text.encode("utf-8", "surrogatepass")),
                repr(claims),
                repr([(repr(ctx.source(s)), ctx.page(s)) for s in cited]),
            )
        return found

    keys = {}
    for path in ctx.published:
        keys[path] = key_of(
            "body", shape, path, *(own_digest(p) for p in sorted(_embedded(ctx, path)))
        )
    return keys


def _embedded(ctx: SiteContext, path: str) -> set[str]:
    """The note and every note it embeds, to any depth."""
    notes = ctx.kg.vault.notes
    seen = {path}
    todo = [path]
    while todo:
        for link in notes[todo.pop()].links:
            target = link.resolved
            if link.embed and target in notes and target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


class MemoRenderer:
    """A ``NoteRenderer`` that reads bodies from the memo when their key is known."""

    def __init__(self, inner: NoteRenderer, memo: RenderMemo, keys: dict[str, str]) -> None:
        self.inner = inner
        self.memo = memo
        self.keys = keys

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def render(self, path: str, *, drop_title: bool = False) -> RenderedNote:
        key = self.keys.get(path)
        if key is None:
            return self.inner.render(path, drop_title=drop_title)
        key = f"{key}-{int(drop_title)}"
        self.memo.used.add(key)
        urls = self.inner.ctx.urls
        body = self.memo.get(key)
        # an attachment's URL depends on the order others were given theirs: replay, and
        # render afresh in the rare case it came out different
        if body is not None and all(urls.add_file(a) == url for a, url in body.files):
            self.memo.hits += 1
            return RenderedNote(
                body.html,
                set(body.placed),
                {a for a, _ in body.files},
                set(body.features),
                body.title_dropped,
            )
        self.memo.misses += 1
        rendered = self.inner.render(path, drop_title=drop_title)
        files = [(a, urls.files[a]) for a in sorted(rendered.files)]
        body = _Body(
            rendered.html,
            sorted(rendered.placed),
            files,
            sorted(rendered.features),
            rendered.title_dropped,
        )
        self.memo.put(key, body)
        return rendered
