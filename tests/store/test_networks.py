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


def test_posts_tagging_one_popular_account_are_not_one_poster() -> None:
    """Neither post is posted under the account it tags: no author, nothing ties them."""
    rows = [
        _row(1, "Super soirée hier avec @dj_max77, merci à tous", ["tchatou:dj_max77"]),
        _row(2, "Vide-dressing dimanche, playlist de @dj_max77 au top", ["tchatou:dj_max77"]),
    ]
    prepared, _ = prepare_rows((4, rows))
    assert prepared.found["author"].values == []
    assert prepared.found["handle"].values == []
    labels = link_posts(prepared).labels
    assert labels[0] != labels[1]


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
