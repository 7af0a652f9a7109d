"""A note's Markdown as HTML for the site, with Obsidian's features and evidence badges.

The note is parsed with vaultkg's own markdown-it parser (the shared instance is only used to
parse, never changed) and rendered by ``html_rules.SiteHtml``, whose rules turn wikilinks into
page links, embeds into transclusions (``transclusion``), callouts into boxes with icons
(``callouts``), fences into highlighted code or diagrams and TeX into marked math
(``codeblocks``). The whole result goes through nh3, so raw HTML in notes cannot run anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import unquote

from markdown_it.token import Token
from markdown_it.utils import EnvType

from ...kg.model import Claim
from ...model import Link, Note
from ...parse.syntax import markdown
from ...privacy import PRIVATE_LABEL
from .badges import badge_html
from .context import SiteContext
from .html_rules import SiteHtml
from .placement import place_badges
from .sanitize import clean
from .tasks import mark_tasks
from .transclusion import section
from .urls import href

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp")
MAX_EMBED_DEPTH = 5
_SCHEME_PREFIXES = ("http://", "https://", "mailto:")


@dataclass
class RenderedNote:
    html: str
    placed: set[str] = field(default_factory=set)  # ids of the claims given a badge inline
    files: set[str] = field(default_factory=set)  # attachments the page links or embeds
    features: set[str] = field(default_factory=set)  # "math", "mermaid": scripts it needs
    title_dropped: bool = False  # its first heading repeated the title and was left out


def note_body(note: Note) -> str:
    """The note's text with front matter blanked, so markdown-it's lines are the note's."""
    text = note.text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not note.frontmatter_lines:
        return text
    cut = 0
    for _ in range(note.frontmatter_lines):
        cut = text.find("\n", cut) + 1 or len(text)
    return "\n" * note.frontmatter_lines + text[cut:]


class NoteRenderer:
    """Renders notes of one site; keeps the files they use so they can be copied."""

    def __init__(self, ctx: SiteContext) -> None:
        self.ctx = ctx
        self.md = markdown()
        self.html = SiteHtml(self)

    # -- public ------------------------------------------------------------------------

    def render(self, path: str, *, drop_title: bool = False) -> RenderedNote:
        """The body of ``path``'s page: its HTML (sanitised) and the claims badged in it.

        ``drop_title`` leaves out a first ``# heading`` that repeats the note's title (the
        page shows the title itself, above the note's tags and aliases).
        """
        note = self.ctx.kg.vault.notes[path]
        page = self.ctx.urls.notes[path]
        tokens = self.parse(note)
        dropped = drop_title and _title_heading(tokens, note.title)
        if dropped:
            tokens = tokens[3:]
        claims = self.ctx.claims_by_note.get(path, [])
        placed = place_badges(tokens, note, claims)
        mark_tasks(tokens)
        env: dict[str, Any] = {
            "note": path,
            "page": page,
            "stack": [path],
            "embed": False,
            "files": set(),
            "features": set(),
            "badges": {c.id: c for c in claims},
        }
        raw = self.html.render(tokens, self.md.options, env)
        return RenderedNote(clean(raw), placed, env["files"], env["features"], dropped)

    def parse(self, note: Note) -> list[Token]:
        try:
            return self.md.parse(note_body(note), {})
        except RecursionError:
            return []

    def badge(self, claim: Claim, env: EnvType) -> str:
        return badge_html(self.ctx, claim, env["page"], anchor=not env["embed"])

    # -- links -------------------------------------------------------------------------

    def link(self, link: Link, env: EnvType) -> str:
        """A wikilink: a page link, plain text for unpublished notes, or a marked broken link."""
        display = escape(link.display or link.target)
        source = env["note"]
        if not link.target:
            path: str | None = source
        else:
            path = self.ctx.kg.vault.index.resolve(link.target, source).path  # type: ignore[union-attr]
        if path in self.ctx.kg.vault.withheld:
            return private_html()
        if path is None:
            return self.broken(display, link.target)
        if path not in self.ctx.kg.vault.notes:
            return self.file_link(path, display, env)
        page = self.ctx.page(path)
        if page is None:
            return display
        anchor = self.ctx.anchors(path).find(link.headings, link.block)
        if (link.headings or link.block) and anchor is None:
            where = href(env["page"], page)
            return (
                f'<a class="internal broken-anchor" href="{escape(where)}" '
                f'title="{escape(_missing_anchor(link))}">{display}</a>'
            )
        if path == source and env["embed"]:
            anchor = None  # headings of an embedded note have no ids on this page
        where = href(env["page"], page, anchor)
        return f'<a class="internal" href="{escape(where)}">{display}</a>'

    def broken(self, display: str, target: str) -> str:
        tip = f"Not in the vault: {target}. The note has not been written yet."
        return f'<span class="broken-link" title="{escape(tip)}">{display}</span>'

    def file_link(self, attachment: str, display: str, env: EnvType) -> str:
        url = self.file_url(attachment, env)
        return f'<a class="internal file" href="{escape(url)}">{display}</a>'

    def file_url(self, attachment: str, env: EnvType) -> str:
        env["files"].add(attachment)
        return href(env["page"], self.ctx.urls.add_file(attachment))

    # -- embeds ------------------------------------------------------------------------

    def embed(self, link: Link, env: EnvType, *, block: bool) -> str:
        """``![[image.png|300]]`` as an image, ``![[Note#Section]]`` transcluded."""
        source = env["note"]
        path = (
            self.ctx.kg.vault.index.resolve(link.target, source).path  # type: ignore[union-attr]
            if link.target
            else source
        )
        display = escape(link.display or link.target)
        if path in self.ctx.kg.vault.withheld:
            return private_html()
        if path is None:
            return self.broken(display, link.target)
        if path not in self.ctx.kg.vault.notes:
            if path.lower().endswith(IMAGE_EXTENSIONS):
                return self.image(path, link, env)
            return self.file_link(path, display, env)
        page = self.ctx.page(path)
        if page is None:
            return display
        anchor = self.ctx.anchors(path).find(link.headings, link.block)
        target_href = escape(href(env["page"], page, anchor))
        title = f'<a class="internal" href="{target_href}">{display}</a>'
        if not block:
            return f'<span class="embed-inline">{title}</span>'
        if path in env["stack"] or len(env["stack"]) > MAX_EMBED_DEPTH:
            return (
                f'<div class="embed embed-cycle"><p>Not shown again (the embeds form a cycle): '
                f"{title}</p></div>\n"
            )
        inner = self.transclude(path, link, env)
        return f'<div class="embed"><div class="embed-title">{title}</div>{inner}</div>\n'

    def transclude(self, path: str, link: Link, env: EnvType) -> str:
        note = self.ctx.kg.vault.notes[path]
        tokens = section(self.parse(note), note, link)
        claims = self.ctx.claims_by_note.get(path, [])
        place_badges(tokens, note, claims)
        mark_tasks(tokens)
        sub = {
            **env,
            "note": path,
            "stack": [*env["stack"], path],
            "embed": True,
            "badges": {c.id: c for c in claims},
        }
        return self.html.render(tokens, self.md.options, sub)

    def image(self, path: str, link: Link, env: EnvType) -> str:
        url = escape(self.file_url(path, env))
        alt = escape(link.alias or path.rsplit("/", 1)[-1])
        size = ""
        if link.size:
            width, _, height = link.size.partition("x")
            size = f' width="{width}"' + (f' height="{height}"' if height else "")
        return f'<img src="{url}" alt="{alt}"{size} loading="lazy">'

    def markdown_href(self, raw: str, env: EnvType) -> tuple[str | None, bool]:
        """A Markdown link's target on the site: (url, broken). External URLs stay as they are."""
        if not raw or raw.startswith(_SCHEME_PREFIXES) or raw.startswith("#"):
            return raw, False
        if ":" in raw.split("/", 1)[0]:
            return None, False  # another scheme: dropped by the sanitiser anyway
        target, _, fragment = unquote(raw).partition("#")
        res = self.ctx.kg.vault.index.resolve(target, env["note"], relative=True)  # type: ignore[union-attr]
        if res.path is None:
            return None, True
        if res.path in self.ctx.kg.vault.withheld:
            return None, False
        if res.path not in self.ctx.kg.vault.notes:
            return self.file_url(res.path, env), False
        page = self.ctx.page(res.path)
        if page is None:
            return None, False
        anchor = None
        if fragment:
            block = fragment[1:] if fragment.startswith("^") else None
            heads = () if block else tuple(h for h in fragment.split("#") if h)
            anchor = self.ctx.anchors(res.path).find(heads, block)
        return href(env["page"], page, anchor), False


def _title_heading(tokens: list[Token], title: str) -> bool:
    return (
        len(tokens) >= 3
        and tokens[0].type == "heading_open"
        and tokens[0].tag == "h1"
        and tokens[1].content.strip() == title
    )


def private_html() -> str:
    """What stands where a public note links to a private one: never its name."""
    return f'<span class="private-link">{escape(PRIVATE_LABEL)}</span>'


def _missing_anchor(link: Link) -> str:
    if link.block:
        return f"Block ^{link.block} is not in that note."
    return f"Heading “{' › '.join(link.headings)}” is not in that note."
