"""Schemathesis against the app's own OpenAPI: whatever it sends, never a 500.

Cases are drawn from each operation's strategy with Hypothesis directly (schemathesis'
pytest plugin does not run under this pytest version).
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

from sentinelle.web import WebSettings, create_app

EXAMPLES_PER_OPERATION = 10


def test_api_never_answers_500(seeded_db, token_for):
    app = create_app(WebSettings(secret_key="k" * 40, db=seeded_db))
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    headers = {"authorization": f"Bearer {token_for('analyst')}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 4
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def never_500(case):
            response = case.call(headers=headers)
            assert response.status_code < 500, (case.method, case.path, response.text[:300])

        never_500()
