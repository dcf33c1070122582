"""Emoji, URLs and platform names."""

from __future__ import annotations

from sentinelle.extract.mentions import find_emoji, find_platforms, find_urls


def test_emoji_distinct_in_order() -> None:
    assert find_emoji("🍭 Léa 🎀🍭 ❤️ dispo") == ["🍭", "🎀", "❤"]
    assert find_emoji("plain text") == []


def test_keycaps_are_not_emoji_tokens() -> None:
    assert find_emoji("0️⃣6️⃣") == []


def test_urls() -> None:
    text = "voir https://exemple.fr/annonce?id=3, www.site.com et t.me/nour93."
    assert find_urls(text) == ["https://exemple.fr/annonce?id=3", "www.site.com", "t.me/nour93"]
    assert find_urls("pas de lien ici 50/50") == []


def test_platforms() -> None:
    text = "Snap ou Telegram, pas de WhatsApp, mon OnlyFans et t.me/x"
    assert find_platforms(text, []) == ["snapchat", "telegram", "whatsapp", "onlyfans"]


def test_platform_words_inside_other_words_do_not_count() -> None:
    assert find_platforms("snapshot, ignorer, scolaire, signalement", []) == []


def test_ghost_emoji_names_snapchat() -> None:
    assert find_platforms("👻 lea77", ["👻"]) == ["snapchat"]
