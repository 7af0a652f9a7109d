"""Screenshots of the published site, desktop and phone, light and dark, for looking at.

    python scripts/screenshots.py OUT_DIR [--vault vault/] [--site SITE_DIR]

Publishes the vault's site into a temporary folder (or uses --site), opens the index, a note,
a drug page, the matrix, the claims and the graph in Debian's Chromium, and writes
``OUT_DIR/<page>-<desktop|phone>-<light|dark>.png`` (the visible screen, not the full page).
Console errors are printed; the exit code is 1 when there were any.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "index": "index.html",
    "note": "notes/notes/drug-actions-at-receptors.html",
    "drug": "notes/drugs/caffeine.html",
    "matrix": "matrix.html",
    "claims": "claims.html",
    "graph": "graph.html",
}
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}


def shoot(site: Path, out: Path) -> list[str]:
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for device, (width, height) in VIEWPORTS.items():
            for scheme in ("light", "dark"):
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    color_scheme=scheme,  # type: ignore[arg-type]
                    device_scale_factor=1,
                )
                page = context.new_page()
                page.on(
                    "console",
                    lambda m: errors.append(m.text) if m.type == "error" else None,
                )
                page.on("pageerror", lambda e: errors.append(str(e)))
                for name, rel in PAGES.items():
                    page.goto((site / rel).as_uri())
                    page.wait_for_timeout(600 if name in ("graph", "note") else 200)
                    shot = out / f"{name}-{device}-{scheme}.png"
                    page.screenshot(path=str(shot))
                    print(shot)
                context.close()
        browser.close()
    return errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--vault", type=Path, default=Path(__file__).parent.parent / "vault")
    parser.add_argument("--site", type=Path, help="an already published site folder")
    args = parser.parse_args()
    if args.site:
        errors = shoot(args.site, args.out)
    else:
        import vaultkg
        from vaultkg.export.site import write_site

        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            write_site(vaultkg.load(str(args.vault)), site)
            errors = shoot(site, args.out)
    for e in errors:
        print("console error:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
