"""A day's work in a real browser (issue 12): nothing in clear, find by identifier, networks
that read, explained flags, accounts run, daily comforts, the note. Screenshots go to
SENTINELLE_SCREENSHOTS when set."""

from __future__ import annotations

import re

import pytest

from .conftest import serve_in_thread, signed_in_page
from .test_browser import shot
from .test_masking_property import build_store, planted_posts, survivors, visible

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    records, found = planted_posts(20240313, ["twice", "middle", "title", "start", "twice", "end"])
    path = str(tmp_path_factory.mktemp("day") / "w.db")
    build_store(path, records, sorted(found["phones"]))
    return path, records, found


@pytest.fixture(scope="module")
def day_server(planted):
    yield from serve_in_thread(planted[0])


def _open(browser, server, role: str, width: int = 1400, start: str = "/login"):
    viewport = {"width": width, "height": 900}
    return signed_in_page(browser, server, role, start=start, viewport=viewport)


def test_no_identifier_in_clear_and_find_by_any_form(browser, day_server, planted):
    _path, records, found = planted
    context, page = _open(browser, day_server, "analyst")
    for record in records:
        page.goto(f"{day_server}/post?source={record['source']}&id={record['id']}")
        assert not survivors(visible(page.content()), found), record["id"]
    shot(page, "day-post-masked")
    e164, forms = next(iter(found["phones"].items()))
    counts = set()
    for form in [*sorted(forms)[:2], e164]:
        page.fill("header form.find input[name=q]", form)
        page.press("header form.find input[name=q]", "Enter")
        page.wait_for_load_state("networkidle")
        counts.add(re.search(r"(\d+) posts? carr", page.inner_text("p.count")).group(1))
        assert not survivors(visible(page.content()), found)
    assert len(counts) == 1  # every writing finds the same posts
    shot(page, "day-search")
    page.click("ul.chips a")
    page.wait_for_selector("#summary")
    assert page.url.startswith(f"{day_server}/networks/n-")
    context.close()


def test_network_list_and_page_read_at_a_glance(browser, day_server):
    context, page = _open(browser, day_server, "analyst")
    page.goto(f"{day_server}/networks")
    total = int(page.inner_text("p.count strong"))
    assert total >= 1
    page.click("text=Posts >> nth=1")  # the column header sorts by size
    assert "sort=posts" in page.url
    page.fill("input[name=min_score]", "abc")
    page.click("form.filters button[type=submit]")
    assert page.locator("label.field.invalid .error").inner_text().startswith("score:")
    assert page.locator("header.top >> text=Sign out").count() == 1
    shot(page, "day-networks-invalid")
    page.goto(f"{day_server}/networks")
    page.click("table.networks tbody tr >> nth=0 >> a")
    page.wait_for_selector("#chart-graph .main-svg")
    summary = page.inner_text("#summary")
    assert re.match(r"\d+ posts? on \d+ sites?, \d+ cit(y|ies) in \d+ weeks?", summary)
    graph = page.locator("#chart-graph").bounding_box()
    assert graph["height"] <= 680  # grouped posts: the graph stays within the viewport
    for stay in page.locator("ol.itinerary .stay-place").all():
        box = stay.bounding_box()
        assert stay.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), "place name cut"
        assert box["width"] > 0
    shot(page, "day-network")
    context.close()


def test_flags_are_explained_and_posts_labelled_from_their_page(browser, day_server, planted):
    _path, records, _found = planted
    context, page = _open(browser, day_server, "analyst")
    page.goto(f"{day_server}/posts")
    options = page.locator("select[name=indicator] option").all_inner_texts()
    assert any("—" in option for option in options[1:])  # name — description
    record = records[0]
    page.goto(f"{day_server}/post?source={record['source']}&id={record['id']}")
    assert page.locator("table.scores").inner_text().count("≥") == 3
    assert page.locator("ul.indicators li .muted").count() >= 1
    assert page.locator("time").first.get_attribute("title").startswith("2024-")
    page.click("form.label-form button[value=control]")
    page.wait_for_selector("p.ok")
    assert "Labelled control" in page.inner_text("p.ok")
    shot(page, "day-post-explained")
    context.close()


def test_admin_runs_accounts(browser, day_server):
    context, page = _open(browser, day_server, "admin")
    page.goto(f"{day_server}/accounts")
    assert page.locator("form.filters select[name=role]").input_value() == ""
    page.fill("form.filters input[name=name]", "camille")
    page.select_option("form.filters select[name=role]", "outreach")
    page.fill("form.filters input[name=password]", "another long password")
    page.click("form.filters button[type=submit]")
    colour = page.locator("p.message").evaluate("e => getComputedStyle(e).color")
    assert colour == "rgb(17, 122, 101)"  # success in green
    row = "tr[data-account=camille]"
    page.click(f"{row} >> text=Disable")
    assert "disabled" in page.inner_text(row)
    page.select_option(f"{row} select[name=role]", "analyst")
    page.click(f"{row} >> text=Change")
    assert "now analyst" in page.inner_text("p.message")
    page.click("tr[data-account=camille] >> text=Reset password")
    assert len(page.inner_text("#new-password")) >= 20
    shot(page, "day-accounts")
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("tr[data-account=camille] >> text=Delete")
    page.wait_for_selector("p.message")
    assert "camille deleted" in page.inner_text("p.message")
    context.close()


def test_daily_comforts(browser, day_server, planted):
    context, page = _open(browser, day_server, "analyst", start="/networks?sort=cities")
    assert page.url.endswith("/networks?sort=cities")  # back to the page asked for
    response = page.goto(f"{day_server}/networks/n-999999")
    assert response.status == 404 and page.locator("text=Sign out").count() == 1
    context.close()
    context, page = _open(browser, day_server, "analyst", width=390)
    for url in ("/posts", "/networks", "/search?q=lea", "/review"):
        page.goto(day_server + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, (url, width)
    shot(page, "day-review-390")
    page.goto(f"{day_server}/posts")
    shot(page, "day-posts-390")
    context.close()
    context, page = _open(browser, day_server, "outreach", width=390)
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    context.close()


def test_note_opens_from_the_workspace(browser, day_server, planted):
    _path, _records, found = planted
    context, page = _open(browser, day_server, "analyst")
    page.click("nav >> text=Note")
    assert page.locator("text=Open the note (HTML)").count() == 1
    page.goto(f"{day_server}/note.html")
    page.wait_for_load_state("networkidle")
    assert not survivors(visible(page.content()), found)
    assert "••" in page.content()
    shot(page, "day-note")
    context.close()
