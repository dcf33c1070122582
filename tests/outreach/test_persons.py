"""Grouping flagged posts into persons: one person per contact, stable keys, urgency, reasons."""

from __future__ import annotations

import orjson

from sentinelle.outreach.persons import FlaggedPost, group_persons, why_in_words

DAY = 86400.0
WORDS = {"age.stated_minor": "Stated age under 18.", "control.housing": "Housing provided."}


def flagged(pk: int, phone: str | None = "+33612345678", **overrides) -> FlaggedPost:
    values = {
        "pk": pk,
        "source": "annonces-test",
        "post_id": f"p{pk}",
        "posted_ts": 1_700_000_000.0 + pk * DAY,
        "phones": orjson.dumps(
            [{"e164": phone, "raw": "06 12 34 56 78"}] if phone else []
        ).decode(),
        "handles": "[]",
        "stated_ages": "[]",
        "indicators": "[]",
        "score_minor": 0.2,
        "flags": 2,
        "city": "Lyon",
        "department": "69",
        "network_id": "n-000001",
        "text": "Moi c'est Léa, dispo ce soir",
    }
    values.update(overrides)
    return FlaggedPost(**values)


def names(text: str) -> list[str]:
    return ["Léa"] if "Léa" in text else []


def test_posts_sharing_a_contact_are_one_person():
    persons = group_persons([flagged(1), flagged(2), flagged(3)], WORDS, names)
    assert len(persons) == 1
    person = persons[0]
    assert person.posts == 3
    assert person.post_pks == [3, 2, 1]
    assert (person.contact_kind, person.contact_value) == ("phone", "+33612345678")
    assert person.persona == "Léa"


def test_a_post_without_contact_is_its_own_person():
    persons = group_persons([flagged(1, None), flagged(2, None)], WORDS)
    assert len(persons) == 2
    assert {p.contact_kind for p in persons} == {None}


def test_keys_are_stable_whatever_the_network():
    first = group_persons([flagged(1, network_id="n-000001")], WORDS)[0]
    again = group_persons([flagged(1, network_id="n-000777")], WORDS)[0]
    assert first.contact_key == again.contact_key


def test_a_handle_gives_the_platform():
    post = flagged(1, None, handles='["snapchat:lea_du_69"]')
    person = group_persons([post], WORDS)[0]
    assert person.platform == "snapchat"
    assert person.contact_value == "snapchat:lea_du_69"


def test_a_stated_minor_age_ranks_first():
    minor = flagged(
        1,
        "+33600000001",
        stated_ages='[{"age": 16, "evidence": "16 ans"}]',
        flags=1,
        score_minor=0.9,
    )
    adult = flagged(
        2, "+33600000002", stated_ages='[{"age": 24, "evidence": "24 ans"}]', score_minor=0.1
    )
    persons = sorted(group_persons([minor, adult], WORDS), key=lambda p: -p.urgency)
    assert persons[0].contact_value == "+33600000001"
    assert persons[0].stated_age == 16
    assert persons[1].stated_age is None  # an adult age is not a reason


def test_recent_activity_raises_urgency():
    old = flagged(1, "+33600000001")
    recent = flagged(60, "+33600000002")
    by_phone = {p.contact_value: p for p in group_persons([old, recent], WORDS)}
    assert by_phone["+33600000002"].urgency > by_phone["+33600000001"].urgency


def test_reasons_are_words_with_identifiers_masked():
    indicators = [
        {"code": "control.housing", "evidence": "Logement fourni, appeler 06 12 34 56 78"},
        {"code": "price.low", "evidence": "50"},
    ]
    person = group_persons([flagged(1, indicators=orjson.dumps(indicators).decode())], WORDS)[0]
    assert len(person.reasons) == 1
    assert person.reasons[0].startswith("Housing provided: ")
    assert "06 12 34 56 78" not in person.reasons[0]
    assert "0• •• •• •• •8" in person.reasons[0]


def test_why_in_words_starts_with_the_stated_age():
    row = {"stated_age": 15, "reasons": '["Housing provided"]'}
    assert why_in_words(row) == ["States an age of 15", "Housing provided"]
