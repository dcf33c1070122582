"""Ages and school levels said of a child or pupil never carry a minor flag; the poster's do."""

import pytest

from sentinelle.extract import extract_post
from sentinelle.indicators.matcher import match_indicators
from sentinelle.indicators.someone_else import about_someone_else
from sentinelle.records import Post


def _codes(text: str) -> set[str]:
    post = Post("s", "1", "ad", text, "2024-03-01T10:00:00+01:00")
    return {indicator.code for indicator in match_indicators(text, extract_post(post))}


@pytest.mark.parametrize(
    "text",
    [
        "Recherche nounou pour mes deux enfants de 7 et 12 ans, sortie d'école 16h30, Nice.",
        "Cours particuliers de maths pour élève en 3ème ou en seconde, 40€/h, Lille.",
        "Garde de mon fils de 13 ans le mercredi, Rennes, 12€/h.",
        "Tutoring for students in 10th grade, aged 15, Paris.",
    ],
)
def test_a_child_or_pupil_named_before_the_age_or_level_fires_no_minor_evidence(text):
    assert not _codes(text) & {"age.stated_minor", "youth.school_level", "age.stated_18_19"}


@pytest.mark.parametrize(
    "text",
    [
        "Coucou je suis Jade, j'ai 15 ans, nouvelle a Paris",
        "Léa 16 ans dispo ce soir Lyon",
        "Je suis en seconde, dispo le week-end, Lille",
        "Jeune fille de 16 ans dispo Marseille",
    ],
)
def test_the_posters_own_age_or_level_still_fires(text):
    assert _codes(text) & {"age.stated_minor", "youth.school_level"}


def test_the_cue_must_stand_in_the_same_sentence_shortly_before():
    text = "Mes enfants sont grands. J'ai 16 ans"
    assert not about_someone_else(text, text.index("16 ans"))
    assert about_someone_else("mes enfants de 16 ans", len("mes enfants de "))


@pytest.mark.parametrize(
    "text",
    [
        "Stage de théâtre pour ados de 12 à 16 ans pendant les vacances, Tours, 70€ la semaine.",
        "Cours de piano pour collégienne ou collégien, Dijon, 25€ la séance.",
        "Atelier dessin pour les 13-15 ans le samedi matin, Lille, 80€ le trimestre.",
        "Maman de 6 ans et 15 ans cherche baby-sitter le soir, Metz.",
        "Père de deux ados de 14 et 16 ans cherche soutien scolaire, Pau.",
    ],
)
def test_an_audience_or_a_parents_children_fire_no_minor_evidence(text):
    assert not _codes(text) & {"age.stated_minor", "youth.school_level", "age.stated_18_19"}


@pytest.mark.parametrize(
    "text",
    [
        "Argent facile pour ados de 16 ans, appart fourni, on s'occupe de tout, DM",
        "Plan sous pour jeunes filles de 16 ans motivées, logement et sécu fournis",
    ],
)
def test_an_audience_in_a_post_that_recruits_people_still_fires(text):
    assert "age.stated_minor" in _codes(text)


def test_a_childs_age_under_twelve_is_no_age_band_of_the_poster():
    assert not _codes("Maman de 8 ans cherche nounou, Nice") & {"age.stated_18_19"}


def test_young_women_named_after_pour_are_not_an_audience():
    text = "Nouvelle sur Lyon, dispo pour jeunes filles de 16 ans et plus"
    assert about_someone_else(text, text.index("16 ans")) is False
    assert about_someone_else("Stage pour jeunes de 15 ans", len("Stage pour jeunes de "))


@pytest.mark.parametrize(
    "text",
    [
        "Maman de deux enfants de 6 et 9 ans, je cherche un emploi de caissière, Lyon.",
        "Mon fils a 12 ans et cherche un club de foot à Brest.",
        "Ma fille (10 ans) cherche une nounou le mercredi, Caen.",
        "Enfants de 4, 7 ans à garder le soir, Nantes.",
        "Nounou expérimentée, je garde deux petits de 3 et 13 ans, dispo Paris.",
        "Maman solo, mon grand a 16 ans et ma petite 11 ans, je cherche une colocation à Tours.",
        "Mère de famille, mes ados de 13 et 15 ans sont autonomes, cherche travail de nuit.",
        "Mon ado de 15 ans cherche un stage d'observation, Amiens.",
        "Je m'occupe de ma nièce de 15 ans le week-end, cherche job de serveuse.",
        "Babysitter, I looked after my little brother (14) all summer, Paris.",
    ],
)
def test_ages_of_a_mothers_children_or_a_sibling_fire_no_minor_evidence(text):
    assert not _codes(text) & {"age.stated_minor", "youth.language", "age.stated_18_19"}


@pytest.mark.parametrize(
    "text",
    [
        "Sarah 24 ans, clients 30 ans minimum, dispo Paris",
        "Nina 23 ans, clientèle de 40 ans, discrétion, Lyon",
        "Eva 26 ans, messieurs de 35 ans uniquement, Nice",
    ],
)
def test_a_clients_age_is_not_the_posters(text):
    codes = _codes(text)
    assert "age.stated_adult" in codes
    assert about_someone_else(text, text.index(" ans", text.index(",")) - 2)


def test_family_words_do_not_hide_minors_a_group_offers():
    text = "Nos petites nouvelles de 16 ans dispo, escort Lyon, résa par mon manager"
    assert "age.stated_minor" in _codes(text)


def test_a_possessive_before_a_youth_word_is_someone_else_only_where_nobody_is_offered():
    assert "youth.language" not in _codes("Mon ado cherche un job d'été, Laval")
    assert "youth.language" in _codes("Toute jeune ado dispo ce soir, Laval, 100€")


@pytest.mark.parametrize(
    "text",
    [
        "Je suis maman. 16 ans pour ma fille cette année, elle cherche des cours de conduite.",
        "Je cherche une nounou pour ma fille. Elle a 16 ans et aime le dessin, Rennes.",
        "Papa solo, mes enfants grandissent : l'aînée fête bientôt 15 ans. Cherche T3 à Metz.",
    ],
)
def test_a_parent_posting_about_the_family_fires_no_minor_evidence(text):
    """The age is a sentence away from the child it belongs to: a post that offers nobody and
    is written by a parent gives the family's ages, not the poster's."""
    assert "age.stated_minor" not in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nouvelle 16 ans, je vis chez mes parents, dispo en journée",  # her own family
        "Nouvelle 16 ans, ma maman ne sait pas, dispo en journée",
        "J ai 16 ans et mon fils a 1 an, dispo Lyon",  # her own age, in the first person
    ],
)
def test_a_minor_speaking_of_her_own_family_still_fires(text):
    assert "age.stated_minor" in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Clients sérieux uniquement, Jade 16 ans, dispo Lyon",  # clients are adults
        "Les clients 18+ seulement, je suis Léa 16 ans",
        "Son frère répond au tel et gère les rdv, Jade a 16 ans, dispo Rouen",  # in an offer
        "Réservation par mon cousin, ma petite sœur de 16 ans est dispo à Nice",
    ],
)
def test_a_minor_age_in_an_ad_is_never_set_aside_for_clients_or_family(text):
    """The certain rule: an ad stating an age under 18 flags it, whoever else it names."""
    assert "age.stated_minor" in _codes(text)


def test_a_clients_adult_age_is_still_theirs():
    text = "Indépendante, clients 30 ans minimum, dispo Lyon"
    assert about_someone_else(text, text.index("30 ans"))


@pytest.mark.parametrize(
    "text",
    [
        "Coach sportif diplômé, j'entraîne les 15-17 ans du club, Lyon",
        "Coach de natation : groupe des 14 ans le mercredi, Lille",
        "Je coache des jeunes de 16 ans en athlétisme, Bordeaux",
        "Prof de guitare, mes élèves de 15 ans progressent vite, Caen",
    ],
)
def test_an_age_said_of_a_group_fires_no_minor_evidence(text):
    """A plural or a range before the age ('les 15-17 ans', 'des jeunes de 16 ans'): a
    category a coach or teacher works with, not one person's age."""
    assert "age.stated_minor" not in _codes(text)


def test_a_group_age_in_an_ad_that_offers_people_still_fires():
    assert "age.stated_minor" in _codes("Agence : nos filles de 16 ans dispo, réservation par sms")


def test_the_letters_ignoring_case_matches_without_lowering_to_them_are_known() -> None:
    """`_household` trusts its words in the lowered text unless the text holds İ, ı or ſ: the
    only characters `_HOUSEHOLD` (ignoring case) matches to their letters without lowering."""
    import re

    from sentinelle.indicators import someone_else

    letters = sorted(set("".join(someone_else._HOUSEHOLD_WORDS)))
    ignoring_case = re.compile("(?i:" + "|".join(letters) + ")")
    matched = {chr(code) for code in range(0x110000) if ignoring_case.fullmatch(chr(code))}
    lowering = {char for char in matched if len(char.lower()) == 1 and char.lower() in letters}
    assert matched - lowering == set(someone_else._FOLDED_LIKE_ASCII)


def _household_texts() -> list[str]:
    """Strings sampled from `_HOUSEHOLD` itself (every branch, with odd cases and letters),
    generated demo and stress posts and every string of the indicator tests."""
    import ast
    import random
    from pathlib import Path
    from re import _parser

    from sentinelle.demo.corpus import generate
    from sentinelle.demo.stress.world import generate_stress
    from sentinelle.indicators.someone_else import _HOUSEHOLD
    from tests.indicators.shape_samples import sample as _sample

    rng = random.Random(16)
    parsed = _parser.parse(_HOUSEHOLD.pattern)
    odd = {"i": "İı", "s": "ſ", "k": "\u212a", "e": "EÈ", "a": "A", "m": "M"}
    texts = []
    for _ in range(3000):
        sample = _sample(parsed, rng)
        if rng.random() < 0.5:
            sample = "".join(rng.choice([c, *odd.get(c, "")]) for c in sample)
        texts.append(rng.choice(["", "Bonjour ", "x", "je suis "]) + sample + " 16 ans")
    texts += [post["text"] for post, _ in generate(1500, seed=20)]
    texts += [post["text"] for post, _ in generate_stress(1500, seed=21)]
    for path in sorted((Path(__file__).parent).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.append(node.value)
    return texts


def test_the_household_hint_stands_wherever_the_pattern_matches() -> None:
    from sentinelle.indicators.someone_else import _HOUSEHOLD, _household

    matched = 0
    for text in _household_texts():
        expected = _HOUSEHOLD.search(text) is not None
        matched += expected
        assert _household.__wrapped__(text) == expected, text
    assert matched >= 500  # the samples do exercise the pattern


def test_every_cue_match_holds_one_of_its_words_lowered() -> None:
    """Strings sampled from each hinted cue (every branch, repeat and class, odd cases), posts
    and test strings: wherever the cue matches a window, the lowered window holds one of the
    cue's words, or the window holds İ, ı or ſ (then the cue is searched anyway)."""
    import random
    import re
    from re import _parser

    from sentinelle.indicators import someone_else
    from tests.indicators.shape_samples import sample as _sample

    rng = random.Random(16)
    upper = {"i": "Iİı", "s": "Sſ", "k": "K\u212a", "e": "EÈÉ", "a": "A", "œ": "Œ", "c": "CÇ"}
    texts = [text[-someone_else._WINDOW :] for text in _household_texts()]
    for cue, words in someone_else.CUE_WORDS.items():
        letters = sorted(set("".join(words)))
        ignoring_case = re.compile("(?i:" + "|".join(map(re.escape, letters)) + ")")
        matched = {chr(code) for code in range(0x110000) if ignoring_case.fullmatch(chr(code))}
        lowering = {c for c in matched if len(c.lower()) == 1 and c.lower() in letters}
        assert matched - lowering <= set(someone_else._FOLDED_LIKE_ASCII), cue.pattern[:40]
        # the tail "[^.!?\n]{0,30}$" is left to the sampled windows (its class is negated)
        head = re.sub(r"\[\^\.!\?\\n\]\{0,\d+\}\$$", "", cue.pattern)
        assert head != cue.pattern, cue.pattern[-20:]
        parsed = _parser.parse(head, cue.flags)
        hits = 0
        for _ in range(3000):
            sample = _sample(parsed, rng).replace("7", " ")  # the sampler's class is \s here
            sample += rng.choice(["", " de", " de 16", ", elle a"])
            sample = "".join(rng.choice([c, *upper.get(c, "")]) for c in sample)
            for window in (sample, "Bonjour, " + sample):
                if cue.search(window):
                    hits += 1
                    lowered = someone_else._lowered_unless_odd(window)
                    assert lowered is None or any(word in lowered for word in words), window
        assert hits >= 1000, cue.pattern[:40]
        for window in texts:
            if cue.search(window):
                lowered = someone_else._lowered_unless_odd(window)
                assert lowered is None or any(word in lowered for word in words), window
