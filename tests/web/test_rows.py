"""Post rows built for tables: the same links as the general function gives."""

from __future__ import annotations

from urllib.parse import urlencode

from hypothesis import given
from hypothesis import strategies as st

from sentinelle.web.rows import post_href


@given(st.text(max_size=40), st.text(max_size=40))
def test_post_href_is_urlencode(source, post_id):
    assert post_href(source, post_id) == "/post?" + urlencode({"source": source, "id": post_id})


def test_masked_labels_are_kept_without_the_text_or_identifiers_in_clear():
    from sentinelle.web import rows

    row = {
        "title": "Nina, appeler 06 12 34 56 78",
        "phones": '[{"e164": "+33612345678", "raw": "06 12 34 56 78"}]',
    }
    first = rows.masked_label(row, 90)
    assert "06 12 34 56 78" not in first and first.startswith("Nina")
    assert rows.masked_label(row, 4) == "Nina"  # the kept label, cut
    kept = repr(list(rows._MASKED.items()))
    assert "06 12 34 56 78" not in kept and "+33612345678" not in kept
