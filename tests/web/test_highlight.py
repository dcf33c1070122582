from sentinelle.web.highlight import segments


def test_evidence_marked_and_identifiers_masked():
    text = "Nouvelle 16 ans, appeler 06 12 34 56 78 ce soir"
    parts = segments(text, [{"code": "age.stated_minor", "evidence": "16 ANS"}], ["06 12 34 56 78"])
    assert "".join(p.text for p in parts if p.kind == "plain") == "Nouvelle , appeler  ce soir"
    evidence = [p for p in parts if p.kind == "evidence"]
    assert evidence[0].text == "16 ans" and evidence[0].note == "age.stated_minor"
    masked = next(p for p in parts if p.kind == "identifier").text
    assert "34" not in masked and masked.startswith("0")


def test_overlaps_keep_the_mask():
    parts = segments("tel 0612345678", [{"code": "x", "evidence": "tel 0612"}], ["0612345678"])
    assert all("345" not in p.text for p in parts)
