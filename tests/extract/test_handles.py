"""Handles as "platform:handle"; ordinary words after a platform name are not handles."""

from __future__ import annotations

import pytest

from sentinelle.extract.handles import author_handle, find_handles, find_mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("snap: lea_77", ["snapchat:lea_77"]),
        ("👻 lea.77", ["snapchat:lea.77"]),
        ("sc @lea77", ["snapchat:lea77"]),
        ("ajoute moi sur snap lea_77", ["snapchat:lea_77"]),
        ("mon snap c'est lea_x", ["snapchat:lea_x"]),
        ("Snapchat → Lea77.", ["snapchat:lea77"]),
        ("snapchat.com/add/Lea_77", ["snapchat:lea_77"]),
        ("mon tg @Lea77", ["telegram:lea77"]),
        ("telegram: nour_93", ["telegram:nour_93"]),
        ("t.me/Nour93", ["telegram:nour93"]),
        ("https://telegram.me/nour93", ["telegram:nour93"]),
        ("insta jade.off", ["instagram:jade.off"]),
        ("ig: @jade.off", ["instagram:jade.off"]),
        ("instagram.com/jade.off", ["instagram:jade.off"]),
        ("signal: nour_93", ["signal:nour_93"]),
        ("wa.me/33612345678", ["whatsapp:33612345678"]),
        ("SNAP LEA77 et insta lea77", ["snapchat:lea77", "instagram:lea77"]),
        ("snap: lea_77 ... snap lea_77", ["snapchat:lea_77"]),
        ("insta et snap: kim.b", ["snapchat:kim.b"]),
        ("Signal 👉 samira.517", ["signal:samira.517"]),
        ("sur signal lina.933", ["signal:lina.933"]),
        ("DM 📸 @jade648", ["instagram:jade648"]),
        ("dispos par télégram: melissa_new5629", ["telegram:melissa_new5629"]),
        ("https://t.me/yasmine.417, merci", ["telegram:yasmine.417"]),
        ("instagram.com/elodie_875.", ["instagram:elodie_875"]),
    ],
)
def test_handles(text: str, expected: list[str]) -> None:
    assert find_handles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "snap uniquement",
        "snap dispo",
        "Snap privé svp",
        "contact par snap ou tel",
        "signal faible ici",
        "ig lola",  # "ig" is too common a word to trust a bare word after it
        "tg toi",
        "snap: 06",
        "snapshot lea77",
        "lea@snap.fr",
        "whatsapp 06 12 34 56 78",  # a phone, found by the phone reader
        "mon @Léa_43",
    ],
)
def test_not_handles(text: str) -> None:
    assert find_handles(text) == []


@pytest.mark.parametrize(
    ("source", "author", "expected"),
    [
        ("annonces-libres", "Lea77", "annonces-libres:lea77"),
        ("Photogram", " @Nour ", "photogram:nour"),
        ("annonces-libres", None, None),
        ("annonces-libres", "  ", None),
    ],
)
def test_author_handle(source: str, author: str | None, expected: str | None) -> None:
    assert author_handle(source, author) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intéressée ? DM @teddy_lyon", ["teddy_lyon"]),
        ("contact en pv @nono94 ou @Ryan.B.", ["nono94", "ryan.b"]),
        ("DM moi : @bigk_93, DM @bigk_93", ["bigk_93"]),
    ],
)
def test_bare_mentions(text: str, expected: list[str]) -> None:
    assert find_mentions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "lea@gmail.com",  # an e-mail
        "rdv @20h30",  # a time
        "snap @lina_off",  # a platform's handle, found by find_handles
        "t.me/@lina_off",
        "prix @ 100",
        "@@bad",
        "dispo @dispo",  # an ordinary word
    ],
)
def test_not_bare_mentions(text: str) -> None:
    assert find_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DM xyz_77 sur insta", ["instagram:xyz_77"]),
        ("Infos planning_153 (tg)", ["telegram:planning_153"]),
        ("écris @vip_728 sur telegram", ["telegram:vip_728"]),
        ("Infos @team2850 (insta) ajoute-moi sur zolvo", ["instagram:team2850"]),
        ("ecrivez-moi sur signal nour.9788", ["signal:nour.9788"]),  # the platform's own reading
        ("lea.77 on tg, @lea (snap)", ["telegram:lea.77", "snapchat:lea"]),
    ],
)
def test_names_written_before_their_platform(text: str, expected: list[str]) -> None:
    assert find_handles(text) == expected
    assert find_mentions(text, expected) == []


@pytest.mark.parametrize(
    "text",
    [
        "dispo sur snap",  # an ordinary word
        "dispo 24h sur snap",  # a time
        "écris 06.12.34.56.78 sur snap",  # a number, found as a phone
        "écrivez-moi sur signal",  # a verb and its pronoun
        "☎️ c0nt4ct sur insta",  # an ordinary word in digits
        "lea (snap)",  # a bare first name without "@"
        "appel sur whatsapp",
        "infos_77 sur whatsapp",  # a WhatsApp contact is a phone
    ],
)
def test_no_name_before_a_platform(text: str) -> None:
    assert find_handles(text) == []


def test_an_account_thanked_or_credited_is_still_read_and_so_masked() -> None:
    """Extraction reads every account a text names (linking decides whose it is:
    `link.named_accounts`), so masking and the indicators see it too."""
    assert find_handles("Annonce relayée par cafe_lecture68 sur snap.") == [
        "snapchat:cafe_lecture68"
    ]
    assert find_mentions("Plus d'infos chez @agence_vip77 !") == ["agence_vip77"]
