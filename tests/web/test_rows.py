"""Post rows built for tables: the same links as the general function gives."""

from __future__ import annotations

from urllib.parse import urlencode

from hypothesis import given
from hypothesis import strategies as st

from sentinelle.web.rows import post_href


@given(st.text(max_size=40), st.text(max_size=40))
def test_post_href_is_urlencode(source, post_id):
    assert post_href(source, post_id) == "/post?" + urlencode({"source": source, "id": post_id})
