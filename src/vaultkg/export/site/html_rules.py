"""markdown-it's HTML renderer with the site's rules: Obsidian's syntax, code, math, tasks."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import unquote

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from .callouts import ICON, callout_classes
from .codeblocks import fence_html, math_html
from .transclusion import closing, link_of, only_embed
from .urls import href

if TYPE_CHECKING:
    from .render import NoteRenderer


class SiteHtml(RendererHTML):
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
            "fence",
            "math_inline",
            "math_inline_double",
            "math_block",
            "math_block_label",
        ):
            self.rules[name] = getattr(self, "_" + name)

    # Obsidian's inline syntax -----------------------------------------------------------

    def _wikilink(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        meta = tokens[idx].meta
        link = link_of(meta)
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
        # no space before it: the mark belongs to the sentence it follows, as a footnote mark
        return self.site.badge(claim, env) if claim else ""

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
        embed = only_embed(tokens, idx)
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
        classes = escape(callout_classes(info["type"]))
        folds = bool(info["fold"])
        env.setdefault("callout_folds", []).append(folds)
        closers.append("</div></details>\n" if folds else "</div></div>\n")
        if folds:
            opened = " open" if info["fold"] == "+" else ""
            head = f'<details class="{classes}"{opened}>'
        else:
            head = f'<div class="{classes}">'
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
        tag = "summary" if folds else "div"
        return f'<{tag} class="callout-title">{ICON}'

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

    # code, diagrams and math ---------------------------------------------------------

    def _fence(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        return fence_html(token.content, token.info, env["features"])

    def _math_inline(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return math_html(tokens[idx].content, display=False, features=env["features"])

    def _math_inline_double(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return math_html(tokens[idx].content, display=True, features=env["features"])

    _math_block = _math_inline_double
    _math_block_label = _math_inline_double

    # Markdown links and images to files of the vault ---------------------------------

    def _link_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        raw = str(token.attrGet("href") or "")
        url, broken = self.site.markdown_href(raw, env)
        close = closing(list(tokens), idx)
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
