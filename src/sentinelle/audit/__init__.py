"""The audit log: who did what, when, from where; chained with hashes so tampering shows."""

from sentinelle.audit.chain import Verification, entry_hash, verify_entries
from sentinelle.audit.log import record_event, verify

__all__ = ["Verification", "entry_hash", "record_event", "verify", "verify_entries"]
