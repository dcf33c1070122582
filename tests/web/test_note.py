"""The strategic note opened from the workspace: identifiers masked unless revealed (audited),
an HTML view with its own content policy, a PDF download."""

from __future__ import annotations

import copy
import shutil

import pytest

from sentinelle.cases.note import note_html
from sentinelle.cases.records import parse_case
from sentinelle.store import open_store
from sentinelle.store.audit import recent_entries
from sentinelle.store.cases import save_cases
from sentinelle.web.routes.note import build_workspace_note

from ..cases.sample import SAMPLE_CASES


@pytest.fixture
def with_cases(settings):
    records = copy.deepcopy(SAMPLE_CASES)
    records[0]["identifiers"] = ["+33612340010"]  # carried by 8 seeded posts
    store = open_store(settings.db)
    save_cases(store, [parse_case(record) for record in records])
    store.close()
    return settings


def test_the_note_masks_case_identifiers_unless_revealed(with_cases, client_for):
    client = client_for("analyst")
    page = client.get("/note")
    assert page.status_code == 200 and "Open the note (HTML)" in page.text
    note = client.get("/note.html")
    assert note.status_code == 200 and "+33 6••••••10" in note.text
    assert "+33612340010" not in note.text
    assert "'unsafe-inline'" in note.headers["content-security-policy"]
    revealed = client.get("/note.html?reveal=true").text
    assert "+33612340010" in revealed
    store = open_store(with_cases.db)
    actions = [e["action"] for e in recent_entries(store, limit=10)]
    store.close()
    assert "identifier.reveal" in actions and "note.view" in actions


def test_the_workspace_note_loads_plotly_from_this_site(with_cases, client_for):
    """Inlined, plotly was 4.6 MB of each answer (4.9 MB in all): 20 clients asking for the
    note could not be sent it fast enough. The PDF's note stays self-contained."""
    client = client_for("analyst")
    note = client.get("/note.html")
    src = '<script src="/vendor/plotly/plotly.min.js"></script>'
    assert src in note.text and len(note.content) < 500_000
    assert "'self'" in note.headers["content-security-policy"]
    assert client.get("/vendor/plotly/plotly.min.js").status_code == 200
    store = open_store(with_cases.db)
    whole = note_html(build_workspace_note(store, reveal=False))
    store.close()
    assert src not in whole and len(whole) > 4_000_000  # the file a PDF is printed from


def test_without_cases_the_note_says_how_to_import_them(client_for):
    client = client_for("analyst")
    assert "sentinelle cases import" in client.get("/note").text
    missing = client.get("/note.html")
    assert missing.status_code == 404 and "Sign out" in missing.text


@pytest.mark.browser
@pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian's chromium")
def test_the_note_downloads_as_pdf(with_cases, client_for):
    pdf = client_for("analyst").get("/note.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert "attachment" in pdf.headers["content-disposition"]
