"""One row per (post, indicator code) with the post's date (`post_indicators`, migration 0016):
the posts list filtered on an indicator walks its (code, posted_ts, post_pk) index newest first
and stops at a page, where matching the code inside every analysis row's indicators JSON read
posts by date until a page was found (about 80 ms of SQLite CPU at a million posts for a code
in 2% of them, 160 ms to count).

The rows are derived from `post_analysis.indicators` by the database itself (SQLite's
`json_each`, PostgreSQL's `jsonb_array_elements`): whoever writes indicators calls
`write_indicator_rows` for the posts it wrote, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, text

from sentinelle.store.bulk import delete_where_in
from sentinelle.store.schema import post_indicators

_CHUNK = 500
_SELECT = {
    "sqlite": (
        "SELECT DISTINCT a.post_pk, json_extract(j.value, '$.code'), a.posted_ts "
        "FROM post_analysis a, json_each(a.indicators) j "
        "WHERE a.indicators <> '[]' AND json_extract(j.value, '$.code') IS NOT NULL"
    ),
    "postgresql": (
        "SELECT DISTINCT a.post_pk, e.value ->> 'code', a.posted_ts "
        "FROM post_analysis a CROSS JOIN LATERAL jsonb_array_elements(a.indicators::jsonb) e "
        "WHERE a.indicators <> '[]' AND e.value ->> 'code' IS NOT NULL"
    ),
}
_INSERT = "INSERT INTO post_indicators (post_pk, code, posted_ts) "


def write_indicator_rows(
    connection: Connection, pks: Iterable[int] | None, *, replace: bool = True
) -> None:
    """Derive the indicator rows of the analysed posts `pks` (None: every post) from their
    analysis rows; `replace` deletes the rows they had first (not needed for new posts)."""
    select_rows = _SELECT[connection.dialect.name]
    if pks is None:
        if replace:
            connection.execute(post_indicators.delete())
        connection.execute(text(_INSERT + select_rows))
        return
    pks = list(pks)
    if replace:
        delete_where_in(connection, post_indicators, "post_pk", pks)
    for start in range(0, len(pks), _CHUNK):
        chunk = ", ".join(str(int(pk)) for pk in pks[start : start + _CHUNK])
        connection.execute(text(f"{_INSERT}{select_rows} AND a.post_pk IN ({chunk})"))
