from sentinelle.link.templates import SLOT, explain


def test_template_keeps_shared_words_and_slots_hold_the_differences():
    evidence = explain(
        "Inès, 20 ans, je serai à Villeurbanne jusqu'au 14/04",
        "Anaïs, 26 ans, je serai à Marseille jusqu'au 14/04",
    )
    assert evidence.template == f"{SLOT} ans je serai a {SLOT} jusqu au 14 04"
    assert evidence.slots == [("ines 20", "anais 26"), ("villeurbanne", "marseille")]
