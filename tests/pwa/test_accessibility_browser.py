"""WCAG 2.2 AA on every page of the app, in normal mode and in 长辈版 (elder mode): axe-core
run inside Debian's Chromium on a 375 px phone, on every route of the router — public pages,
a resident's pages signed in, staff pages signed in as a centre head, the window's rating
tablet. In elder mode no visible text may be under 18 px. Screenshots of the key screens in
both modes go to the artefacts directory of the other browser tests (TONGBAN_SCREENSHOT_DIR).

The app must be built first (cd pwa && npm run build).
"""

from __future__ import annotations

import datetime
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from backend.settings import PROJECT_ROOT
from tests.pwa import test_pwa_browser as base
from tests.pwa.a11y import (
    ELDER_KEY,
    ELDER_RULES,
    axe_path,
    axe_violations,
    describe,
    h1_count,
    set_elder_mode,
    small_targets,
    small_text,
)

server_env = base.server_env
server = base.server
browser = base.browser
screenshots = base.screenshots

SMALL_PHONE: dict[str, Any] = {**base.PHONE, "viewport": {"width": 375, "height": 812}}
ROUTER_DIR = PROJECT_ROOT / "pwa" / "src" / "router"
CENTRE = "310101-01"
MATTER = "GA007"
VERIFIED = "13800000001"  # 张伟, verified in the demo seed
HEAD = "wlq-head"  # centre head of 310101-01: the queue, cases and follow-ups
PASSWORD = "tongban-demo"

# Every route of the router (its path pattern) -> who opens it and the page to open. A route
# added to the router without a line here fails test_every_route_is_checked.
ROUTES: dict[str, tuple[str, str]] = {
    "/": ("public", "/"),
    "/matters": ("public", "/matters"),
    "/matters/:code": ("public", f"/matters/{MATTER}"),
    "/matters/:code/apply": ("resident", f"/matters/{MATTER}/apply"),
    "/cases": ("resident", "/cases"),
    "/cases/:number": ("resident", "/cases/{open_case}"),
    "/cases/:number/rate": ("resident", "/cases/{finished_case}/rate"),
    "/staff/login": ("public", "/staff/login"),
    "/staff": ("staff", "/staff"),
    "/staff/cases/:number": ("staff", "/staff/cases/{open_case}"),
    "/staff/counter": ("staff", "/staff/counter"),
    "/centres": ("public", "/centres"),
    "/centres/:code": ("public", f"/centres/{CENTRE}"),
    "/centres/:code/matters": ("public", f"/centres/{CENTRE}/matters"),
    "/nearby": ("public", "/nearby"),
    "/search": ("public", "/search?q=%E6%88%B7%E5%8F%A3"),
    "/me": ("resident", "/me"),
    "/me/verify": ("newcomer", "/me/verify"),
    "/login": ("public", "/login"),
    "/kiosk/rating": ("public", f"/kiosk/rating?centre={CENTRE}&window=3"),
    "/staff/follow-ups": ("staff", "/staff/follow-ups"),
    "/staff/follow-ups/:id": ("staff", "/staff/follow-ups/{follow_up}"),
    "/consent": ("resident", "/consent"),
    "/legal/:kind": ("public", "/legal/PRIVACY_POLICY"),
    "/me/consents": ("resident", "/me/consents"),
    "/me/erase": ("resident", "/me/erase"),
    "/me/verify/done": ("resident", "/me/verify/done"),
    "/matters/:code/where": ("public", f"/matters/{MATTER}/where"),
    "/:pathMatch(.*)*": ("public", "/no-such-page"),
    # Bookings, the queue and e-certificates (merged from their branches).
    "/bookings": ("resident", "/bookings"),
    "/bookings/new": ("resident", "/bookings/new?matter=GA006"),
    "/bookings/:id": ("resident", "/bookings/{booking}"),
    "/bookings/:id/booked": ("resident", "/bookings/{booking}/booked"),
    "/bookings/:id/reschedule": ("resident", "/bookings/{booking}/reschedule"),
    "/certificates": ("resident", "/certificates"),
    "/certificates/:id": ("resident", "/certificates/{certificate}"),
    "/certificates/:id/show": ("resident", "/certificates/{certificate}/show"),
    "/certificates/views": ("resident", "/certificates/views"),
    "/display/:centre": ("public", f"/display/{CENTRE}"),
    "/staff/check-in": ("staff", "/staff/check-in"),
    "/staff/queue": ("staff", "/staff/queue"),
    "/staff/tickets": ("staff", "/staff/tickets"),
    "/staff/verify": ("staff", "/staff/verify"),
    "/staff/window": ("staff", "/staff/window"),
}
# Extra states of a page worth checking: signed out 我的, the search page empty, the tablet.
EXTRA: list[tuple[str, str]] = [
    ("public", "/me"),
    ("public", "/search"),
    ("staff", f"/kiosk/rating?centre={CENTRE}&window=3"),  # signed in: the five buttons
]
# Key screens photographed in both modes.
SCREENSHOTS = {
    "/": "home",
    f"/matters/{MATTER}": "matter",
    f"/centres/{CENTRE}": "centre",
    "/me": "me",
    "/login": "login",
    "/cases/{open_case}": "case",
    "/staff": "staff-queue",
}


def router_paths() -> set[str]:
    paths: set[str] = set()
    for source in sorted(ROUTER_DIR.glob("*.ts")):
        paths.update(re.findall(r"\bpath:\s*'([^']+)'", source.read_text()))
    return paths


def test_every_route_is_checked() -> None:
    paths = router_paths()
    assert "/" in paths and "/me" in paths, paths  # the parser still reads the router
    missing = paths - ROUTES.keys()
    assert not missing, f"routes without an accessibility check (add them to ROUTES): {missing}"
    assert not ROUTES.keys() - paths, (
        f"ROUTES lists paths the router lacks: {ROUTES.keys() - paths}"
    )


# --- data and sessions ---------------------------------------------------------------------


def call(url: str, query: str, token: str | None = None, **variables: Any) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(
        f"{url}/graphql", json={"query": query, "variables": variables}, headers=headers, timeout=30
    )
    body = response.json()
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


def resident_tokens(url: str, env: dict[str, str], phone: str) -> dict[str, str]:
    sent = call(url, "mutation($p: String!) { requestLoginCode(phone: $p) { sent } }", p=phone)
    assert sent["requestLoginCode"]["sent"], sent
    login = call(
        url,
        """mutation($p: String!, $c: String!) { login(phone: $p, code: $c) {
            tokens { accessToken refreshToken } errors { code } } }""",
        p=phone,
        c=base.sms_code(env, phone),
    )["login"]
    assert login["errors"] == [], login
    return login["tokens"]  # type: ignore[no-any-return]


def accept_sign_in_documents(url: str, token: str) -> None:
    """The user agreement and privacy policy, accepted as the consent page would: the pages
    under test are behind that gate (the gate page itself is checked too)."""
    pending = call(url, "{ myConsents { pending { kind version } } }", token)["myConsents"]
    documents = [{"document": d["kind"], "version": d["version"]} for d in pending["pending"]]
    if documents:
        accepted = call(
            url,
            """mutation($d: [ConsentInput!]!) { acceptConsents(documents: $d) {
                errors { code } } }""",
            token,
            d=documents,
        )["acceptConsents"]
        assert accepted["errors"] == [], accepted


def staff_token(url: str, username: str) -> str:
    data = call(
        url,
        """mutation($u: String!, $p: String!) { staffLogin(username: $u, password: $p) {
            tokens { accessToken } errors { code } } }""",
        u=username,
        p=PASSWORD,
    )["staffLogin"]
    assert data["errors"] == [], data
    return data["tokens"]["accessToken"]  # type: ignore[no-any-return]


def submit(url: str, token: str) -> dict[str, str]:
    case = call(
        url,
        """mutation($input: SubmitCaseInput!) { submitCase(input: $input) {
            case { id number } errors { code } } }""",
        token,
        input={"matterCode": MATTER, "centreCode": CENTRE},
    )["submitCase"]
    assert case["errors"] == [], case
    return case["case"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def data(server: str, server_env: dict[str, str]) -> dict[str, str]:
    """An open case, a finished case rated 不满意 and its follow-up (整改); the resident's
    session (a sign-in code may be asked for once a minute: one session for all the pages)."""
    tokens = resident_tokens(server, server_env, VERIFIED)
    resident = tokens["accessToken"]
    accept_sign_in_documents(server, resident)
    open_case = submit(server, resident)
    finished = submit(server, resident)
    clerk = staff_token(server, "wlq-clerk1")
    for action in ("ACCEPT", "COMPLETE"):
        moved = call(
            server,
            """mutation($input: AdvanceCaseInput!) { advanceCase(input: $input) {
                errors { code } } }""",
            clerk,
            input={"caseId": finished["id"], "action": action},
        )["advanceCase"]
        assert moved["errors"] == [], moved
    indicators = ["OVERALL", "EFFICIENCY", "ATTITUDE", "ENVIRONMENT"]
    rated = call(
        server,
        """mutation($input: RateCaseInput!) { rateCase(input: $input) {
            rating { followUp { id } } errors { code } } }""",
        resident,
        input={
            "caseNumber": finished["number"],
            "indicators": [{"indicator": i, "level": "DISSATISFIED"} for i in indicators],
            "comment": "等了很久",
        },
    )["rateCase"]
    assert rated["errors"] == [], rated
    # A booking (the first free slot of the coming week) and one of the resident's
    # e-certificates.
    today = datetime.date.today()
    slots = call(
        server,
        """query($c: String!, $m: String!, $f: Date!, $t: Date!) {
            availableSlots(centreCode: $c, matterCode: $m, from: $f, to: $t) {
                start seatsLeft } }""",
        resident,
        c=CENTRE,
        m="GA006",
        f=today.isoformat(),
        t=(today + datetime.timedelta(days=7)).isoformat(),
    )["availableSlots"]
    free = next(slot for slot in slots if slot["seatsLeft"] > 0)
    booked = call(
        server,
        """mutation($input: BookSlotInput!) { bookSlot(input: $input) {
            booking { id } errors { code } } }""",
        resident,
        input={
            "centreCode": CENTRE,
            "matterCode": "GA006",
            "start": free["start"],
            "idempotencyKey": f"a11y-{uuid.uuid4()}",
        },
    )["bookSlot"]
    assert booked["errors"] == [], booked
    certificates = call(server, "{ myCertificates { id } }", resident)["myCertificates"]
    assert certificates, "the demo resident has no e-certificate"
    return {
        "booking": booked["booking"]["id"],
        "certificate": certificates[0]["id"],
        "open_case": open_case["number"],
        "finished_case": finished["number"],
        "follow_up": rated["rating"]["followUp"]["id"],
        "refresh_token": tokens["refreshToken"],
    }


def new_context(browser: Browser, elder: bool | None = None) -> BrowserContext:
    context = browser.new_context(**SMALL_PHONE)
    context.set_default_timeout(base.TIMEOUT_MS)
    if elder is not None:
        set_elder_mode(context, elder)
    return context


def sign_in_resident(context: BrowserContext, url: str, refresh_token: str) -> None:
    page = context.new_page()
    page.goto(f"{url}/login")
    page.evaluate("(t) => localStorage.setItem('tongban.refreshToken', t)", refresh_token)
    page.close()


def sign_in_staff(context: BrowserContext, url: str) -> None:
    page = context.new_page()
    page.goto(f"{url}/staff/login")
    page.get_by_label("用户名").fill(HEAD)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page).to_have_url(re.compile(r"/staff$"))
    # The head's follow-ups and the window tablet keep their own device session.
    page.goto(f"{url}/staff/follow-ups")
    page.get_by_label("用户名").fill(HEAD)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page.locator("[data-test=follow-up-item]").first).to_be_visible()
    page.close()


def settle(page: Page) -> None:
    """Wait for the page's data: the network quiet and no loading spinner left."""
    try:
        page.wait_for_load_state("networkidle", timeout=8_000)
    except Exception:
        pass
    try:
        page.wait_for_function(
            "!Array.from(document.querySelectorAll('.van-loading')).some("
            "(e) => e.checkVisibility() && !e.closest('button'))",
            timeout=8_000,
        )
    except Exception:
        pass
    page.wait_for_timeout(300)  # transitions


@dataclass
class Finding:
    path: str
    who: str
    violations: list[dict[str, Any]]
    h1: int
    small_text: list[dict[str, Any]]
    small_targets: list[dict[str, Any]]

    def problems(self, elder: bool) -> list[str]:
        found = []
        if self.violations:
            found.append(describe(self.violations))
        if self.h1 != 1:
            found.append(f"{self.h1} visible h1 elements (one wanted)")
        if elder and self.small_text:
            found.append(f"text under 18 px: {self.small_text[:8]}")
        if self.small_targets:
            found.append(f"targets under the minimum: {self.small_targets[:6]}")
        return found


@pytest.fixture(scope="module")
def artefacts(screenshots: Path) -> Path:
    return screenshots


@pytest.fixture(scope="module")
def sessions(
    server: str,
    server_env: dict[str, str],
    browser: Browser,
    data: dict[str, str],
) -> Iterator[dict[str, BrowserContext]]:
    """One browser context per kind of visitor, shared by both modes (the mode is set per
    page): public, a verified resident, a newcomer (not verified), a centre head."""
    contexts = {"public": new_context(browser)}
    contexts["resident"] = new_context(browser)
    sign_in_resident(contexts["resident"], server, data["refresh_token"])
    contexts["newcomer"] = new_context(browser)
    newcomer = resident_tokens(server, server_env, "13900007000")
    accept_sign_in_documents(server, newcomer["accessToken"])
    sign_in_resident(contexts["newcomer"], server, newcomer["refreshToken"])
    contexts["staff"] = new_context(browser)
    sign_in_staff(contexts["staff"], server)
    yield contexts
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("mode", ["normal", "elder"])
def test_every_page_passes_axe(
    mode: str,
    server: str,
    server_env: dict[str, str],
    browser: Browser,
    data: dict[str, str],
    sessions: dict[str, BrowserContext],
    artefacts: Path,
) -> None:
    axe_path()
    elder = mode == "elder"
    visits = [(who, path.format(**data)) for who, path in ROUTES.values()] + EXTRA
    findings: list[Finding] = []
    crashes: list[str] = []
    for who, path in visits:
        page = sessions[who].new_page()
        try:
            set_elder_mode(page, elder)
            page.on("pageerror", lambda error, p=path: crashes.append(f"{p}: {error}"))
            page.goto(f"{server}{path}")
            settle(page)
            if elder and page.evaluate("document.documentElement.dataset.elder") != "on":
                crashes.append(f"{path}: not in elder mode")
            findings.append(
                Finding(
                    path=path,
                    who=who,
                    violations=axe_violations(page)
                    + (axe_violations(page, ELDER_RULES) if elder else []),
                    h1=h1_count(page),
                    small_text=small_text(page) if elder else [],
                    small_targets=small_targets(page, 48 if elder else 44),
                )
            )
            shot = next((n for k, n in SCREENSHOTS.items() if k.format(**data) == path), None)
            if shot:
                suffix = "-signed-out" if who == "public" and path == "/me" else ""
                page.screenshot(
                    path=str(artefacts / f"a11y-{mode}-{shot}{suffix}.png"), full_page=True
                )
        finally:
            page.close()

    summary = {
        f"{f.who} {f.path}": {
            "violations": {v["id"]: len(v["nodes"]) for v in f.violations},
            "h1": f.h1,
            "smallText": len(f.small_text),
            "smallTargets": len(f.small_targets),
        }
        for f in findings
    }
    (artefacts / f"a11y-{mode}.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1))
    print(f"\n{mode}: " + json.dumps(summary, ensure_ascii=False, indent=1))
    report = [
        f"== {f.who} {f.path}\n" + "\n".join(found)
        for f in findings
        if (found := f.problems(elder))
    ]
    assert not crashes, crashes
    assert not report, "\n".join(report)


def test_elder_mode_is_one_tap_and_remembered(
    server: str,
    browser: Browser,
) -> None:
    context = new_context(browser)
    page = context.new_page()
    try:
        page.goto(f"{server}/")
        page.evaluate(f"localStorage.removeItem('{ELDER_KEY}')")
        page.reload()
        assert page.evaluate("document.documentElement.dataset.elder") is None
        body_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        page.get_by_role("button", name="长辈版").click()
        expect(page.locator("html")).to_have_attribute("data-elder", "on")
        assert page.evaluate("localStorage.getItem('tongban.elderMode')") == "1"
        # The big four (预约 and 亮证 where this build has their pages), nothing else.
        paths = router_paths()
        big_four = [
            name
            for name, path in (
                ("预约", "/bookings/new"),
                ("我的办件", "/cases"),
                ("亮证", "/certificates"),
                ("附近中心", "/nearby"),
            )
            if path in paths
        ]
        entries = page.locator("[data-test=elder-entry]")
        expect(entries).to_have_count(len(big_four))
        expect(entries).to_have_text([re.compile(n) for n in big_four])
        expect(page.locator("[data-test=quick-link], [data-test=hot-search]")).to_have_count(0)
        for index in range(len(big_four)):
            box = entries.nth(index).bounding_box()
            assert box is not None and box["height"] >= 48, box
        assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= max(
            18, body_size
        )
        assert small_text(page) == []
        page.reload()
        expect(page.locator("html")).to_have_attribute("data-elder", "on")
        # ... and off again from 我的.
        page.goto(f"{server}/me")
        page.get_by_role("switch", name="长辈版").click()
        expect(page.locator("html")).not_to_have_attribute("data-elder", "on")
        assert page.evaluate("localStorage.getItem('tongban.elderMode')") is None
    finally:
        context.close()


def test_text_follows_the_system_text_size(
    server: str,
    browser: Browser,
) -> None:
    """No text in px: a larger root font size (the phone's text size setting) enlarges it."""
    context = new_context(browser, False)
    page = context.new_page()
    try:
        page.goto(f"{server}/centres/{CENTRE}")
        settle(page)
        sizes = (
            "Array.from(document.querySelectorAll('h1, .van-cell__title, .van-cell__label,"
            " [data-test=tab]')).map(e => parseFloat(getComputedStyle(e).fontSize))"
        )
        before = page.evaluate(sizes)
        page.evaluate("document.documentElement.style.fontSize = '20px'")
        after = page.evaluate(sizes)
        assert before and len(before) == len(after)
        assert all(a >= b * 1.2 for a, b in zip(after, before, strict=True)), (before, after)
    finally:
        context.close()


def focus_walk(page: Page, steps: int) -> list[dict[str, Any]]:
    """Tab `steps` times from the top; what had focus each time: its name and focus ring."""
    page.locator("body").focus()
    seen = []
    for _ in range(steps):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                """() => {
                  const e = document.activeElement
                  // A text field shows its ring on the field's row.
                  const ring = e.closest('.van-field, .van-search__content') || e
                  const style = getComputedStyle(ring)
                  return { tag: e.tagName, text: (e.getAttribute('aria-label') || e.innerText || '')
                    .trim(), test: e.dataset.test || '', outline: parseFloat(style.outlineWidth)
                    * (style.outlineStyle === 'none' ? 0 : 1) }
                }"""
            )
        )
    return seen


def test_keyboard_reaches_every_control_with_a_visible_focus(
    server: str,
    browser: Browser,
) -> None:
    context = new_context(browser, False)
    page = context.new_page()
    try:
        page.goto(f"{server}/")
        settle(page)
        # Past the last control focus leaves the page (the body): not a control.
        seen = [item for item in focus_walk(page, 20) if item["tag"] != "BODY"]
        assert len(seen) >= 12, seen
        names = [item["text"] for item in seen]
        wanted = ("长辈版", "办事指南", "全程网办", "全市通办", "搜索 居住证", "搜索 出生", "我的")
        for name in wanted:
            assert name in names, names
        assert all(item["outline"] >= 2 for item in seen), [s for s in seen if s["outline"] < 2]
        # No icon-font glyph in a name (private-use characters).
        assert not [n for n in names if re.search("[\ue000-\uf8ff]", n)], names

        page.goto(f"{server}/matters/{MATTER}")
        settle(page)
        first = focus_walk(page, 1)[0]
        assert first["tag"] == "BUTTON" and first["test"] == "back" and first["text"] == "返回"
        back = page.get_by_role("button", name="返回", exact=True)
        expect(back).to_be_focused()
        # The tab bar is navigation with links, the current page marked.
        page.goto(f"{server}/centres")
        nav = page.get_by_role("navigation", name="主导航")
        expect(nav.get_by_role("link", name="服务中心")).to_have_attribute("aria-current", "page")
        assert page.locator("[role=tablist], [role=tab]").count() == 0
    finally:
        context.close()


def test_field_errors_are_tied_to_their_fields_and_announced(
    server: str,
    browser: Browser,
) -> None:
    context = new_context(browser, True)
    page = context.new_page()
    try:
        page.goto(f"{server}/login")
        phone = page.get_by_label("手机号")
        phone.fill("123")
        page.get_by_role("button", name="获取验证码").click()
        expect(phone).to_have_attribute("aria-invalid", "true")
        described = phone.get_attribute("aria-describedby")
        assert described
        message = page.locator(f"#{described}")
        expect(message).to_have_attribute("role", "alert")
        expect(message).to_contain_text("手机号")
        assert small_text(page) == []
        # Corrected: no longer invalid, no stale description.
        phone.fill("13800000009")
        page.get_by_role("button", name="登录", exact=True).click()
        expect(phone).not_to_have_attribute("aria-invalid", "true")
    finally:
        context.close()


@pytest.mark.parametrize(("width", "elder"), [(320, False), (188, False), (188, True)])
def test_nothing_is_lost_at_320_px_and_200_percent_zoom(
    width: int,
    elder: bool,
    server: str,
    browser: Browser,
) -> None:
    """188 CSS px is a 375 px phone at 200 % zoom: no sideways scrolling, inputs at least
    five characters wide, the tab bar's labels inside the bar."""
    context = browser.new_context(**{**SMALL_PHONE, "viewport": {"width": width, "height": 700}})
    context.set_default_timeout(base.TIMEOUT_MS)
    set_elder_mode(context, elder)
    page = context.new_page()
    problems: list[str] = []
    try:
        for path in ("/", "/login", "/matters", f"/matters/{MATTER}", f"/centres/{CENTRE}", "/me"):
            page.goto(f"{server}{path}")
            settle(page)
            found = page.evaluate(
                """() => ({
                  overflow: document.documentElement.scrollWidth - window.innerWidth,
                  narrowInputs: Array.from(document.querySelectorAll('input:not([type=hidden])'))
                    .filter((i) => i.checkVisibility())
                    .map((i) => [i.name, i.clientWidth / parseFloat(getComputedStyle(i).fontSize)])
                    .filter(([, chars]) => chars < 5),
                  tabsOutside: Array.from(document.querySelectorAll('[data-test=tab]'))
                    .filter((tab) => {
                      const r = tab.getBoundingClientRect()
                      const bar = tab.closest('nav').getBoundingClientRect()
                      return r.top < bar.top - 0.5 || r.bottom > bar.bottom + 0.5
                        || tab.scrollHeight > tab.clientHeight + 1
                    }).map((tab) => tab.innerText),
                })"""
            )
            if found["overflow"] > 1 or found["narrowInputs"] or found["tabsOutside"]:
                problems.append(f"{path}: {found}")
    finally:
        context.close()
    assert not problems, problems


SPEECH_RECORDER = """
window.__spoken = []
const synth = window.speechSynthesis
if (synth) {
  synth.speak = (u) => {
    window.__spoken.push({ text: u.text, lang: u.lang })
    setTimeout(() => u.onend && u.onend(), 10)
  }
  synth.cancel = () => {}
}
"""


def test_read_aloud_speaks_the_pages_main_text_in_chinese(
    server: str,
    browser: Browser,
) -> None:
    """朗读 hands the page's text (not the buttons or the tab bar) to speech synthesis, zh-CN.
    The engine is recorded rather than heard: headless Chromium has no voices."""
    context = new_context(browser, True)
    context.add_init_script(SPEECH_RECORDER)
    page = context.new_page()
    try:
        page.goto(f"{server}/matters/{MATTER}")
        settle(page)
        name = page.get_by_role("heading", level=1).inner_text()
        page.get_by_role("button", name="朗读本页内容").click()
        page.wait_for_function("window.__spoken.length > 0")
        spoken = page.evaluate("window.__spoken")
        text = " ".join(item["text"] for item in spoken)
        assert {item["lang"] for item in spoken} == {"zh-CN"}
        assert name in text and "受理部门" in text, text
        assert "返回" not in text and "朗读" not in text, text  # controls are not read
        assert text.count(name) == 1, text  # the bar's copy of the title is not read twice
        assert all(len(item["text"]) <= 160 for item in spoken)
    finally:
        context.close()


def test_reduced_motion_is_respected(
    server: str,
    browser: Browser,
) -> None:
    """With the system's 减弱动态效果 on, transitions and animations are (near) instant."""
    durations = (
        "Array.from(document.querySelectorAll('.van-button, .van-cell, .van-search'))"
        ".map((e) => parseFloat(getComputedStyle(e).transitionDuration) || 0)"
    )
    found: dict[str, list[float]] = {}
    for motion in ("no-preference", "reduce"):
        context = browser.new_context(**SMALL_PHONE, reduced_motion=motion)  # type: ignore[arg-type]
        page = context.new_page()
        try:
            page.goto(f"{server}/")
            settle(page)
            found[motion] = page.evaluate(durations)
        finally:
            context.close()
    assert max(found["no-preference"]) >= 0.1, found  # Vant animates these normally
    assert found["reduce"] and max(found["reduce"]) < 0.01, found
