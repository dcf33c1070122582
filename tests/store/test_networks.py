"""Posts as linking reads them from the store (`store.networks.prepare_rows`)."""

from __future__ import annotations

import orjson

from sentinelle.link.batch import link_posts
from sentinelle.link.named_accounts import addressed, credited
from sentinelle.store.networks import prepare_rows


def _row(
    pk: int, text: str, handles: list[str], author: str | None = None, source: str = "tchatou"
) -> tuple:
    """A row of `_COLUMNS`: pk, text, title, source, phashes, phones, handles, network id,
    prices, ages, mentions, author."""
    return (pk, text, None, source, "[]", "[]", orjson.dumps(handles).decode(), None,
            "[]", "[]", "{}", author)  # fmt: skip


def test_a_bare_mention_handed_out_as_a_contact_is_the_posts_account() -> None:
    prepared, _ = prepare_rows((4, [_row(1, "Intéressée ? DM @team_248", ["tchatou:team_248"])]))
    assert prepared.found["author"].values == ["tchatou:team_248"]
    assert prepared.mention_author.tolist() == [True]


def _phone_row(pk: int, text: str, handles: list[str], phone: str) -> tuple:
    row = list(_row(pk, text, handles))
    row[5] = orjson.dumps([{"e164": phone}]).decode()
    return tuple(row)


def test_posts_tagging_one_account_beside_their_own_phone_are_not_one_poster() -> None:
    """Each post gives its own phone: the tag is no contact of either, nothing ties them."""
    rows = [
        _phone_row(1, "Super soirée avec @dj_max77, 0612345678", ["tchatou:dj_max77"],
                   "+33612345678"),
        _phone_row(2, "Vide-dressing, playlist de @dj_max77, 0698765432", ["tchatou:dj_max77"],
                   "+33698765432"),
    ]  # fmt: skip
    prepared, _ = prepare_rows((4, rows))
    assert prepared.found["author"].values == []
    labels = link_posts(prepared).labels
    assert labels[0] != labels[1]


_BODIES = (
    "Je vends mon vélo, {n}0 euros, à {town}.", "Cherche colocataire à {town}, chambre {n}.",
    "Cours de guitare à {town}, {n} élèves max.", "Donne canapé, à venir chercher à {town}.",
    "Loue place de parking à {town}, box {n}.",
)  # fmt: skip
_TAG = " Tenue signée @studio_lumen42"
_TOWNS = ("Lyon", "Nantes", "Lille", "Brest", "Nice", "Metz", "Dijon", "Pau", "Tours", "Caen")


def test_many_unrelated_posts_tagging_one_venue_are_not_merged() -> None:
    """Thirty posts, each its own words, town and number, tag one studio in words no cue list
    reads, with no other contact, on three sources: the studio is a hub, and so is its name on
    insta that three more posts give beside their own phones; nobody is merged."""
    sources = ("tchatou", "annonces-rapides", "kiosque-annonces")
    rows = [
        _row(i, _BODIES[(i + i // 10) % 5].format(n=i, town=_TOWNS[i % 10]) + _TAG,
             [f"{sources[i % 3]}:studio_lumen42"], source=sources[i % 3])
        for i in range(30)
    ]  # fmt: skip
    given = ("Vends table basse, Big up", "Donne des livres de cuisine, merci à la team",
             "Cherche une baby-sitter le mardi, on adore")  # fmt: skip
    rows += [
        _phone_row(30 + i, f"{text} studio_lumen42 sur insta ! 06 11 22 33 4{i}",
                   ["instagram:studio_lumen42"], f"+3361122334{i}")
        for i, text in enumerate(given)
    ]  # fmt: skip
    prepared, _ = prepare_rows((4, rows))
    assert prepared.found["author"].values == ["mention:studio_lumen42"]
    result = link_posts(prepared)
    assert "mention:studio_lumen42" in result.hubs["author"]
    assert "instagram:studio_lumen42" in result.hubs["handle"]  # the same venue, named on insta
    assert len(set(result.labels.tolist())) == 33


def test_a_small_group_giving_only_its_bare_name_is_linked() -> None:
    """Four ads of one persona, different words, on two sources, whose only contact is the
    bare "@name" at the end, no word of contact: one network."""
    texts = (
        "Ilona, 24 ans. De passage à Lyon cette semaine. 150€. @ilona_x92",
        "Moi c'est Ilona, 24 ans. Sur Lyon ce week-end. Tarif 150€. — @ilona_x92",
        "Ilona (24) Dispo quelques jours à Lyon. Discrète, 150€. @ilona_x92 😘",
        "Coucou, Ilona, 24 ans ! Nouvelle à Lyon. 150 euros, appart calme. @ilona_x92",
    )
    rows = [
        _row(i, text, [f"{src}:ilona_x92"], source=src)
        for i, (text, src) in enumerate(zip(texts, ("tchatou", "tableau-local") * 2, strict=True))
    ]
    prepared, _ = prepare_rows((4, rows))
    assert len(set(link_posts(prepared).labels.tolist())) == 1


def test_a_post_with_its_own_author_keeps_it_whatever_it_writes() -> None:
    rows = [_row(1, "Soirée avec @dj_max77", ["tchatou:lea_77", "tchatou:dj_max77"], "lea_77")]
    prepared, _ = prepare_rows((4, rows))
    assert prepared.found["author"].values == ["tchatou:lea_77"]
    assert prepared.mention_author.tolist() == [False]


def test_an_account_handed_out_with_an_arrow_or_after_its_platform_is_kept() -> None:
    rows = [
        _row(1, "Nouvelle sur Lyon 👉 @agence_vip", ["tchatou:agence_vip"]),
        _row(2, "telegram: @lea_77", ["telegram:lea_77"], source="telegram"),
    ]
    prepared, _ = prepare_rows((4, rows))
    assert prepared.found["author"].values == ["tchatou:agence_vip", "telegram:lea_77"]


def test_posts_thanking_one_venue_are_not_one_poster() -> None:
    """The venue's name is read (and masked) but is no contact of either post for linking."""
    venue = ["instagram:cafe_42"]
    rows = [
        _row(1, "Chambre à louer, 06 12 34 56 78. Infos chez cafe_42 sur insta", venue),
        _row(2, "Vélo à vendre, 07 12 34 56 78. Merci à cafe_42 sur insta", venue),
    ]
    prepared, _ = prepare_rows((4, rows))
    assert prepared.found["handle"].values == []
    labels = link_posts(prepared).labels
    assert labels[0] != labels[1]


def test_credited_needs_the_cue_before_every_writing_of_the_name() -> None:
    assert credited("plus d'infos chez @cafe_42", "cafe_42")
    assert credited("crédit photo : @studio.b9", "studio.b9")
    assert not credited("merci @x_12 et contacte @x_12 sur snap", "x_12")
    assert not credited("bisous, merci\nsnap: lea_77", "lea_77")
    assert not credited("réservation par @manager_12", "manager_12")


def test_addressed_reads_words_of_contact_before_or_after_the_name() -> None:
    assert not addressed("dm @lea_777", "lea_77")
    assert addressed("intéressée ? dm @xyz_77", "xyz_77")
    assert addressed("écris-moi en pv @nono94", "nono94")
    assert addressed("infos @team_248 !", "team_248")
    assert addressed("@vip_728 pour infos", "vip_728")
    assert not addressed("soirée top avec @dj_max77", "dj_max77")
    assert not addressed("plus d'infos chez @cafe_42", "cafe_42")
