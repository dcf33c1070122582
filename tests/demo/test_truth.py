"""Truth consistency: every phone, handle and age the truth lists is really in the post."""

from __future__ import annotations

import re

from sentinelle.demo import generate
from sentinelle.demo.phones import TRICKS
from sentinelle.text.normalize import fold

from .decode import digits_of, spelled_forms


def test_every_truth_phone_is_spelled_in_the_text_or_title(corpus) -> None:
    missing = []
    for post, truth in corpus:
        digits = digits_of((post.get("title") or "") + "\n" + post["text"])
        for e164 in truth["phones"]:
            if not any(form in digits for form in spelled_forms(e164)):
                missing.append((e164, post["text"]))
    assert not missing, missing[:3]


def test_trick_names_are_the_shared_vocabulary(corpus) -> None:
    used = {trick for _, truth in corpus for tricks in truth["phone_tricks"] for trick in tricks}
    assert used == set(TRICKS)


def test_hard_obfuscation_share_follows_the_option() -> None:
    for wanted in (0.0, 0.3, 0.6):
        written = [
            tricks
            for _, t in generate(1500, seed=5, hard_obfuscation=wanted)
            for tricks in t["phone_tricks"]
        ]
        share = sum(1 for tricks in written if tricks) / len(written)
        assert abs(share - wanted) < 0.1, (wanted, share)


def test_every_truth_handle_is_in_the_text_or_is_the_author(corpus, folded) -> None:
    for (post, truth), text in zip(corpus, folded, strict=True):
        author = f"{post['source']}:{post['author'].lower()}" if post.get("author") else None
        for handle in truth["handles"]:
            if handle == author:
                continue
            platform, name = handle.split(":", 1)
            assert platform in ("snapchat", "telegram", "instagram", "signal", "whatsapp")
            written = name.lstrip("+") if platform == "whatsapp" else fold(name)  # wa.me/336...
            assert written in text, (handle, post["text"])
        if author:
            assert author in truth["handles"]


def test_every_stated_age_is_written(corpus, folded) -> None:
    for (post, truth), text in zip(corpus, folded, strict=True):
        year = int(post["posted_at"][:4])
        for age in truth["stated_ages"]:
            said = re.search(rf"(?<!\d){age}\s?(ans|a\b|yo|years|y\.o\.)", text)
            said = said or re.search(rf"(age:? {age}\b|nee en {year - age}\b)", text)
            said = said or re.search(rf"\b({age} (et|and) \d+|\d+ (et|and) {age})\b", text)  # a duo
            assert said, (age, post["text"])


def test_minor_posts_state_a_minor_age_only_sometimes(corpus) -> None:
    minors = [truth for _, truth in corpus if truth["labels"]["minor"]]
    stated_minor = sum(1 for t in minors if any(age < 18 for age in t["stated_ages"]))
    evaded = sum(1 for t in minors if t["stated_ages"] and min(t["stated_ages"]) >= 18)
    silent = sum(1 for t in minors if not t["stated_ages"])
    assert minors
    assert stated_minor and evaded and silent
    assert stated_minor < 0.5 * len(minors)


def test_non_phone_numbers_are_common(corpus) -> None:
    """Prices, dates, hours and postcodes give the phone extractor chances to be wrong."""
    texts = [post["text"] for post, _ in corpus]
    assert sum(bool(re.search(r"\d+ ?€", t)) for t in texts) > 2000
    assert sum(bool(re.search(r"\b\d{2}/\d{2}\b", t)) for t in texts) > 300
    assert sum(bool(re.search(r"\b\d{5}\b", t)) for t in texts) > 100
