"""The shared accessibility harness for the app's browser tests: axe-core (from npm, the
copy in pwa/node_modules) run inside a Playwright page with the WCAG 2.0/2.1/2.2 A and AA
rules, plus the checks axe does not make: text size in 长辈版 (elder mode), one h1 per page
and touch-target size.

    from tests.pwa.a11y import axe_violations, describe, set_elder_mode
    violations = axe_violations(page)
    assert violations == [], describe(violations)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page

from backend.settings import PROJECT_ROOT

AXE_JS = PROJECT_ROOT / "pwa" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Where the app remembers 长辈版 (pwa/src/composables/useElderMode.ts).
ELDER_KEY = "tongban.elderMode"
ELDER_MIN_TEXT_PX = 18.0
# 长辈版 promises 7:1 for text (4.5:1 for large text): axe's AAA contrast rule.
ELDER_RULES = ["color-contrast-enhanced"]

_RUN_AXE = """async ([tags, rules]) => {
  const result = await axe.run(document, {
    runOnly: rules.length ? { type: 'rule', values: rules } : { type: 'tag', values: tags },
    resultTypes: ['violations'],
  })
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.join(' '),
      html: n.html.slice(0, 160),
      summary: (n.failureSummary || '').slice(0, 300),
    })),
  }))
}"""

# Every visible text node and its computed font size (CSS px, before the device scale).
_SMALL_TEXT = """(minPx) => {
  const small = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim()
    if (!text) continue
    const element = node.parentElement
    if (!element || !element.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
      continue
    const range = document.createRange()
    range.selectNodeContents(node)
    const box = range.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) continue
    const size = parseFloat(getComputedStyle(element).fontSize)
    if (size < minPx) small.push({ text: text.slice(0, 30), px: size, tag: element.tagName,
      cls: String(element.className).slice(0, 60) })
  }
  return small
}"""

# Controls smaller than `minPx` in either direction (links inside running text excepted).
_SMALL_TARGETS = """(minPx) => {
  const small = []
  const controls = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=link],' +
    ' [role=radio], [role=checkbox], [role=switch], [tabindex]:not([tabindex="-1"])')
  for (const element of controls) {
    if (!element.checkVisibility({ visibilityProperty: true })) continue
    if (element.closest('p, li[data-inline]') && element.tagName === 'A') continue
    const box = element.getBoundingClientRect()
    if (box.width === 0 && box.height === 0) continue
    // A control inside a bigger clickable row counts as the row (a Vant cell's input).
    const target = element.closest('.van-cell, .van-field, label') || element
    const outer = target.getBoundingClientRect()
    const width = Math.max(box.width, outer.width)
    const height = Math.max(box.height, outer.height)
    if (width < minPx - 0.5 || height < minPx - 0.5)
      small.push({ html: element.outerHTML.slice(0, 120), width: Math.round(width),
        height: Math.round(height) })
  }
  return small
}"""


def axe_violations(page: Page, rules: list[str] | None = None) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.x A/AA violations on the page as it is now (or only `rules`'s,
    e.g. ELDER_RULES)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(_RUN_AXE, [WCAG_TAGS, rules or []])  # type: ignore[no-any-return]


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}  {node['html']}")
            if node["summary"]:
                lines.append("      " + node["summary"].replace("\n", " | "))
    return "\n".join(lines)


def small_text(page: Page, min_px: float = ELDER_MIN_TEXT_PX) -> list[dict[str, Any]]:
    """Visible text nodes whose computed font size is below `min_px`."""
    return page.evaluate(_SMALL_TEXT, min_px)  # type: ignore[no-any-return]


def small_targets(page: Page, min_px: float) -> list[dict[str, Any]]:
    """Visible controls (buttons, links, inputs, focusable widgets) under `min_px` a side."""
    return page.evaluate(_SMALL_TARGETS, min_px)  # type: ignore[no-any-return]


def h1_count(page: Page) -> int:
    return page.locator("h1:visible").count()


def set_elder_mode(target: BrowserContext | Page, on: bool) -> None:
    """Every page of the context (or this page) starts in 长辈版 (or not), as chosen earlier."""
    value = "'1'" if on else "null"
    target.add_init_script(
        f"try {{ const v = {value}; v ? localStorage.setItem('{ELDER_KEY}', v)"
        f" : localStorage.removeItem('{ELDER_KEY}') }} catch (e) {{}}"
    )


def axe_path() -> Path:
    assert AXE_JS.is_file(), f"{AXE_JS} is missing: cd pwa && npm ci"
    return AXE_JS
