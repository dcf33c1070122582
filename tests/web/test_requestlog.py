"""`serve` logs one line per request, with identifiers in query strings masked."""

from __future__ import annotations

import logging

from sentinelle.web.requestlog import request_line


def test_request_line_masks_identifiers_in_the_query():
    line = request_line("GET", "/search", "q=06+12+34+00+10", 200, 12.34, "127.0.0.1")
    assert line.startswith("127.0.0.1 GET /search?q=0") and line.endswith(" 200 12.3 ms")
    assert "06 12 34 00 10" not in line and "12 34" not in line


def test_every_page_request_is_logged(client_for, caplog):
    client = client_for("analyst")
    with caplog.at_level(logging.INFO, logger="sentinelle.web.requests"):
        client.get("/posts?flag=minor")
        client.get("/search?q=0612340010")
        client.get("/static/app.css")
    lines = [record.getMessage() for record in caplog.records]
    assert any("GET /posts?flag=minor 200" in line for line in lines)
    assert any(line.startswith("testclient GET /search?q=0") for line in lines)
    assert not any("0612340010" in line for line in lines)
    assert not any("/static/" in line for line in lines)
