"""Alembic migrations of the store.

`HEAD` names the latest revision so that opening an up-to-date store costs one query and no
Alembic import (a CLI call stays fast); a test checks it against Alembic's own view.
"""

HEAD = "0017_network_views"
