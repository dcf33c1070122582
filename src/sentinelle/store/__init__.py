"""The store: the one layer that knows about the database (SQLite by default, PostgreSQL by URL).

Pipeline steps never import it; the CLI, the web app and the orchestrators pass records between
the steps and the store.
"""

from sentinelle.store.db import Store, open_store

__all__ = ["Store", "open_store"]
