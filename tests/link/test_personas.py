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
