"""The vault as a linked static site: ``write_site(kg, out_dir)``.

Small modules, one job each: ``publish`` (which notes), ``urls`` (where pages live),
``anchors`` (heading and block ids), ``placement`` and ``badges`` (evidence badges),
``render`` (Markdown to HTML), ``sanitize`` (nh3), ``links`` (backlinks), ``graphdata``
(graph and search data), ``jsonld``, ``pages`` (templates), ``output`` (safe, atomic writes).
"""

from __future__ import annotations

from .build import SiteReport, write_site
from .output import SiteError

__all__ = ["SiteError", "SiteReport", "write_site"]
