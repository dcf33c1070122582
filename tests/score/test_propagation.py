from sentinelle.indicators.indicator import Indicator
from sentinelle.score.propagation import propagate_minor
from sentinelle.score.scoring import PostScore


def scored(post_id: str, minor: float, *codes: str) -> PostScore:
    indicators = [Indicator(code, "16 ans") for code in codes]
    scores = {"minor": minor, "control": 0.5, "recruitment": 0.0}
    flags = {"minor": minor >= 0.8, "control": False, "recruitment": False}
    return PostScore("site", post_id, scores, flags, indicators)


def test_a_stated_minor_raises_the_rest_of_its_network_with_evidence():
    posts = [scored("a", 0.95, "age.stated_minor"), scored("b", 0.2), scored("c", 0.1)]
    raised = propagate_minor(posts, ["n-1", "n-1", "n-2"], threshold=0.8)
    assert raised[0] is posts[0]
    assert raised[1].scores["minor"] > 0.8 and raised[1].flags["minor"]
    cue = raised[1].indicators[-1]
    assert cue.code == "network.minor_cue" and cue.evidence.startswith("site/a: 16 ans")
    assert raised[2] is posts[2]  # another network is untouched
    assert posts[1].scores["minor"] == 0.2  # inputs are not modified


def test_no_propagation_without_evidence_or_network():
    posts = [scored("a", 0.95), scored("b", 0.2), scored("c", 0.99, "youth.language")]
    raised = propagate_minor(posts, ["n-1", "n-1", None], threshold=0.8)
    assert [r.scores["minor"] for r in raised] == [0.95, 0.2, 0.99]


def test_without_flag_raised_a_post_lacking_its_own_cue_rises_but_is_not_flagged():
    posts = [
        scored("a", 0.95, "age.stated_minor"),
        scored("b", 0.2),
        scored("c", 0.5, "youth.language"),
    ]
    raised = propagate_minor(posts, ["n-1", "n-1", "n-1"], threshold=0.8, flag_raised=False)
    assert 0.79 < raised[1].scores["minor"] < 0.8 and not raised[1].flags["minor"]
    assert raised[1].indicators[-1].code == "network.minor_cue"
    assert raised[2].scores["minor"] > 0.8 and raised[2].flags["minor"]  # its own cue too


def test_a_post_that_may_not_give_is_raised_but_raises_no_one():
    duo = scored("duo", 0.95, "age.stated_minor")
    posts = [duo, scored("b", 0.5, "youth.language")]
    kept = propagate_minor(posts, ["n-1/Léa", "n-1/Léa"], threshold=0.8, givers=[False, True])
    assert kept[1] is posts[1]
    source = scored("a", 0.95, "age.stated_minor")
    raised = propagate_minor(
        [source, scored("duo", 0.5, "youth.language")],
        ["n-1/Léa", "n-1/Léa"],
        threshold=0.8,
        givers=[True, False],
    )
    assert raised[1].flags["minor"] and raised[1].indicators[-1].code == "network.minor_cue"


def test_a_raised_post_stating_only_adult_ages_is_held_for_review_unless_several_people():
    source = scored("a", 0.95, "age.stated_minor")
    adult = scored("b", 0.3, "age.stated_adult")
    raised = propagate_minor([source, adult], ["n/Léa", "n/Léa"], threshold=0.8)
    assert 0.79 < raised[1].scores["minor"] < 0.8 and not raised[1].flags["minor"]
    duo = propagate_minor([source, adult], ["n/Léa", "n/Léa"], threshold=0.8, givers=[True, False])
    assert duo[1].flags["minor"]  # "Léa & Nina, 24 ans": the age may be Nina's
    plain = propagate_minor([source, scored("c", 0.3)], ["n/Léa", "n/Léa"], threshold=0.8)
    assert plain[1].flags["minor"] and plain[1].scores["minor"] == 0.95


def test_a_multi_person_ad_is_raised_by_the_persona_of_its_second_first_name():
    manon = scored("m", 0.95, "age.stated_minor")
    duo = scored("duo", 0.3, "age.stated_adult")
    raised = propagate_minor(
        [manon, duo],
        ["n/Manon", "n/Aïcha"],
        threshold=0.8,
        givers=[True, False],
        also_from=[[], ["n/Manon"]],
    )
    assert raised[1].flags["minor"]
    assert raised[1].indicators[-1].evidence.startswith("site/m: 16 ans")


def cued(post_id: str, minor: float, code: str, words: str) -> PostScore:
    result = scored(post_id, minor)
    result.indicators.append(Indicator(code, words))
    return result


def test_one_cue_among_many_ads_of_an_adult_lends_nothing():
    # one flagged youth word among twelve ads of one first name: a word once used
    posts = [cued("a", 0.95, "youth.language", "toute jeune")] + [
        scored(f"b{i}", 0.2) for i in range(11)
    ]
    raised = propagate_minor(posts, ["n/Léa"] * 12, threshold=0.8)
    assert [r.flags["minor"] for r in raised[1:]] == [False] * 11


def test_varied_cues_repeated_over_a_persona_flag_all_its_ads_though_none_is_flagged():
    posts = [
        cued("a", 0.4, "youth.emoji", "🍭"),
        cued("b", 0.4, "youth.language", "toute jeune"),
        scored("c", 0.2),
        scored("d", 0.2),
        scored("e", 0.2, "age.stated_adult"),  # "20 ans": cues in 2 of 5 ads outweigh it
    ]
    raised = propagate_minor(posts, ["n/Lou"] * 5, threshold=0.8)
    assert all(r.flags["minor"] for r in raised)
    assert raised[2].indicators[-1].code == "network.minor_cue"
    assert raised[2].flagged_by["minor"] == "network.minor_cue"


def test_the_same_phrase_in_every_ad_of_a_template_is_one_cue():
    # an adult's template says "jeune étudiante" in each ad, with her age of 21
    posts = [cued(f"a{i}", 0.4, "youth.language", "jeune étudiante") for i in range(4)]
    posts += [scored("b", 0.2, "age.stated_adult")]
    raised = propagate_minor(posts, ["n/Eva"] * 5, threshold=0.8)
    assert not any(r.flags["minor"] for r in raised)


def test_repeated_cues_under_a_quarter_of_the_ads_lend_nothing():
    posts = [cued("a", 0.4, "youth.emoji", "🍭"), cued("b", 0.4, "youth.school", "lycée")]
    posts += [scored(f"c{i}", 0.2) for i in range(7)]
    raised = propagate_minor(posts, ["n/Léa"] * 9, threshold=0.8)
    assert not any(r.flags["minor"] for r in raised)


def test_an_explicit_third_party_flags_control_on_the_other_ads_of_its_persona():
    from sentinelle.score.propagation import propagate_control

    managed = scored("a", 0.1)
    managed.indicators.append(Indicator("control.explicit_third_party", "c'est Kevin qui répond"))
    managed.flags["control"] = True
    plain, other, duo = scored("b", 0.1), scored("c", 0.1), scored("d", 0.1)
    raised = propagate_control(
        [managed, plain, other, duo],
        ["n/Léa", "n/Léa", "n/Nina", "n/Léa"],
        0.3,
        givers=[True, True, True, False],
    )
    assert raised[1].flags["control"] and raised[1].flagged_by["control"] == "persona.third_party"
    assert raised[1].scores["control"] >= 0.3
    assert raised[1].indicators[-1].evidence == "site/a: c'est Kevin qui répond"
    assert not raised[2].flags["control"]  # another first name: maybe an independent
    assert raised[3].flags["control"]  # a duo ad of Léa is raised too
    lent = propagate_control([plain, managed], ["n/Léa", "n/Léa"], 0.3, givers=[True, False])
    assert not lent[0].flags["control"]  # a duo's manager may be the other woman's
