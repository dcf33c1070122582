"""The workspace in a real browser (Debian's Chromium driven by Playwright), served by a real
uvicorn on a free loopback port: each role sees what it may and is refused the rest."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import signed_in_page

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("SENTINELLE_SCREENSHOTS")  # a folder to keep screenshots in


@pytest.fixture
def sign_in_as(browser, server):
    contexts = []

    def open_as(role: str):
        context, page = signed_in_page(
            browser, server, role, viewport={"width": 1400, "height": 900}
        )
        contexts.append(context)
        return page

    yield open_as
    for context in contexts:
        context.close()


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def test_analyst_filters_opens_reveals_and_labels(sign_in_as, server):
    page = sign_in_as("analyst")
    assert page.url.endswith("/overview")
    page.wait_for_selector("#chart-weekly .main-svg")
    shot(page, "overview")
    page.click("nav >> text=Posts")
    page.select_option("select[name=flag]", "minor")
    page.click("form.filters button[type=submit]")
    rows = page.locator("table.posts tbody tr")
    assert rows.count() == 10 and "flag=minor" in page.url
    shot(page, "posts")
    page.goto(f"{server}/post?source=annonces-libres&id=p0000")
    assert page.locator("mark.evidence[title='age.stated_minor']").first.inner_text() == "16 ans"
    masked = page.locator("#ident-0").inner_text()
    assert "+336" not in masked
    page.click("button[data-target=ident-0]")
    page.wait_for_selector("#ident-0.revealed")
    assert page.locator("#ident-0").inner_text() == "+33612340010"
    shot(page, "post")
    page.goto(f"{server}/networks/n-000000")
    page.wait_for_selector("#chart-graph .main-svg")
    page.wait_for_selector("#chart-map .main-svg")
    shot(page, "network")
    page.goto(f"{server}/review")
    first = page.locator(".review-item").first
    page.keyboard.press("n")
    page.wait_for_selector(".review-item.done")
    assert "labelled none" in first.inner_text()
    shot(page, "review")


def test_auditor_finds_the_reveal_in_the_audit_log(sign_in_as, server):
    analyst = sign_in_as("analyst")
    analyst.goto(f"{server}/post?source=annonces-libres&id=p0000")
    analyst.click("button[data-target=ident-0]")
    analyst.wait_for_selector("#ident-0.revealed")
    auditor = sign_in_as("auditor")
    assert auditor.url.endswith("/audit")
    auditor.fill("input[name=action]", "identifier.reveal")
    auditor.click("form.filters button[type=submit]")
    row = auditor.locator("table.audit tbody tr").first
    assert "analyst" in row.inner_text() and "+33 6••••••10" in row.inner_text()
    assert "+33612340010" not in auditor.content()
    shot(auditor, "audit")
    response = auditor.goto(f"{server}/posts")
    assert response.status == 403 and "Not allowed" in auditor.content()


def test_outreach_sees_flagged_posts_only(sign_in_as, server):
    page = sign_in_as("outreach")
    assert page.url.endswith("/outreach")  # persons to contact first; posts one click away
    page.click("header nav >> text=Posts")
    assert page.locator("table.posts tbody tr").count() == 20  # flagged: minor or control
    assert page.locator("nav >> text=Overview").count() == 0
    shot(page, "outreach-posts")
    assert page.goto(f"{server}/networks/n-000000").status == 403
    assert page.goto(f"{server}/post?source=photogram&id=p0001").status == 403
    assert page.goto(f"{server}/post?source=annonces-libres&id=p0000").status == 200


def test_admin_manages_accounts_but_sees_no_posts(sign_in_as, server):
    page = sign_in_as("admin")
    assert page.url.endswith("/audit")
    page.goto(f"{server}/accounts")
    page.fill("form.filters input[name=name]", "nouvelle")
    page.select_option("form.filters select[name=role]", "outreach")
    page.fill("form.filters input[name=password]", "another long password")
    page.click("form.filters button[type=submit]")
    assert "account nouvelle (outreach) created" in page.content()
    assert page.goto(f"{server}/overview").status == 403


# Draws an emoji in the page's own font stack and reports whether any pixel has a colour:
# without a colour emoji font Chromium draws an outlined box (black on transparent).
_EMOJI_HAS_COLOUR = """() => {
  const canvas = document.createElement('canvas');
  canvas.width = 64; canvas.height = 64;
  const ctx = canvas.getContext('2d');
  ctx.font = '40px ' + getComputedStyle(document.body).fontFamily;
  ctx.textBaseline = 'top';
  ctx.fillText('\\u{1F339}', 4, 4);
  const data = ctx.getImageData(0, 0, 64, 64).data;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
    if (a > 0 && (Math.abs(r - g) > 40 || Math.abs(g - b) > 40)) return true;
  }
  return false;
}"""


def test_emoji_in_posts_render_in_colour(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/login")
    assert page.evaluate(_EMOJI_HAS_COLOUR), (
        "no colour emoji font: apt-get install fonts-noto-color-emoji"
    )
    context.close()
