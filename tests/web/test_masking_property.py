"""No identifier in clear: random numbers, written in random obfuscated forms and planted in
random places of real analysed posts, survive in no page and no export a role opens without
revealing (the page's own Reveal, audited, is the only way to read one)."""

from __future__ import annotations

import copy
import html
import random
import re
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import orjson
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sentinelle.auth.accounts import create_account
from sentinelle.cases.records import parse_case
from sentinelle.demo.phones import hard_form, new_phone, plain_form
from sentinelle.extract.phones import find_phones
from sentinelle.ingest.pipeline import content_hash
from sentinelle.ingest.validate import validate_post
from sentinelle.pipeline.analyze import analyze
from sentinelle.store import open_store
from sentinelle.store.cases import save_cases
from sentinelle.store.posts import save_posts
from sentinelle.store.schema import post_analysis
from sentinelle.web import WebSettings, create_app
from sentinelle.web.app import iter_routes

from ..cases.sample import SAMPLE_CASES

PASSWORD = "correct horse battery"
CITIES = ("Lyon", "Marseille", "Montpellier", "Perpignan", "Clermont-Ferrand")
PLACES = ("title", "start", "middle", "end", "twice")
# GET pages that show no post text or identifier at all, or that give identifiers in clear to
# a role whose right it is (the API's post object, audited as a view).
NOT_CRAWLED = {
    "/login",
    "/",
    "/api/openapi.json",
    "/api/posts/{source}/{post_id:path}",
    "/api/networks/{network_id}",
    "/note.pdf",  # printed by Chromium from the /note.html page, which is crawled
    "/posts/count",  # a number of posts, nothing else
}


class _Digits:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def phone_digits(self) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(8))


def planted_posts(seed: int, places: list[str]) -> tuple[list[dict], dict]:
    """Posts carrying numbers, handles and e-mails in random written forms and places; and
    what was planted (e164 -> written forms, handle names, e-mails)."""
    rng = random.Random(seed)
    digits = _Digits(rng)
    planted: dict = {"phones": {}, "names": set(), "emails": set()}
    records = []
    phones = [
        new_phone(rng, digits, rng.choice(("FR", "FR", "FR", "BE", "CH", "ES")))
        for _ in range(max(4, len(places) // 3))
    ]
    for i, place in enumerate(places):
        phone = phones[i % len(phones)]
        forms = [hard_form(rng, phone)[0] if rng.random() < 0.7 else plain_form(rng, phone)]
        if place == "twice":
            forms.append(plain_form(rng, phone) if rng.random() < 0.5 else hard_form(rng, phone)[0])
        planted["phones"].setdefault(phone.e164, set()).update(forms)
        name = f"{rng.choice(('lea', 'resa', 'nina', 'agence'))}_{rng.randint(10, 999)}x"
        email = f"{name}@exemple.fr"
        planted["names"].add(name)
        planted["emails"].add(email)
        city = rng.choice(CITIES)
        title = f"Nouvelle sur {city}"
        body = [f"Dispo ce soir sur {city}.", "Logement fourni.", "100 rose/h."]
        if i % 2:  # a stated minor age: flagged, so the contact is a person at risk (outreach)
            body.insert(1, "Nouvelle, 17 ans.")
        if place == "title":
            title = f"{title} {forms[0]}"
        elif place == "start":
            body.insert(0, f"Contact {forms[0]}.")
        elif place == "middle":
            body.insert(2, f"Appelle {forms[0]} ou snap: {name}")
        else:
            body.append(f"Tel {forms[0]}")
        if len(forms) > 1:
            body.append(f"ou {forms[1]}, mail {email}")
        records.append(
            {
                "id": f"x{i:03d}",
                "source": ("annonces-libres", "photogram")[i % 2],
                "kind": "ad",
                "title": title,
                "text": " ".join(body) + f" Snap: {name}",
                "posted_at": f"2024-03-{1 + i % 27:02d}T{10 + i % 12:02d}:00:00+01:00",
                "city": city,
                "author": f"compte_{i % 3}",
            }
        )
    return records, planted


def build_store(path: str, records: list[dict], case_identifiers: list[str] = ()) -> None:
    store = open_store(path)
    if case_identifiers:  # a case record sharing the planted identifiers (note, section 7)
        case = {**copy.deepcopy(SAMPLE_CASES[0]), "identifiers": list(case_identifiers)}
        save_cases(store, [parse_case(case)])
    batch = []
    for record in records:
        post, ts = validate_post(record)
        batch.append((post, ts, content_hash(post)))
    save_posts(store, batch)
    analyze(store, workers=1)
    with store.engine.begin() as connection:  # uncertain: every post in the review queue too
        connection.execute(post_analysis.update().values(score_minor=0.5))
    for role in ("admin", "analyst", "outreach", "auditor"):
        create_account(store, role, role, PASSWORD, time.time())
    store.close()


def visible(page: str) -> str:
    """What a page shows or carries: markup gone (each tag a barrier), entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "\n\n", page))


def survivors(text: str, planted: dict) -> list[str]:
    """Planted identifiers still readable in `text`: a written form verbatim, a number the
    extractor reads back, a handle name or an e-mail."""
    found = []
    lowered = text.lower()
    for e164, forms in planted["phones"].items():
        found += [f"{e164} written {form!r}" for form in forms if form in text]
        if e164 in text:
            found.append(e164)
    read = {hit.e164 for hit in find_phones(text)}
    found += [f"{e164} read back" for e164 in planted["phones"] if e164 in read]
    found += [name for name in planted["names"] if name in lowered]
    found += [email for email in planted["emails"] if email in lowered]
    return found


def login(client: TestClient, name: str) -> None:
    form = client.get("/login")
    token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": token})


OUTREACH_PAGES = (
    "/outreach",
    "/outreach?view=followed",
    "/outreach?view=due",
    "/outreach/dashboard",
    "/outreach/files",
    "/outreach/templates",
    "/outreach/services",
)


def crawl(app, planted: dict, records: list[dict]) -> dict[str, str]:
    """Every page and export each role may open, by URL (role-prefixed)."""
    pages: dict[str, str] = {}
    any_phone = next(iter(planted["phones"]))
    any_form = next(iter(planted["phones"][any_phone]))
    for role in ("outreach", "analyst", "auditor", "admin"):
        client = TestClient(app, base_url="https://testserver")
        login(client, role)
        urls = ["/overview", "/posts", "/posts?q=dispo", "/review", "/audit", "/accounts"]
        urls += ["/posts/export.jsonl", "/networks", "/search?" + urlencode({"q": any_form})]
        urls += ["/note", "/note.html", "/posts/export.jsonl?" + urlencode({"q": any_form})]
        urls += [f"/post?source={r['source']}&id={r['id']}" for r in records]
        urls += OUTREACH_PAGES
        if role == "outreach":
            act_on_persons(client)  # files, attempts and reports, so their pages show them
        for url in urls:
            response = client.get(url)
            if response.status_code == 200:
                pages[f"{role} {url}"] = response.text
        for network_id in re_network_ids(pages):
            response = client.get(f"/networks/{network_id}")
            if response.status_code == 200:
                pages[f"{role} /networks/{network_id}"] = response.text
        for person in person_ids(pages):
            response = client.get(f"/outreach/persons/{person}")
            if response.status_code == 200:
                pages[f"{role} /outreach/persons/{person}"] = response.text
                if role == "outreach":
                    pages[f"{role} report {person}"] = report_export(client, person, response)
        client.close()
    return pages


def person_ids(pages: dict[str, str]) -> set[str]:
    return {m for page in pages.values() for m in re.findall(r"/outreach/persons/([0-9]+)", page)}


def _form_token(page: str) -> str:
    return page.split('name="csrf_token" value="')[1].split('"')[0]


def act_on_persons(client: TestClient) -> None:
    """An outreach worker logs an attempt on every person of the queue (opening the files the
    dashboard, the file list and the queue's other views show)."""
    queue = client.get("/outreach").text
    for person in sorted(set(re.findall(r"/outreach/persons/([0-9]+)", queue))):
        token = _form_token(client.get(f"/outreach/persons/{person}").text)
        client.post(
            f"/outreach/persons/{person}/attempt",
            data={"csrf_token": token, "channel": "sms", "outcome": "no_answer",
                  "next_followup": "2024-01-01"},
        )  # fmt: skip


def report_export(client: TestClient, person: str, page) -> str:
    """The information préoccupante as HTML, without identifiers (the default)."""
    answer = client.post(
        f"/outreach/persons/{person}/report",
        data={"csrf_token": _form_token(page.text), "kind": "ip", "format": "html"},
    )
    assert answer.status_code == 200, answer.text[:300]
    return answer.text


def re_network_ids(pages: dict[str, str]) -> set[str]:
    return {m for page in pages.values() for m in re.findall(r"/networks/(n-[0-9]+)", page)}


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=False,
)
@given(
    seed=st.integers(min_value=0, max_value=2**32),
    places=st.lists(st.sampled_from(PLACES), min_size=30, max_size=48),
)
def test_no_planted_identifier_survives_in_any_page_or_export(seed, places):
    records, planted = planted_posts(seed, places)
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "w.db")
        build_store(path, records, sorted(planted["phones"]))
        app = create_app(WebSettings(secret_key="k" * 40, db=path))
        with TestClient(app):
            pages = crawl(app, planted, records)
        app.state.store.close()
    assert any(url.startswith("analyst /post?") for url in pages)
    assert any(url.startswith("analyst /networks/n-") for url in pages)
    shown_pages = ("analyst /search?", "analyst /networks", "analyst /review", "admin /audit")
    shown_pages += ("outreach /outreach?view=due", "outreach /outreach/persons/", "outreach report")
    shown_pages += ("auditor /outreach/files", "outreach /outreach/dashboard")
    for shown in (*shown_pages, "analyst /note.html"):
        assert any(url.startswith(shown) for url in pages), shown
    assert "post" in pages[next(url for url in pages if url.startswith("analyst /search?"))]
    assert pages["analyst /review"].count('class="masked"') >= min(len(records), 20)
    leaks = {url: s for url, page in pages.items() if (s := survivors(visible(page), planted))}
    assert not leaks, leaks


def test_the_crawl_covers_every_page(tmp_path):
    """A new page must be added to the crawl above (or named here as showing no identifier)."""
    app = create_app(WebSettings(secret_key="k" * 40, db=str(tmp_path / "e.db")))
    crawled = {
        "/overview",
        "/posts",
        "/review",
        "/audit",
        "/accounts",
        "/posts/export.jsonl",
        "/networks",
        "/search",
        "/post",
        "/networks/{network_id}",
        "/note",
        "/note.html",
        *OUTREACH_PAGES,
        "/outreach/persons/{person_pk}",
    }
    gets = {
        route.path
        for route in iter_routes(app)
        if "GET" in (getattr(route, "methods", None) or ()) and not route.path.startswith("/static")
    }
    assert gets - crawled - NOT_CRAWLED == set()
    app.state.store.close()


def test_export_carries_pseudonyms_not_identifiers(tmp_path):
    records, planted = planted_posts(7, ["start", "twice", "middle", "title"])
    path = str(tmp_path / "w.db")
    build_store(path, records)
    app = create_app(WebSettings(secret_key="k" * 40, db=path))
    client = TestClient(app, base_url="https://testserver")
    login(client, "analyst")
    lines = [orjson.loads(line) for line in client.get("/posts/export.jsonl").text.splitlines()]
    assert lines and all(p.startswith("pid:") for line in lines for p in line["phones"])
    assert not survivors(orjson.dumps(lines).decode(), planted)
    client.close()
    app.state.store.close()
