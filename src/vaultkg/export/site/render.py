"""A note's Markdown as HTML for the site, with Obsidian's features and evidence badges.

The note is parsed with vaultkg's own markdown-it parser (the shared instance is only used to
parse, never changed) and rendered by a renderer of our own whose rules turn wikilinks into
page links, embeds into transclusions, callouts into boxes and tags into tag-page links. The
whole result goes through nh3, so raw HTML in notes cannot run anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import unquote

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from ...kg.model import Claim
from ...model import Link, Note
from ...parse.syntax import markdown
from ...privacy import PRIVATE_LABEL
from .badges import badge_html
from .context import SiteContext
from .placement import place_badges
from .sanitize import clean
from .urls import href

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp")
MAX_EMBED_DEPTH = 5
_SCHEME_PREFIXES = ("http://", "https://", "mailto:")


@dataclass
class RenderedNote:
    html: str
    placed: set[str] = field(default_factory=set)  # ids of the claims given a badge inline
    files: set[str] = field(default_factory=set)  # attachments the page links or embeds


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
        self.html = _SiteHtml(self)

    # -- public ------------------------------------------------------------------------

    def render(self, path: str) -> RenderedNote:
        """The body of ``path``'s page: its HTML (sanitised) and the claims badged in it."""
        note = self.ctx.kg.vault.notes[path]
        page = self.ctx.urls.notes[path]
        tokens = self.parse(note)
        claims = self.ctx.claims_by_note.get(path, [])
        placed = place_badges(tokens, note, claims)
        env: dict[str, Any] = {
            "note": path,
            "page": page,
            "stack": [path],
            "embed": False,
            "files": set(),
            "badges": {c.id: c for c in claims},
        }
        raw = self.html.render(tokens, self.md.options, env)
        return RenderedNote(clean(raw), placed, env["files"])

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
        tokens = _section(self.parse(note), note, link)
        claims = self.ctx.claims_by_note.get(path, [])
        place_badges(tokens, note, claims)
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


def private_html() -> str:
    """What stands where a public note links to a private one: never its name."""
    return f'<span class="private-link">{escape(PRIVATE_LABEL)}</span>'


def _missing_anchor(link: Link) -> str:
    if link.block:
        return f"Block ^{link.block} is not in that note."
    return f"Heading “{' › '.join(link.headings)}” is not in that note."


def _section(tokens: list[Token], note: Note, link: Link) -> list[Token]:
    """The tokens an embed shows: a heading's section, a labelled block, or the whole note."""
    end_of_body = next(
        (i for i, t in enumerate(tokens) if t.type == "footnote_block_open"), len(tokens)
    )
    body = tokens[:end_of_body]
    if link.block:
        line = next((b.line for b in note.block_ids if b.id == link.block), None)
        if line is None:
            return []
        for i, t in enumerate(body):
            if (
                t.nesting == 1
                and t.map
                and t.map[0] + 1 == line
                and t.type not in ("bullet_list_open", "ordered_list_open")
            ):
                return body[i : _closing(body, i) + 1]
        return []
    if link.headings:
        anchors = _heading_lines(note, link.headings)
        if anchors is None:
            return []
        line, level = anchors
        start = next(
            (
                i
                for i, t in enumerate(body)
                if t.type == "heading_open" and t.map and t.map[0] + 1 == line
            ),
            None,
        )
        if start is None:
            return []
        end = len(body)
        for j in range(start + 3, len(body)):
            t = body[j]
            if t.type == "heading_open" and int(t.tag[1]) <= level and t.level == 0:
                end = j
                break
        return body[start:end]
    return body


def _heading_lines(note: Note, headings: tuple[str, ...]) -> tuple[int, int] | None:
    from .anchors import NoteAnchors

    hid = NoteAnchors.of(note).find(headings, None)
    if hid is None:
        return None
    by_id = {v: k for k, v in NoteAnchors.of(note).by_line.items()}
    line = by_id[hid]
    level = next(h.level for h in note.headings if h.line == line)
    return line, level


def _closing(tokens: list[Token], start: int) -> int:
    depth = 0
    for j in range(start, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _only_embed(tokens: Sequence[Token], idx: int) -> Token | None:
    """The embed of a paragraph that holds nothing else (then it is shown as a block)."""
    if idx + 2 >= len(tokens) or tokens[idx + 1].type != "inline":
        return None
    children = [
        c
        for c in tokens[idx + 1].children or []
        if not (c.type == "text" and not c.content.strip()) and c.type not in ("softbreak",)
    ]
    if len(children) == 1 and children[0].type == "wikilink" and children[0].meta.get("embed"):
        return children[0]
    return None


def _link_of(meta: dict[str, Any]) -> Link:
    return Link(
        meta["target"],
        "wikilink",
        0,
        0,
        embed=meta["embed"],
        alias=meta["alias"],
        headings=tuple(meta["headings"]),
        block=meta["block"],
        size=meta["size"],
    )


class _SiteHtml(RendererHTML):
    """markdown-it's HTML renderer with the site's rules for vaultkg's tokens."""

    def __init__(self, site: NoteRenderer) -> None:
        super().__init__()
        self.site = site
        # the plugins' render rules (footnotes, math), bound to this renderer instead
        for name, rule in site.md.renderer.rules.items():  # type: ignore[attr-defined]
            func = getattr(rule, "__func__", None)
            if func is not None and name not in self.rules:
                self.rules[name] = func.__get__(self)
        for name in (
            "wikilink",
            "tag",
            "citation",
            "obsidian_comment",
            "obsidian_comment_block",
            "field_line",
            "field_open",
            "field_close",
            "block_id",
            "badge",
            "heading_open",
            "paragraph_open",
            "paragraph_close",
            "blockquote_open",
            "blockquote_close",
            "callout_title_open",
            "callout_title_close",
            "link_open",
            "link_close",
            "image",
            "footnote_ref",
        ):
            self.rules[name] = getattr(self, "_" + name)

    # Obsidian's inline syntax -----------------------------------------------------------

    def _wikilink(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        meta = tokens[idx].meta
        link = _link_of(meta)
        if link.embed:
            return self.site.embed(link, env, block=bool(meta.get("as_block")))
        return self.site.link(link, env)

    def _tag(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        name = tokens[idx].content
        page = self.site.ctx.urls.tag_page(name)
        if page is None:
            return f'<span class="tag">#{escape(name)}</span>'
        return f'<a class="tag" href="{escape(href(env["page"], page))}">#{escape(name)}</a>'

    def _citation(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        parts = []
        for key in tokens[idx].meta.get("keys", []):
            source_key = self.site.ctx.citekeys.get(key)
            source = self.site.ctx.source(source_key) if source_key else None
            page = self.site.ctx.page(source.note or source.key) if source else None
            if page:
                parts.append(f'<a href="{escape(href(env["page"], page))}">@{escape(key)}</a>')
            else:
                parts.append(f"@{escape(key)}")
        return f'<cite class="citation">[{"; ".join(parts)}]</cite>'

    def _obsidian_comment(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return ""

    _obsidian_comment_block = _obsidian_comment

    def _field_line(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        key = tokens[idx].meta.get("key", "")
        # each field stands on its own line, as in Obsidian's reading view
        br = "<br>" if idx > 0 and tokens[idx - 1].type == "softbreak" else ""
        return f'{br}<span class="field-key">{escape(key.replace("_", " "))}</span> '

    def _field_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        key = tokens[idx].meta.get("key", "")
        return (
            f'<span class="field"><span class="field-key">{escape(key.replace("_", " "))}</span> '
        )

    def _field_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return "</span>"

    def _block_id(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        if env["embed"]:
            return ""
        return f'<span class="block-anchor" id="block-{escape(tokens[idx].content)}"></span>'

    def _badge(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        claim = env["badges"].get(tokens[idx].content)
        return " " + self.site.badge(claim, env) if claim else ""

    def _footnote_ref(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        if env["embed"]:
            n = tokens[idx].meta["id"] + 1
            return f'<sup class="footnote-ref">[{n}]</sup>'
        return _plugin_rule(self, tokens, idx, options, env)

    # blocks ---------------------------------------------------------------------------

    def _heading_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        if not env["embed"] and token.map:
            hid = self.site.ctx.anchors(env["note"]).by_line.get(token.map[0] + 1)
            if hid:
                return f'<{token.tag} id="{escape(hid)}">'
        return f"<{token.tag}>"

    def _paragraph_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        embed = _only_embed(tokens, idx)
        if embed is not None:
            embed.meta["as_block"] = True
            tokens[idx + 2].meta["as_block"] = True
            return ""
        return self.renderToken(tokens, idx, options, env)

    def _paragraph_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        if tokens[idx].meta.get("as_block"):
            return ""
        return self.renderToken(tokens, idx, options, env)

    def _blockquote_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        info = tokens[idx].meta.get("callout") if tokens[idx].meta else None
        closers = env.setdefault("quote_closers", [])
        if not info:
            closers.append("</blockquote>\n")
            return "<blockquote>\n"
        kind = escape(info["type"])
        folds = bool(info["fold"])
        env.setdefault("callout_folds", []).append(folds)
        closers.append("</div></details>\n" if folds else "</div></div>\n")
        if folds:
            opened = " open" if info["fold"] == "+" else ""
            head = f'<details class="callout callout-{kind}"{opened}>'
        else:
            head = f'<div class="callout callout-{kind}">'
        if idx + 1 < len(tokens) and tokens[idx + 1].type == "callout_title_open":
            return head  # the title comes as its own tokens
        title_text = info["title"] or info["type"].replace("-", " ").capitalize()
        if info["title"]:
            title = self.renderInline(
                self.site.md.parseInline(title_text, {})[0].children or [], options, env
            )
        else:
            title = escape(title_text)
        for cid in tokens[idx].meta.get("badges", []):
            title += self._badge([Token("badge", "", 0, content=cid)], 0, options, env)
        return head + self._title_open(folds) + title + self._title_close(folds)

    @staticmethod
    def _title_open(folds: bool) -> str:
        return '<summary class="callout-title">' if folds else '<div class="callout-title">'

    @staticmethod
    def _title_close(folds: bool) -> str:
        return (
            '</summary><div class="callout-body">\n'
            if folds
            else '</div><div class="callout-body">\n'
        )

    def _callout_title_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        folds = (env.get("callout_folds") or [False])[-1]
        return self._title_open(folds)

    def _callout_title_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        folds = (env.get("callout_folds") or [False])[-1]
        return self._title_close(folds)

    def _blockquote_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        closers = env.get("quote_closers") or ["</blockquote>\n"]
        closer: str = closers.pop()
        if closer != "</blockquote>\n" and env.get("callout_folds"):
            env["callout_folds"].pop()
        return closer

    # Markdown links and images to files of the vault ---------------------------------

    def _link_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        raw = str(token.attrGet("href") or "")
        url, broken = self.site.markdown_href(raw, env)
        close = _closing(list(tokens), idx)
        if url is None:
            tokens[close].meta["tag"] = "span"
            if broken:
                tip = escape(f"Not in the vault: {unquote(raw)}")
                return f'<span class="broken-link" title="{tip}">'
            return "<span>"
        token.attrSet("href", url)
        if url.startswith(("http://", "https://")):
            token.attrSet("class", "external")
            token.attrSet("rel", "noopener noreferrer")
        return self.renderToken(tokens, idx, options, env)

    def _link_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return "</span>" if tokens[idx].meta.get("tag") == "span" else "</a>"

    def _image(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        raw = str(token.attrGet("src") or "")
        url, broken = self.site.markdown_href(raw, env)
        alt = escape(self.renderInlineAsText(token.children or [], options, env))
        if url is None:
            return self.site.broken(alt or escape(raw), unquote(raw)) if broken else alt
        return f'<img src="{escape(url)}" alt="{alt}" loading="lazy">'


def _plugin_rule(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """The footnote plugin's own footnote_ref rule, run on our renderer."""
    from mdit_py_plugins.footnote.index import render_footnote_ref

    return render_footnote_ref(renderer, tokens, idx, options, env)
