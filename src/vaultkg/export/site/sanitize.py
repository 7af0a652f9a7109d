"""Clean a note's HTML with nh3: notes may hold raw HTML, and none of it may run."""

from __future__ import annotations

import nh3

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre",
    "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
}  # fmt: skip
_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "tabindex", "role", "aria-label", "aria-hidden"},
    "a": {"href", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style"},
    "ol": {"start"},
    "details": {"open"},
    "input": {"type", "checked", "disabled"},
    "time": {"datetime"},
}
_SCHEMES = {"http", "https", "mailto"}


def _keep_attribute(tag: str, attr: str, value: str) -> str | None:
    """Table cells keep only markdown-it's alignment; checkboxes are never active."""
    if attr == "style":
        return (
            value if value in ("text-align:left", "text-align:center", "text-align:right") else None
        )
    if tag == "input" and attr == "type":
        return value if value == "checkbox" else None
    return value


def clean(html: str) -> str:
    """Allow formatting, links, images and tables; drop scripts, handlers and bad URLs."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        attribute_filter=_keep_attribute,
        url_schemes=_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
