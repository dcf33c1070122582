"""The stress profile: determinism, contract, knobs, truth that the text carries."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from datetime import date

import orjson
import phonenumbers
import pytest

from sentinelle.demo.stress import KNOBS, generate_stress, parse_knobs
from sentinelle.demo.stress.files import write_stress_corpus
from sentinelle.demo.stress.lexicon import SHARED_TEMPLATES
from sentinelle.extract import extract_post
from sentinelle.ingest.validate import validate_post
from sentinelle.records import POST_KINDS, Post
from sentinelle.text.normalize import fold

PHASH = re.compile(r"[0-9a-f]{16}")
# Words that must never appear: the corpus describes logistics, never sexual content.
DENY = (
    "sexe", "sexuel", "sexuelle", "sexy", "sex", "porno", "porn", "nue", "nues", "nude",
    "nudes", "fellation", "sodomie", "erotique", "coquine", "coquin", "caline", "orgasme",
    "tantrique", "penetration", "preservatif", "capote", "gode", "seins", "fesses", "escort",
)  # fmt: skip
_WORDS = {"zero": "0", "un": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5",
          "six": "6", "sept": "7", "huit": "8", "neuf": "9"}  # fmt: skip
_LEET = str.maketrans("OlSB", "0158")


def _digits(text: str) -> str:
    """Every digit the text spells (number words and letters-for-digits included)."""
    text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"\b(" + "|".join(_WORDS) + r")\b", lambda m: _WORDS[m.group(1)], text)
    return re.sub(r"\D", "", text.translate(_LEET))


def test_same_seed_same_bytes_other_seed_other_corpus(tmp_path) -> None:
    knobs = parse_knobs([])
    paths = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        posts, truth = tmp_path / f"{name}.jsonl", tmp_path / f"{name}.truth.jsonl"
        assert write_stress_corpus(1500, seed, knobs, 0.3, posts, truth) == 1500
        paths.append((posts.read_bytes(), truth.read_bytes()))
    assert paths[0] == paths[1]
    assert paths[0][0] != paths[2][0]


@pytest.mark.parametrize("size", [0, 1, 37, 2500])
def test_exact_count(size: int) -> None:
    assert len(generate_stress(size, seed=3)) == size


def test_every_post_keeps_the_contract(stress_corpus) -> None:
    keys = set()
    for post, truth in stress_corpus:
        validate_post(post)
        assert post["kind"] in POST_KINDS
        assert all(PHASH.fullmatch(h) for h in post.get("image_phashes") or [])
        assert (truth["source"], truth["id"]) == (post["source"], post["id"])
        keys.add((post["source"], post["id"]))
    assert len(keys) == len(stress_corpus)


def test_truth_has_the_demo_shape_plus_phenomena(stress_corpus) -> None:
    from sentinelle.demo import generate

    demo_keys = list(next(iter(generate(1, seed=1)))[1])
    for _, truth in stress_corpus[:200]:
        assert [k for k in truth if k in demo_keys] == demo_keys
        assert isinstance(truth["phenomena"], list)


def test_truth_phones_are_e164_and_written_in_the_text(stress_corpus) -> None:
    for post, truth in stress_corpus:
        digits = _digits((post.get("title") or "") + " " + post["text"])
        for phone in truth["phones"]:
            parsed = phonenumbers.parse(phone)
            assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == phone
            assert str(parsed.national_number) in digits, (phone, post["text"])


def test_truth_handles_are_in_the_text_or_the_author(stress_corpus) -> None:
    for post, truth in stress_corpus:
        for handle in truth["handles"]:
            platform, _, name = handle.partition(":")
            if platform == post["source"]:  # the author, or a bare "@name" (an account there)
                assert name == (post.get("author") or "").lower() or f"@{name}" in post["text"]
            else:
                assert name in post["text"].lower(), (handle, post["text"])


def test_no_sexual_vocabulary(stress_corpus) -> None:
    pattern = re.compile(r"\b(" + "|".join(DENY) + r")\b")
    for post, _ in stress_corpus:
        assert not pattern.search(fold(post["text"])), post["text"]


def test_default_corpus_has_every_phenomenon(stress_corpus) -> None:
    counts = Counter(p for _, t in stress_corpus for p in t["phenomena"])
    assert set(KNOBS) <= set(counts), set(KNOBS) - set(counts)


@pytest.mark.parametrize("knob", sorted(KNOBS))
def test_a_knob_at_zero_removes_its_phenomenon(knob: str) -> None:
    pairs = generate_stress(3000, seed=17, knobs=parse_knobs([f"{knob}=0"]))
    assert len(pairs) == 3000
    assert not [t for _, t in pairs if knob in t["phenomena"]]
    phones = [p for _, t in pairs for p in t["phones"]]
    if knob == "foreign_numbers":
        assert all(p.startswith("+33") for p in phones)
    if knob == "unallocated_numbers":
        assert all(
            phonenumbers.is_valid_number(phonenumbers.parse(p))
            for p in phones
            if p.startswith("+33")
        )
    if knob == "stated_minor_ages":
        assert not [t for _, t in pairs if any(a < 18 for a in t["stated_ages"])]
    if knob == "benign_boilerplate":
        # the shared offers without contacts are benign posters of their own knob
        assert not [
            t
            for _, t in pairs
            if t["actor_kind"] == "benign" and "contactless_benign" not in t["phenomena"]
        ]


def test_shared_templates_are_used_by_dozens_of_groups_with_their_own_handles(
    stress_corpus,
) -> None:
    stems = [t.split("{")[0][:30] for t in SHARED_TEMPLATES]
    actors: dict[str, set[str]] = defaultdict(set)
    handles: dict[str, set[str]] = defaultdict(set)
    uses = Counter()
    for post, truth in stress_corpus:
        for stem in stems:
            if post["text"].startswith(stem):
                uses[stem] += 1
                actors[stem].add(truth["actor"])
                handles[stem].update(truth["handles"])
                assert "shared_templates" in truth["phenomena"]
                assert truth["labels"]["recruitment"]
    for stem in stems:
        assert 40 <= uses[stem] <= 75, uses
        assert len(actors[stem]) >= 24
        assert len(handles[stem]) >= len(actors[stem])  # each group its own handle


def test_text_only_groups_carry_no_identifier(stress_corpus) -> None:
    posts = [(p, t) for p, t in stress_corpus if "text_only_groups" in t["phenomena"]]
    assert len(posts) > 200
    for post, truth in posts:
        assert not truth["phones"] and not truth["handles"]
        assert "author" not in post and "image_phashes" not in post
    assert len({t["actor"] for _, t in posts}) < len(posts) / 3


def test_foreign_and_unallocated_are_about_a_fifth_of_phones(stress_corpus) -> None:
    phones = {p for _, t in stress_corpus for p in t["phones"]}
    foreign = [p for p in phones if not p.startswith("+33")]
    unallocated = [
        p for p in phones if p.startswith("+33") and not phonenumbers.is_valid_number(
            phonenumbers.parse(p)
        )
    ]  # fmt: skip
    assert 0.15 < (len(foreign) + len(unallocated)) / len(phones) < 0.3
    assert {phonenumbers.region_code_for_number(phonenumbers.parse(p)) for p in foreign} >= {
        "RO", "BG", "NG", "BR", "BE", "ES", "CN"
    }  # fmt: skip


def test_phone_rotation_overlaps_old_and_new_numbers(stress_corpus) -> None:
    by_actor: dict[str, set[str]] = defaultdict(set)
    both = 0
    for _, truth in stress_corpus:
        if "phone_rotation" in truth["phenomena"]:
            by_actor[truth["actor"]].update(truth["phones"])
            both += len(truth["phones"]) > 1
    assert both > 0
    assert all(len(phones) >= 2 for phones in by_actor.values() if len(phones) > 0)


def test_stated_ages_minors_adults_and_lookalikes(stress_corpus) -> None:
    minors = [t for _, t in stress_corpus if t["labels"]["minor"]]
    assert minors and all("stated_minor_ages" in t["phenomena"] for t in minors)
    assert all(13 <= a <= 17 for t in minors for a in t["stated_ages"])
    ads = [t for _, t in stress_corpus if t["actor_kind"] in ("independent", "group")]
    adults = [t for t in ads if not t["labels"]["minor"] and t["stated_ages"]]
    assert all(18 <= a <= 40 for t in adults for a in t["stated_ages"])
    lookalikes = [
        t for _, t in stress_corpus if t["actor_kind"] == "benign" and t["stated_ages"]
    ]  # fmt: skip
    assert lookalikes and not any(t["labels"]["minor"] for t in lookalikes)
    schools = [p for p, t in stress_corpus if t["labels"]["minor"] and not t["stated_ages"]]
    assert schools, "some minors state a school level only"


def test_independents_copying_keep_their_own_contacts(stress_corpus) -> None:
    copies = [t for _, t in stress_corpus if "independents_copying" in t["phenomena"]]
    assert len({t["actor"] for t in copies}) >= 3
    assert all(t["actor_kind"] == "independent" for t in copies)
    contacts: dict[str, set[str]] = defaultdict(set)
    for t in copies:
        contacts[t["actor"]].update(t["phones"])
    owners = Counter(p for phones in contacts.values() for p in phones)
    assert all(n == 1 for n in owners.values())


def test_emerging_term_only_from_its_start_and_mostly_flagged(stress_corpus) -> None:
    uses = [(p, t) for p, t in stress_corpus if "emerging_term" in t["phenomena"]]
    term = uses[0][1]["emerging_term"]["term"]
    since = date.fromisoformat(uses[0][1]["emerging_term"]["since"])
    for post, truth in stress_corpus:
        if term in post["text"]:
            assert date.fromisoformat(post["posted_at"][:10]) >= since
            assert truth["emerging_term"] == {"term": term, "since": since.isoformat()}
    flagged = [t for _, t in uses if any(t["labels"].values())]
    assert len(flagged) / len(uses) > 0.8


def test_bad_knobs_say_what_is_wrong() -> None:
    cases = (
        ("nope=1", "one of"), ("edited_templates=x", "not a number"),
        ("edited_templates=2", "[0, 1]"), ("edited_templates", "NAME=VALUE"),
    )  # fmt: skip
    for pair, words in cases:
        with pytest.raises(ValueError, match=re.escape(words)):
            parse_knobs([pair])


def test_ages_of_others_are_minor_ages_in_look_alikes_and_adult_clients_in_independents(
    stress_corpus,
) -> None:
    tagged = [
        (post, truth) for post, truth in stress_corpus if "ages_of_others" in truth["phenomena"]
    ]
    kinds = Counter(truth["actor_kind"] for _, truth in tagged)
    assert kinds["benign"] > 300 and kinds["independent"] > 30, kinds
    for post, truth in tagged:
        assert not any(truth["labels"].values()), post["text"]
        if truth["actor_kind"] == "benign":
            assert any(12 <= age < 18 for age in truth["stated_ages"]), post["text"]
    texts = {
        post["text"].split(",")[0] for post, truth in tagged if truth["actor_kind"] == "benign"
    }
    assert len(texts) > 100  # varied openers, not one sentence repeated


def test_contactless_copies_give_no_contact_and_share_a_few_boilerplates(stress_corpus) -> None:
    copies = [(p, t) for p, t in stress_corpus if "contactless_copies" in t["phenomena"]]
    actors = {t["actor"] for _, t in copies}
    assert len(actors) >= 50
    assert all(t["actor_kind"] == "independent" for _, t in copies)
    for post, truth in copies:
        assert not truth["phones"] and not truth["handles"] and "author" not in post
    # many unrelated posters write one of a few ads: their openings repeat across actors
    openings: dict[str, set[str]] = defaultdict(set)
    for post, truth in copies:
        openings[post["text"].split(",")[0].split(" ")[0]].add(truth["actor"])
    assert max(len(a) for a in openings.values()) >= 10
    # each keeps photos of her own (evidence that tells copiers apart)
    owners: dict[str, set[str]] = defaultdict(set)
    for post, truth in copies:
        for phash in post.get("image_phashes") or []:
            owners[phash].add(truth["actor"])
    assert sum(len(a) == 1 for a in owners.values()) > 0.9 * len(owners)


_FORM_KNOBS = (
    "english_ages",
    "name_age_openers",
    "age_lookalikes",
    "country_hints",
    "mixed_numbers",
    "mention_only_recruitment",
)


def test_form_knobs_draw_apart_from_the_world() -> None:
    """At 0 they leave every other post as it was: the other phenomena stay comparable."""
    default = generate_stress(2000, seed=23)
    off = generate_stress(2000, seed=23, knobs=parse_knobs([f"{k}=0" for k in _FORM_KNOBS]))
    untouched = [
        (a, b)
        for a, b in zip(default, off, strict=True)
        if not set(a[1]["phenomena"] + b[1]["phenomena"]) & set(_FORM_KNOBS)
    ]
    assert len(untouched) > 800
    assert all(a[0] == b[0] and a[1] == b[1] for a, b in untouched)


def test_age_forms_and_country_hints_carry_their_truth(stress_corpus) -> None:
    tagged = defaultdict(list)
    for post, truth in stress_corpus:
        for tag in set(truth["phenomena"]) & set(_FORM_KNOBS):
            tagged[tag].append((post, truth))
    for post, truth in tagged["name_age_openers"]:
        head = (post.get("title") or "") + " " + post["text"][:80]
        ages = truth["stated_ages"]
        assert any(re.search(rf"\w+ ?[,(] ?{age}\b", head) for age in ages), head
    english = re.compile(r"(?i)\b(?:i'm|im|i am|age:?|y/o|yo|years old)\b")
    assert all(english.search(post["text"]) for post, _ in tagged["english_ages"])
    for post, truth in tagged["mixed_numbers"]:
        assert any(p.startswith("+33") for p in truth["phones"])
        assert any(not p.startswith("+33") for p in truth["phones"]), post["text"]
    for _, truth in tagged["country_hints"]:
        assert (
            all(p.startswith("+33") for p in truth["phones"])
            or "mixed_numbers" in truth["phenomena"]
        )


def test_heavy_edits_draw_apart_from_the_world() -> None:
    """Hard edits change only the posts of the posters who make them: at 0 the corpus is as
    it was, and every other post is the same at any value."""
    default = generate_stress(2000, seed=29)
    off = generate_stress(2000, seed=29, knobs=parse_knobs(["heavy_edits=0"]))
    pairs = list(zip(default, off, strict=True))
    hard = [(a, b) for a, b in pairs if "heavy_edits" in a[1]["phenomena"]]
    untouched = [(a, b) for a, b in pairs if "heavy_edits" not in a[1]["phenomena"]]
    assert len(hard) > 100
    assert all(a == b for a, b in untouched)
    assert sum(a[0]["text"] != b[0]["text"] for a, b in hard) > 0.9 * len(hard)


def test_pupil_lookalikes_draw_apart_and_state_a_school_level_in_a_benign_ad() -> None:
    """At 0 only the pupils' posts change; theirs are benign, state no age, name a level."""
    default = generate_stress(3000, seed=29)
    off = generate_stress(3000, seed=29, knobs=parse_knobs(["pupil_lookalikes=0"]))
    pupils = [(p, t) for p, t in default if "pupil_lookalikes" in t["phenomena"]]
    assert len(pupils) > 30
    for (a, ta), (b, tb) in zip(default, off, strict=True):
        if "pupil_lookalikes" not in ta["phenomena"]:
            assert (a, ta) == (b, tb)
    level = re.compile(
        r"(?i)\b(?:lyc[ée]enne|coll[ée]gienne|[ée]l[èe]ve|au lyc[ée]e"
        r"|en (?:seconde|1[èe]re|3e|3[èe]me|4[èe]me))\b"
    )
    for post, truth in pupils:
        assert truth["actor_kind"] == "benign" and not any(truth["labels"].values())
        assert not truth["stated_ages"] and level.search(post["text"]), post["text"]


def test_mention_only_offers_name_their_group_handle_as_extraction_reads_it(stress_corpus) -> None:
    offers = [(p, t) for p, t in stress_corpus if "mention_only_recruitment" in t["phenomena"]]
    assert len(offers) > 50
    ads: dict[str, set[str]] = defaultdict(set)
    for post, truth in stress_corpus:
        if post["kind"] == "ad":
            ads[truth["actor"]].update(h.partition(":")[2] for h in truth["handles"])
    bare = given = 0
    for post, truth in offers:
        assert "shared_templates" in truth["phenomena"] and truth["actor_kind"] == "group"
        assert truth["phones"] == []
        (handle,) = truth["handles"]
        platform, _, name = handle.partition(":")
        bare += platform == post["source"]
        assert f"@{name} @" not in post["text"] and f"{name}" in post["text"].lower()
        found = extract_post(Post.from_contract(post)).handles
        assert found == [handle], (post["text"], found)
        given += name in ads[truth["actor"]]
    assert 0.2 < bare / len(offers) < 0.6  # bare "@name", the others with the platform after
    # the group's ads give the handle on about half of them: most groups gave it somewhere
    assert given / len(offers) > 0.7


def test_popular_mentions_draw_apart_and_name_a_venue_that_posts_itself() -> None:
    """At 0 only the mentioning ads change and the venues' posts go; every other post is the
    same. A mentioning ad is benign and names the venue in passing (extraction reads the
    account: the truth lists it); the venue posts under that name as its own account."""
    default = generate_stress(3000, seed=29)
    off = generate_stress(3000, seed=29, knobs=parse_knobs(["popular_mentions=0"]))
    untouched = [p for p, t in default if "popular_mentions" not in t["phenomena"]]
    kept = {orjson.dumps(p) for p, _ in off}
    tagged = [(p, t) for p, t in default if "popular_mentions" in t["phenomena"]]
    own = [p for p, _ in tagged if p["kind"] == "social_post"]
    assert len(untouched) > 2800
    # the venues' own posts replace as many of the last independents' posts, no more
    assert sum(orjson.dumps(p) not in kept for p in untouched) <= len(own) + 10
    venues = {p["author"] for p in own}
    mentioning = [(p, t) for p, t in tagged if p["kind"] == "ad"]
    assert venues and len(mentioning) > 30
    for _, truth in tagged:
        assert truth["actor_kind"] == "benign" and not any(truth["labels"].values())
    for post, truth in mentioning:
        named = {name for name in venues if name in post["text"]}
        assert named and named == {h.partition(":")[2] for h in truth["handles"]} & venues
        found = extract_post(Post.from_contract(post)).handles
        assert set(found) == set(truth["handles"]), post["text"]


def test_contactless_benign_offers_are_filled_by_many_posters_without_contacts() -> None:
    pairs = generate_stress(3000, seed=31)
    offers = [(p, t) for p, t in pairs if "contactless_benign" in t["phenomena"]]
    assert len(offers) == round(3000 * KNOBS["contactless_benign"][0])
    assert all(not t["phones"] and not t["handles"] and "author" not in p for p, t in offers)
    assert len({t["actor"] for _, t in offers}) >= 60  # 1-4 posts each: many unrelated posters
    assert all(t["actor_kind"] == "benign" for _, t in offers)
    off = generate_stress(3000, seed=31, knobs=parse_knobs(["contactless_benign=0"]))
    assert not [t for _, t in off if "contactless_benign" in t["phenomena"]]
