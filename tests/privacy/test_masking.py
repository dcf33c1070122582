from hypothesis import given
from hypothesis import strategies as st

from sentinelle.privacy import mask_handle, mask_phone, pseudonym, pseudonymise_export
from sentinelle.privacy.masking import DOT, mask_in_text


def test_masks_keep_little():
    assert mask_phone("+33612345678") == "+33 6••••••78"
    assert mask_handle("snapchat:agence_43") == "snapchat:a•••••••3"
    assert "12345" not in mask_in_text("06 12 34 56 78")
    assert mask_in_text("06 12 34 56 78").startswith("0")


def test_pseudonyms_are_keyed_and_stable():
    assert pseudonym(b"k1", "+33612345678") == pseudonym(b"k1", "+33612345678")
    assert pseudonym(b"k1", "+33612345678") != pseudonym(b"k2", "+33612345678")
    assert pseudonym(b"k1", "+33612345678") != pseudonym(b"k1", "+33612345679")


def test_export_pseudonymised():
    obj = {"id": "p1", "phones": ["+33612345678"], "handles": ["snapchat:agence_43"]}
    out = pseudonymise_export(obj, b"key")
    assert out["id"] == "p1" and out["phones"][0].startswith("pid:")
    assert out["handles"][0].startswith("snapchat:pid:") and "agence" not in out["handles"][0]
    assert obj["phones"] == ["+33612345678"]  # the input is left as it was


def test_mask_all_hides_every_occurrence_whatever_the_case():
    from sentinelle.privacy.masking import mask_all, raw_identifiers

    raws = raw_identifiers(
        '[{"e164": "+33612345678", "raw": "06 12 34 56 78"}]', '["snapchat:Lea_77"]'
    )
    text = mask_all("Appelle 06 12 34 56 78 ou 06 12 34 56 78, snap lea_77", raws)
    assert "34 56" not in text and "ea_7" not in text and text.startswith("Appelle 0")


@given(st.text(max_size=60))
def test_mask_in_text_keeps_the_ends_and_spaces_only(raw):
    expected = (
        DOT * len(raw)
        if len(raw) <= 2
        else raw[0] + "".join(c if c.isspace() else DOT for c in raw[1:-1]) + raw[-1]
    )
    assert mask_in_text(raw) == expected
