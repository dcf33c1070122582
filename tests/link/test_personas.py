from sentinelle.link.personas import generic_handle, personas


def test_first_names_found_once_in_order_with_accents():
    text = "LÉA et Nour, dispo a Lyon; Léa repond. t.me/fatou.329 @nina lina@mail.fr"
    assert personas(text) == ["Léa", "Nour"]


def test_generic_handles_are_bare_first_names():
    assert generic_handle("telegram:fatou")
    assert generic_handle("telegram:planning")
    assert not generic_handle("snapchat:ines599")
    assert not generic_handle("vivannonces:rdv-dispo96")
