"""Identifiers shown masked by default, and pseudonymised (keyed HMAC) in exports."""

from sentinelle.privacy.masking import mask_handle, mask_identifier, mask_phone
from sentinelle.privacy.pseudonyms import pseudonym, pseudonymise_export, reveal_detail

__all__ = [
    "mask_handle",
    "mask_identifier",
    "mask_phone",
    "pseudonym",
    "pseudonymise_export",
    "reveal_detail",
]
