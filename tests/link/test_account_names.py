"""One account name on several platforms: a recruitment offer naming a group's handle as a bare
"@name" joins the group; a benign mention or a name two groups use does not merge anything."""

from __future__ import annotations

from sentinelle.link.account_names import rare_name
from sentinelle.link.batch import link_posts
from sentinelle.link.graph import KIND_CODE
from sentinelle.link.inputs import LinkInput
from tests.link.builders import SMALL_CORPUS, link_input, own_words

OFFER = "Tu veux te faire de l'argent vite ? Appart fourni, on s'occupe de tout. DM @boss_4217"


def group_ads(handle: str, phones: list[str], seed: int, count: int = 4) -> list[dict]:
    """A group's ads: one of its phones on every ad, its handle on two ads in three."""
    return [
        {
            "text": f"Nouvelle en ville, {own_words(seed + i)}",
            "phones": [phones[i % len(phones)]],
            "handles": [handle] if i % 3 != 2 else [],
        }
        for i in range(count)
    ]


def offer(source: str = "tchatou", name: str = "boss_4217", **extra) -> dict:
    """A recruitment offer whose only contact is a bare mention, read as the source's account
    (as `store.networks.prepare_rows` reads a mention on a post without author)."""
    text = OFFER.replace("boss_4217", name)
    return {"text": text, "author": f"{source}:{name}", "mentions": True, **extra}


def posts_input(posts: list[dict]) -> LinkInput:
    """`link_input`, with which author entries are bare mentions."""
    found = link_input(posts)
    found.mention_author = [bool(p.get("mentions")) for p in posts]
    return found


def labels_of(posts: list[dict]):
    return link_posts(posts_input(posts), SMALL_CORPUS).labels


def test_a_bare_mention_links_the_offer_to_the_group_using_the_name_elsewhere() -> None:
    ads = group_ads("snapchat:boss_4217", ["+33611000001", "+33611000002"], 10)
    posts = [*ads, offer(), offer(source="snapflux")]
    result = link_posts(posts_input(posts), SMALL_CORPUS)
    assert len(set(result.labels.tolist())) == 1
    named = result.edges.kind == KIND_CODE["mention"]
    evidence = {result.edges.evidence[v] for v in result.edges.value[named].tolist()}
    # the two offers are one context (the same text): one tie, to the account the ads give
    assert evidence == {"tchatou:boss_4217 = snapchat:boss_4217"}


def test_a_benign_post_giving_its_own_phone_is_not_pulled_in_by_a_mention() -> None:
    ads = group_ads("snapchat:boss_4217", ["+33611000001"], 10)
    benign = {
        "text": f"Chambre à louer, suivez @boss_4217 pour les photos. {own_words(99)}",
        "phones": ["+33622000099"],
        "author": "tchatou:boss_4217",
        "mentions": True,
    }
    labels = labels_of([*ads, benign])
    assert labels[-1] != labels[0]
    assert len(set(labels[:-1].tolist())) == 1


def test_a_name_two_groups_use_on_two_platforms_merges_neither() -> None:
    first = group_ads("snapchat:lux_2209", ["+33611000001"], 10)
    second = group_ads("instagram:lux_2209", ["+33633000003"], 50)
    labels = labels_of([*first, *second, offer(name="lux_2209")])
    assert labels[0] != labels[4]
    assert labels[-1] not in (labels[0], labels[4])  # the offer cannot say which one


def test_common_words_first_names_and_platforms_are_nobodys_account() -> None:
    assert rare_name("boss_4217") and rare_name("teddy_lyon") and rare_name("marcopolo")
    for name in ("contact", "lea", "snapchat", "insta", "dispo", "vip", "1234", "amour"):
        assert not rare_name(name), name


def test_a_first_name_mentioned_and_given_as_a_handle_links_nothing() -> None:
    ads = group_ads("snapchat:julie", ["+33611000001"], 10)
    labels = labels_of([*ads, offer(name="julie")])
    assert labels[-1] != labels[0]


def test_an_account_whose_name_is_a_handle_elsewhere_is_not_joined_by_the_name_alone() -> None:
    """A poster's own account ("bavardo:agence_2679") and another poster's Snapchat of the same
    name both claim it: without a mention pointing to one, the name says nothing."""
    ads = group_ads("snapchat:agence_2679", ["+33611000001"], 10)
    account = {"text": f"DM pour infos, {own_words(77)}", "author": "bavardo:agence_2679"}
    labels = labels_of([*ads, account, account | {"text": f"DM pour infos, {own_words(78)}"}])
    assert labels[-1] == labels[-2] != labels[0]


def test_a_benign_mention_beside_the_group_blocks_nothing() -> None:
    ads = group_ads("snapchat:boss_4217", ["+33611000001"], 10)
    benign = {
        "text": f"Chambre à louer, photos @boss_4217. {own_words(99)}",
        "phones": ["+33622000099"],
        "author": "tableau-local:boss_4217",
        "mentions": True,
    }
    labels = labels_of([*ads, benign, offer()])
    assert labels[-1] == labels[0] != labels[-2]
