"""Optional second factor (TOTP, RFC 6238) for the roles that see identifiers: admin, analyst."""

from __future__ import annotations

import pyotp

from sentinelle.errors import SentinelleError
from sentinelle.store import Store
from sentinelle.store.accounts import find_account, set_totp_secret

TOTP_ROLES = frozenset({"admin", "analyst"})


def enable_totp(store: Store, name: str) -> tuple[str, str]:
    """A new secret for the account, stored; returns (secret, otpauth URI for an app's QR)."""
    account = find_account(store, name)
    if account is None:
        raise SentinelleError(f"no account named {name!r}")
    if account.role not in TOTP_ROLES:
        raise SentinelleError(
            f"a second factor is for {', '.join(sorted(TOTP_ROLES))} accounts, not {account.role}"
        )
    secret = pyotp.random_base32()
    set_totp_secret(store, account.pk, secret)
    uri = pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name="Sentinelle")
    return secret, uri


def disable_totp(store: Store, name: str) -> None:
    account = find_account(store, name)
    if account is None:
        raise SentinelleError(f"no account named {name!r}")
    set_totp_secret(store, account.pk, None)


def code_is_good(secret: str, code: str | None, now: float) -> bool:
    """The 6-digit code for now, or the 30-second step either side (clock drift)."""
    if not code or not code.strip().isdigit():
        return False
    return pyotp.TOTP(secret).verify(code.strip(), for_time=int(now), valid_window=1)
