from sentinelle.indicators.catalogue import catalogue, codes
from sentinelle.indicators.indicator import LABELS


def test_every_entry_is_complete_and_known():
    for spec in catalogue().values():
        assert spec.description and spec.source
        assert spec.role in ("evidence", "context")
        assert spec.labels and set(spec.labels) <= set(LABELS)


def test_brief_codes_are_present():
    required = {
        "age.stated_minor",
        "youth.language",
        "youth.emoji",
        "contact.obfuscated",
        "control.shared_contact",
        "control.third_party_booking",
        "recruitment.pack_offer",
        "mobility.new_in_town",
    }
    assert required <= set(codes())


def test_movement_language_is_context_not_evidence():
    assert catalogue()["mobility.new_in_town"].role == "context"


def test_french_field_vocabulary_is_catalogued():
    terms = {term for spec in catalogue().values() for term in spec.terms}
    for word in ("plan sous", "pack", "50/50", "michetonneuse", "sugar baby", "escort", "caming"):
        assert word in terms
