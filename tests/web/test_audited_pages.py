"""Every page that shows post text writes an audit entry (issue 15, defect 8)."""

from __future__ import annotations

from sentinelle.store.audit import recent_entries


def test_the_review_queue_is_audited(client_for):
    client = client_for("analyst")
    assert client.get("/review").status_code == 200
    [entry] = recent_entries(client.app.state.store, action="review.view", limit=5)
    assert entry["actor"] == "analyst" and '"posts"' in entry["detail"]
