"""The outreach story in a real browser (Debian's Chromium), on a desktop and on a 390 px phone:
a flagged minor is one person; an educator reveals the contact (audited), logs an attempt,
schedules a follow-up, logs an answer, refers to a local service and produces an information
préoccupante PDF; an analyst sees none of it; the purge removes the idle file and the audit
chain still verifies."""

from __future__ import annotations

import io
import os
import time
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from sentinelle.store import open_store
from sentinelle.store.audit import iter_entries
from sentinelle.store.schema import outreach_files

from .conftest import BROWSER_SECRET, signed_in_page

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("SENTINELLE_SCREENSHOTS") or "/tmp/sentinelle-outreach-shots")
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
PHONE = "+33612340010"
TOUCH_TARGETS = (
    ".outreach button, .outreach .o-button, .o-tabs a, .outreach select, "
    ".outreach input:not([type=hidden]):not([type=radio]):not([type=checkbox])"
)


def signed_in(browser, server, role: str, device: str):
    return signed_in_page(browser, server, role, accept_downloads=True, **VIEWPORTS[device])


def shot(page, device: str, step: str) -> None:
    """The whole page, and its top as the screen shows it (readable at full size)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"outreach-{device}-{step}.png"), full_page=True)
    page.screenshot(path=str(SHOTS / f"outreach-{device}-{step}-top.png"))


def fits(page, width: int) -> None:
    """Nothing wider than the screen, and every button a thumb can hit."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    small = page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector))
        .filter(e => e.offsetParent !== null)
        .filter(e => e.getBoundingClientRect().height < 44).map(e => e.outerHTML.slice(0, 80))""",
        TOUCH_TARGETS,
    )
    assert small == []


def submit(page, form_action: str, button_text: str) -> None:
    with page.expect_navigation():
        page.click(f"form[action$='{form_action}'] button:has-text('{button_text}')")


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_the_outreach_story(browser, server, seeded_db, cli, device, monkeypatch):
    monkeypatch.setenv("SENTINELLE_SECRET_KEY", BROWSER_SECRET)  # the purge writes audit
    width = VIEWPORTS[device]["viewport"]["width"]
    context, page = signed_in(browser, server, "outreach", device)
    assert page.url.endswith("/outreach")
    minor = page.locator("a.person-card[href='/outreach/persons/1']")
    assert minor.count() == 1  # the minor's posts share one contact: one person
    assert "16 years" in minor.inner_text() and PHONE not in page.content()
    fits(page, width)
    shot(page, device, "1-queue")

    minor.click()
    page.wait_for_selector("#reveal-contact")
    assert "flagged posts" in page.content()
    fits(page, width)
    page.click("#reveal-contact")
    page.wait_for_selector("#contact.revealed")
    assert page.locator("#contact").inner_text() == PHONE
    shot(page, device, "2-revealed")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.locator("button[data-copy^=msg-]").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Bonjour, je m'appelle") and "119" in copied

    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    page.select_option("#attempt select[name=channel]", "sms")
    page.select_option("#attempt select[name=template]", "Premier contact")
    page.select_option("#attempt select[name=outcome]", "no_answer")
    page.fill("#attempt textarea[name=note]", "Message envoyé")
    submit(page, "/attempt", "Save attempt")
    assert "contact tenté" in page.locator(".followed").inner_text()

    page.fill("form[action$='/followup'] input[name=next_followup]", tomorrow)
    submit(page, "/followup", "Set follow-up")
    assert f"follow up on {tomorrow}" in page.locator(".followed").inner_text()

    page.select_option("#attempt select[name=outcome]", "answered")
    submit(page, "/attempt", "Save attempt")
    assert "en contact" in page.locator(".followed").inner_text()
    assert "a répondu" in page.locator("#history").inner_text()

    page.select_option(
        "form[action$='/referral'] select[name=service]",
        label="health: Santé jeunes (fictif) (04 00 00 00 02)",
    )
    submit(page, "/referral", "Record referral")
    assert "referred to Santé jeunes (fictif)" in page.locator("#history").inner_text()
    fits(page, width)
    shot(page, device, "3-file")
    for section in ("#attempt", "#history"):
        page.locator(section).screenshot(path=str(SHOTS / f"outreach-{device}-{section[1:]}.png"))

    with page.expect_download() as download:
        page.click("form[action$='/report'] button[value=pdf]")
    pdf = Path(download.value.path()).read_bytes()
    (SHOTS / f"outreach-{device}-report.pdf").write_bytes(pdf)
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages))
    assert "Information préoccupante" in text and "a répondu" in text
    assert "CRIP du Rhône (fictive)" in text and PHONE not in text

    page.goto(f"{server}/outreach/dashboard")
    page.wait_for_selector("#chart-month .main-svg")
    assert PHONE not in page.content()
    fits(page, width)
    shot(page, device, "4-dashboard")
    context.close()

    store = open_store(seeded_db)
    actions = [e["action"] for e in iter_entries(store)]
    assert "outreach.reveal" in actions and "outreach.disclose" in actions

    analyst_context, analyst = signed_in(browser, server, "analyst", device)
    assert analyst.locator("header nav >> text=Outreach").count() == 0
    for path in ("/outreach", "/outreach/persons/1", "/outreach/dashboard"):
        assert analyst.goto(f"{server}{path}").status == 403
    analyst.goto(f"{server}/post?source=annonces-libres&id=p0000")
    assert "Message envoyé" not in analyst.content() and "Santé jeunes" not in analyst.content()
    analyst_context.close()

    with store.engine.begin() as connection:  # a year and a half without activity
        connection.execute(update(outreach_files).values(updated_at=time.time() - 550 * 86400))
    store.close()
    dry = cli("outreach", "purge", "--dry-run", db=seeded_db)
    assert b"would delete 1 file" in dry.stdout
    done = cli("outreach", "purge", db=seeded_db)
    assert done.returncode == 0 and b"deleted 1 file" in done.stdout
    store = open_store(seeded_db)
    with store.engine.connect() as connection:
        assert connection.execute(outreach_files.select()).first() is None
    assert [e["action"] for e in iter_entries(store)][-1] == "outreach.purge"
    store.close()
    verified = cli("audit", "verify", db=seeded_db)
    assert verified.returncode == 0 and b"audit log intact" in verified.stdout


def test_the_admin_edits_a_template_on_a_phone(browser, server):
    context, page = signed_in(browser, server, "admin", "phone")
    page.goto(f"{server}/outreach/templates")
    form = page.locator("form.o-form").filter(has_text="New template")
    form.locator("input[name=name]").fill("Court")
    form.locator("textarea[name=body]").fill("Bonjour {prenom}, appelle le 119 ou le 17.")
    with page.expect_navigation():
        form.locator("button").click()
    assert "missing: 114" in page.locator("p.alert").inner_text()
    form = page.locator("form.o-form").filter(has_text="New template")
    form.locator("textarea[name=body]").fill("Bonjour {prenom}, 119, SMS au 114, ou le 17.")
    with page.expect_navigation():
        form.locator("button").click()
    assert page.locator("form.o-form h2", has_text="Court").count() == 1
    fits(page, 390)
    shot(page, "phone", "5-templates")
    context.close()
    context, page = signed_in(browser, server, "outreach", "phone")
    page.goto(f"{server}/outreach/services?department=69")
    assert page.locator("li.service").count() == 2
    fits(page, 390)
    shot(page, "phone", "6-services")
    context.close()
