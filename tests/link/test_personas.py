from sentinelle.link.personas import generic_handle, personas


def test_first_names_found_once_in_order_with_accents():
    text = "LÉA et Nour, dispo a Lyon; Léa repond. t.me/fatou.329 @nina lina@mail.fr"
    assert personas(text) == ["Léa", "Nour"]


def test_generic_handles_are_bare_first_names():
    assert generic_handle("telegram:fatou")
    assert generic_handle("telegram:planning")
    assert not generic_handle("snapchat:ines599")
    assert not generic_handle("vivannonces:rdv-dispo96")


def test_a_first_name_in_a_place_is_no_persona():
    """'rue Victor Hugo' gave an independent a second first name, and her posts 'several
    personas' (control evidence)."""
    assert personas("Léa, 15 rue Victor Hugo, 2e étage") == ["Léa"]
    assert personas("métro Louis Blanc, Nina dispo, lycée Jules Ferry à côté") == ["Nina"]
    assert personas("Saint Paul, Inès") == ["Inès"]
    assert personas("Sur place Léa vous reçoit") == ["Léa"]  # 'place' alone is a common word


def test_a_place_word_in_another_sentence_does_not_hide_a_name():
    assert personas("Près de la gare. Léa vous attend") == ["Léa"]
    assert personas("Quartier Saint, Nina") == ["Nina"]


def _every_word(text: str) -> list[str]:
    """The reference reading: every word matched and looked up one by one (what `personas`
    did before it listed the words first)."""
    from sentinelle.link.personas import _WORD, DISPLAY, FIRST_NAMES, _in_place
    from sentinelle.link.shingles import fold_fast

    found: dict[str, None] = {}
    folded = fold_fast(text)
    matches = list(_WORD.finditer(folded))
    for index, match in enumerate(matches):
        word = match.group(1)
        if word in FIRST_NAMES and not _in_place(folded, matches, index):
            found.setdefault(DISPLAY[word], None)
    return list(found)


def test_the_same_first_names_as_reading_every_word_on_generated_posts() -> None:
    from sentinelle.demo.corpus import generate
    from sentinelle.demo.stress.world import generate_stress

    posts = [post for post, _ in generate(1000, seed=16)]
    posts += [post for post, _ in generate_stress(1000, seed=17)]
    texts = [f"{post.get('title') or ''}\n{post['text']}" for post in posts]
    texts += ["Léa, 15 rue Victor Hugo", "rue  Léa", "Léa-Nina", "lea@mail.fr Léa", ""]
    named = 0
    for text in texts:
        assert personas(text) == _every_word(text), text
        named += bool(personas(text))
    assert named > 200
