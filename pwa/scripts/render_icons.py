"""Render the PNG app icons from public/icons/icon.svg with a local Chromium.

Run once after changing the SVG (the PNGs are committed; the build does not need this):
    ../.venv/bin/python scripts/render_icons.py
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parent.parent / "public" / "icons"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]

# Maskable icons are cropped to a circle of 80% of the side: full-bleed colour, glyph inside.
MASKABLE = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<rect width="512" height="512" fill="#1677ff"/>
<g transform="translate(256 256) scale(0.62) translate(-256 -248)">{glyph}</g></svg>"""


def glyph(svg: str) -> str:
    inner = svg.split(">", 1)[1].rsplit("</svg>", 1)[0]
    return inner.split("\n", 2)[2]  # drop the rounded background rectangle


def main() -> None:
    svg = (ICONS / "icon.svg").read_text()
    targets = [
        ("icon-192.png", svg, 192, True),
        ("icon-512.png", svg, 512, True),
        ("apple-touch-icon.png", MASKABLE.format(glyph=glyph(svg)), 180, False),
        ("maskable-512.png", MASKABLE.format(glyph=glyph(svg)), 512, False),
    ]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name, source, size, transparent in targets:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                "<style>html,body{margin:0;background:transparent}svg{display:block}</style>"
                + source.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
            )
            page.screenshot(path=str(ICONS / name), omit_background=transparent)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
