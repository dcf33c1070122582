"""Who may do what: accounts, passwords, sessions, API tokens, and the one permission check."""

from sentinelle.auth.roles import ROLES, Actor, allowed

__all__ = ["ROLES", "Actor", "allowed"]
