from sentinelle.indicators.matcher import match_indicators, term_indicators
from sentinelle.records import Extraction, PhoneHit, StatedAge


def fired(text: str) -> dict[str, str]:
    return {indicator.code: indicator.evidence for indicator in term_indicators(text)}


def test_terms_fire_with_original_words_as_evidence():
    found = fired("Toute Jeune 🍭 dispo, pack logement et sécurité, 50/50")
    assert found["youth.language"] == "Toute Jeune"
    assert found["youth.emoji"] == "🍭"
    assert found["recruitment.pack_offer"] == "pack logement"
    assert found["control.split_earnings"] == "50/50"


def test_word_boundaries_hold():
    assert "recruitment.pack_offer" not in fired("packaging et jackpot")
    assert "activity.escort" not in fired("escortement")
    assert "recruitment.pack_offer" in fired("un pack.")


def test_accents_apostrophes_spaces_and_leet_are_folded():
    assert "recruitment.money_offer" in fired("GAGNE DE L’ARGENT vite")
    assert "recruitment.money_offer" in fired("plan    sous ce soir")
    assert fired("d3butante ici")["youth.language"] == "d3butante"
    assert "youth.school_level" in fired("Lycéenne")


def test_span_points_into_the_post():
    text = "Bonjour, plan  sous dispo"
    (indicator,) = [i for i in term_indicators(text) if i.code == "recruitment.money_offer"]
    start, end = indicator.span
    assert text[start:end] == "plan  sous"


def test_nested_terms_of_one_code_report_the_longest():
    hits = [i for i in term_indicators("pack logement dispo") if i.code == "recruitment.pack_offer"]
    assert [i.evidence for i in hits] == ["pack logement"]


def test_extraction_rules():
    extraction = Extraction(
        phones=[PhoneHit("+33612345678", "zéro6 12 34", ("number_words",))],
        stated_ages=[StatedAge(16, "16 ans")],
    )
    found = {i.code: i.evidence for i in match_indicators("bonjour", extraction)}
    assert found["age.stated_minor"] == "16 ans"
    assert "number_words" in found["contact.obfuscated"]


def test_adult_ages_do_not_fire_minor():
    found = {
        i.code for i in match_indicators("x", Extraction(stated_ages=[StatedAge(25, "25 ans")]))
    }
    assert "age.stated_minor" not in found and "age.stated_adult" in found


def test_plain_ad_fires_no_evidence():
    assert fired("Appartement T2 à louer, proche gare, libre en mars") == {}


def test_a_child_mentioned_in_a_babysitting_ad_is_not_a_stated_minor():
    extraction = Extraction(stated_ages=[StatedAge(8, "8 ans")])
    assert "age.stated_minor" not in {i.code for i in match_indicators("garde enfant", extraction)}


def test_new_control_vocabulary():
    found = [(i.code, i.evidence) for i in term_indicators("réservations par mon cousin, on est 2")]
    assert ("control.third_party_booking", "réservations par") in found
    assert ("control.several_persons", "on est 2") in found


def test_leetspeak_is_undone_in_the_same_texts_as_before_its_precheck() -> None:
    """`_haystacks` rewrites words only where leet signs stand between letters: on generated
    posts, test strings and random strings of letters, digits and signs it gives the forms the
    former precheck (any letter by a digit) gave."""
    import ast
    import random
    import re
    from pathlib import Path

    from sentinelle.demo.corpus import generate
    from sentinelle.demo.stress.world import generate_stress
    from sentinelle.indicators.matcher import (
        _MIXED_WORD,
        _collapse_spaces,
        _haystacks,
        _matching_form,
    )
    from sentinelle.text.normalize import deleet, fold

    letter_by_digit = re.compile(r"[a-z][0-9@$]|[0-9@$][a-z]")

    def former(haystack: str) -> list:
        forms = [haystack]
        if letter_by_digit.search(haystack):
            unleet = _MIXED_WORD.sub(lambda word: deleet(word.group()), haystack)
            if unleet != haystack:
                forms.append(unleet)
        return [_collapse_spaces(form) for form in forms]

    rng = random.Random(16)
    texts = [post["text"] for post, _ in generate(1500, seed=22)]
    texts += [post["text"] for post, _ in generate_stress(1500, seed=23)]
    texts += [
        "".join(rng.choice("ab e0137@$_9 øß٣-") for _ in range(rng.randint(1, 12)))
        for _ in range(20000)
    ]
    for path in sorted(Path(__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.append(node.value)
    rewritten = 0
    for text in texts:
        haystack = _matching_form(fold(text))
        expected = former(haystack)
        assert _haystacks(haystack) == expected, text
        rewritten += len(expected) > 1
    assert rewritten >= 100


def test_a_duo_with_her_own_friend_is_not_several_persons_offered():
    """Two independents working together ("duo possible avec une amie", stretched or not);
    a duo booked through someone, or "nos filles", still is."""
    for text in (
        "Léa 25 ans, possibilité de duo avec ma copine, 150€",
        "duo possibleee aveccc une amie, je reçois",
        "Duo avec mon amie dispo ce soir",
    ):
        codes = {i.code for i in match_indicators(text, Extraction())}
        assert "control.several_persons" not in codes, text
    for text in (
        "Duo possible, réservation par mon ami",
        "Duo avec nos filles, 200€",
        "on est 2, appelez le 06",
    ):
        codes = {i.code for i in match_indicators(text, Extraction())}
        assert "control.several_persons" in codes, text


def test_seeking_a_sugar_baby_calls_for_recruits_offering_oneself_does_not():
    """A man or a team seeking a sugar baby addresses a recruit; a woman's own sugar-dating
    words stay context (independent adults use them)."""
    for text in (
        "Entrepreneur cherche sugar baby, aide financière 1500€/mois",
        "looking for a sugar baby, dm me",
        "Opportunité sugar baby, on s'occupe de tout",
    ):
        assert "recruitment.call_for_recruits" in fired(text), text
    for text in ("Sugar baby cherche sugar daddy généreux", "Michetonneuse assumée, 25 ans"):
        assert "recruitment.call_for_recruits" not in fired(text), text
        assert "recruitment.sugar" in fired(text), text
