"""A network told in one sentence, identifiers masked."""

from __future__ import annotations

from sentinelle.web.network_story import link_reasons, story


def _edge(kind, value, left, right, hub=False):
    return (kind, value, hub, left, right)


def test_the_summary_says_what_ties_the_posts():
    edges = [_edge("phone", "+33612345678", "a", b) for b in "bcd"]
    edges += [_edge("text", None, "d", "e"), _edge("image", "ff00", "a", "e")]
    edges += [_edge("handle", "snapchat:resa", "x", "y", hub=True)]
    reasons = link_reasons(edges)
    assert reasons[0] == {"kind": "phone", "what": "phone +33 6••••••78", "posts": 4, "hub": False}
    assert any(r["what"] == "1 shared photo" and r["posts"] == 2 for r in reasons)
    assert reasons[-1]["hub"] and "snapchat:r••a" in reasons[-1]["what"]
    profile = {
        "post_ids": [["s", k] for k in "abcde"],
        "sources": ["s", "t"],
        "itinerary": [{"city": "Lyon"}, {"city": "Nice"}, {"city": "Lyon"}],
        "first_seen": "2024-03-01T10:00:00+01:00",
        "last_seen": "2024-05-03T10:00:00+02:00",
        "personas": ["Léa", "Nina", "Emma"],
        "recruitment_posts": 1,
    }
    text = story(profile, reasons)
    assert text.startswith("5 posts on 2 sites, 2 cities in 9 weeks, 3 personas; linked by phone")
    assert "+33612345678" not in text and text.endswith("1 recruitment post.")


def test_an_account_named_on_two_platforms_is_masked_on_both():
    edges = [_edge("handle", "snapchat:boss_4217", "a", "b"),
             _edge("mention", "tchatou:boss_4217 = snapchat:boss_4217", "c", "a")]  # fmt: skip
    reasons = link_reasons(edges)
    named = next(r for r in reasons if r["kind"] == "mention")
    assert named["what"] == (
        "one account named on two platforms: tchatou:b•••••••7 = snapchat:b•••••••7"
    )
    assert all("boss" not in r["what"] for r in reasons)
