"""Evidence badges: a claim's level and certainty, with its citations on hover and focus."""

from __future__ import annotations

from html import escape

from ...kg.model import Claim, Source
from .anchors import claim_anchor
from .context import SiteContext
from .urls import href

LEVEL_LABELS = {
    "high": "high",
    "moderate": "moderate",
    "low": "low",
    "very-low": "very low",
    "unsupported": "unsupported",
}


def source_href(ctx: SiteContext, source: Source, from_page: str) -> str | None:
    """A link to the source: its note's page when published, else its DOI, PMID or URL."""
    page = ctx.page(source.note or source.key)
    if page:
        return href(from_page, page)
    if source.doi:
        return f"https://doi.org/{source.doi}"
    if source.pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{source.pmid}/"
    if source.url and source.url.startswith(("http://", "https://")):
        return source.url
    return None


def source_title(ctx: SiteContext, source: Source) -> str:
    """Unpublished source notes are named by their title only (never linked)."""
    return source.title or source.key


def citation_html(ctx: SiteContext, claim: Claim, from_page: str) -> str:
    """The citations of a claim as inline HTML (a span per source)."""
    if not claim.citations:
        return '<span class="cite-none">No citation at any scope.</span>'
    parts = []
    for cit in claim.citations:
        source = ctx.source(cit.source)
        if source is None:
            continue
        title = escape(source_title(ctx, source))
        url = source_href(ctx, source, from_page)
        name = f'<a href="{escape(url)}">{title}</a>' if url else title
        level = LEVEL_LABELS.get(source.level, source.level)
        extra = " · retracted" if source.retracted else ""
        parts.append(
            f'<span class="cite">{name} '
            f'<span class="cite-meta">({escape(source.source_type)}, {escape(level)}; '
            f"{escape(cit.scope)}{extra})</span></span>"
        )
    return "".join(parts)


def badge_label(claim: Claim) -> str:
    return f"{LEVEL_LABELS.get(claim.level, claim.level)} · {claim.certainty}"


def badge_html(ctx: SiteContext, claim: Claim, from_page: str, *, anchor: bool = True) -> str:
    """``<span class="badge lvl-…">`` focusable, with a tooltip listing the citations."""
    flags = "".join(f'<span class="flag flag-{escape(f)}">{escape(f)}</span>' for f in claim.flags)
    ident = f' id="{claim_anchor(claim.id)}"' if anchor else ""
    label = escape(badge_label(claim))
    return (
        f'<span class="badge lvl-{escape(claim.level)} cert-{escape(claim.certainty)}"{ident} '
        f'tabindex="0" aria-label="Evidence: {label}">'
        f'<span class="badge-label">{label}</span>{flags}'
        f'<span class="badge-tip" role="tooltip"><span class="tip-level">Evidence: {label}</span>'
        f"{citation_html(ctx, claim, from_page)}</span>"
        "</span>"
    )
