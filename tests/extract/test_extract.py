"""extract_post / extract_posts: everything a post carries, from its text and title."""

from __future__ import annotations

from sentinelle.extract import extract_post, extract_posts
from sentinelle.records import Post


def make_post(text: str, **fields: object) -> Post:
    values: dict = {
        "source": "annonces-libres",
        "id": "a1",
        "kind": "ad",
        "posted_at": "2024-03-13T21:00:00+01:00",
    }
    values.update(fields)
    return Post(text=text, **values)


def test_extract_post_gathers_every_identifier() -> None:
    post = make_post(
        "Léa 16 ans 🍭 nouvelle à Lyon. 150€ la nuit. Appelle zéro six douze trente-quatre "
        "cinquante-six soixante-dix-huit ou snap: lea_77. https://exemple.fr/lea",
        title="Dispo 06 12 34 56 78",
        author="Lea77",
    )
    extraction = extract_post(post)
    assert extraction.phone_numbers == ["+33612345678"]
    assert extraction.phones[0].tricks == ("number_words",)  # the obscured writing counts
    assert extraction.handles == ["snapchat:lea_77", "annonces-libres:lea77"]
    assert [(age.age, age.evidence) for age in extraction.stated_ages] == [(16, "16 ans")]
    assert [(p.amount, p.unit) for p in extraction.prices] == [(150.0, "nuit")]
    assert extraction.emoji == ["🍭"]
    assert extraction.urls == ["https://exemple.fr/lea"]
    assert extraction.platforms == ["snapchat"]


def test_phones_from_title_and_text_are_deduplicated() -> None:
    post = make_post("tel 06.12.34.56.78", title="06 12 34 56 78 / 07 98 76 54 32")
    assert extract_post(post).phone_numbers == ["+33612345678", "+33798765432"]


def test_no_number_spans_title_and_text() -> None:
    post = make_post("56 78 bisous", title="Léa 06 12 34")
    assert extract_post(post).phone_numbers == []


def test_whatsapp_link_is_a_phone_and_a_handle() -> None:
    extraction = extract_post(make_post("écris moi wa.me/33612345678"))
    assert extraction.phone_numbers == ["+33612345678"]
    assert extraction.handles == ["whatsapp:33612345678"]  # the link's digits, as in the truth


def test_birth_year_is_read_against_the_posting_year() -> None:
    post = make_post("née en 2008", posted_at="2025-01-02T10:00:00+01:00")
    assert [age.age for age in extract_post(post).stated_ages] == [17]


def test_post_without_identifiers() -> None:
    extraction = extract_post(make_post("Bonjour, appartement calme près de la gare."))
    assert extraction.phones == []
    assert extraction.handles == []
    assert extraction.stated_ages == []
    assert extraction.prices == []


def test_extract_posts_keeps_order_and_length() -> None:
    posts = [make_post(f"tel 06 12 34 56 {n:02d}", id=str(n)) for n in range(10, 20)]
    extractions = extract_posts(posts)
    assert [e.phone_numbers for e in extractions] == [[f"+336123456{n}"] for n in range(10, 20)]
    assert extract_posts([]) == []


def test_foreign_and_unallocated_numbers_are_masked_in_the_workspace() -> None:
    """The workspace masks what the stored phones' `raw` says: foreign and unallocated too."""
    from sentinelle.pipeline.analyze import analysis_rows
    from sentinelle.privacy.masking import mask_all, raw_identifiers

    text = "+40 721 234 567, ou whatsapp +234 803 123 4567, ou tel 07 09 45 01 77"
    post = Post(source="s", id="1", kind="ad", text=text, posted_at="2024-01-01T00:00:00+00:00")
    (found,) = extract_posts([post])
    assert [(hit.e164, hit.in_plan) for hit in found.phones] == [
        ("+40721234567", True),
        ("+2348031234567", True),
        ("+33709450177", False),
    ]
    rows, identifiers = analysis_rows([(1, post)], [found], now=0.0)
    assert '"in_plan":false' in rows[0]["phones"]
    assert [row["value"] for row in identifiers if row["kind"] == "phone"] == [
        "+40721234567",
        "+2348031234567",
        "+33709450177",
    ]
    masked = mask_all(text, raw_identifiers(rows[0]["phones"], rows[0]["handles"]))
    for digits in ("234 567", "803 123", "45 01"):
        assert digits not in masked, masked


def test_a_bare_mention_is_an_account_of_the_posts_source() -> None:
    """ "DM @name" in a recruitment offer: the account on the platform it is posted on, the same
    value as that account's own posts (`source:author`), so linking ties them."""
    offer = extract_post(
        make_post("Appart fourni sur Lyon, on gère tout. DM @teddy_lyon", source="Photogram")
    )
    assert offer.handles == ["photogram:teddy_lyon"]
    own = extract_post(make_post("dispo", source="photogram", author="Teddy_Lyon"))
    assert own.handles == ["photogram:teddy_lyon"]


def test_a_place_written_as_a_mention_is_not_an_account() -> None:
    assert extract_post(make_post("Nouvelle dispo @Lyon ce soir")).handles == []
    assert extract_post(make_post("dispo @nantes", city="Nantes")).handles == []
