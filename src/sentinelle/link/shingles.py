"""Word shingles of post texts, hashed in bulk with numpy.

Texts are folded (`sentinelle.text.normalize.fold` semantics) and tokenised as one byte buffer:
tokens and shingles are hashed with prefix sums instead of a Python loop per word, which is what
lets a million posts shingle in seconds. Hashes are stable across runs and machines (no
`hash()`), so signatures built from them can be stored and compared later.

Numbers are slots: every number (a price, an age, a time, a street number) hashes as one slot
token before shingling, so a template filled with another price or age keeps its shingles
("tarif 150 euros" and "tarif 120 euros" share "tarif {n}" and "{n} euros"). Names and cities
stay words: a persona or a city a group keeps is evidence of its own, and a changed one breaks
only two shingles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from sentinelle.link.distinct import distinct
from sentinelle.link.hashing import combine, mix64

HASH_BITS = 32  # shingle hashes keep 32 bits: half the memory of a corpus's shingles, and a post
# index fits beside them in one 64-bit sort key
_CHUNK = 1 << 14  # keeps every temporary array small enough for malloc to reuse
_SEP = "\x00"
_COMBINING = re.compile("[\u0300-\u036f]")
_TOKEN = re.compile("[0-9a-z\u0080-\U0010ffff]+")
_P = 0x100000001B3  # odd, so it has an inverse mod 2**64
_P_INV = pow(_P, -1, 2**64)
_WORD_BYTE = np.zeros(256, dtype=bool)
_WORD_BYTE[ord("0") : ord("9") + 1] = True
_WORD_BYTE[ord("a") : ord("z") + 1] = True
_WORD_BYTE[0x80:] = True


@dataclass(frozen=True, slots=True)
class Shingles:
    """Per-post sets of shingle hashes in CSR form: post i owns hashes[indptr[i]:indptr[i+1]]."""

    indptr: np.ndarray  # int64, len = posts + 1
    hashes: np.ndarray  # uint32, sorted and unique within each post

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def of(self, post: int) -> np.ndarray:
        return self.hashes[self.indptr[post] : self.indptr[post + 1]]


def fold_fast(text: str) -> str:
    """`fold` for a whole buffer at C speed: compatibility forms, case and accents folded."""
    if text.isascii():
        return text.casefold()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text).casefold())


def _folded_bytes(text: str) -> np.ndarray:
    """UTF-8 bytes of the folded text; combining accents are dropped on bytes, not characters."""
    if text.isascii():
        return np.frombuffer(text.casefold().encode("ascii"), dtype=np.uint8)
    raw = np.frombuffer(unicodedata.normalize("NFKD", text).casefold().encode("utf-8"), np.uint8)
    # U+0300..U+036F encode as CC 80..CC BF and CD 80..CD AF
    lead = ((raw[:-1] == 0xCC) & (raw[1:] >= 0x80) & (raw[1:] <= 0xBF)) | (
        (raw[:-1] == 0xCD) & (raw[1:] >= 0x80) & (raw[1:] <= 0xAF)
    )
    drop = np.zeros(len(raw), dtype=bool)
    drop[:-1] |= lead
    drop[1:] |= lead
    return raw[~drop]


def tokens(text: str) -> list[str]:
    """The readable tokens the hashes are computed from (for evidence: templates and slots)."""
    return _TOKEN.findall(fold_fast(text))


def shingle_texts(texts: list[str], width: int = 2) -> Shingles:
    """Sets of hashed `width`-word shingles, one per text."""
    if width < 1:
        raise ValueError(f"shingle width must be at least 1, got {width}")
    parts = [_shingle_chunk(texts[i : i + _CHUNK], width) for i in range(0, len(texts), _CHUNK)]
    return concat_shingles(parts)


def concat_shingles(parts: list[Shingles]) -> Shingles:
    """The posts of `parts` one after the other."""
    if not parts:
        return Shingles(np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.uint32))
    if len(parts) == 1:
        return parts[0]
    counts = np.concatenate([np.diff(p.indptr) for p in parts])
    indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return Shingles(indptr, np.concatenate([p.hashes for p in parts]))


def _shingle_chunk(texts: list[str], width: int) -> Shingles:
    token_hash, token_post = _token_hashes(texts, slots=True)
    count = len(token_hash) - width + 1
    shingle = token_hash[: max(count, 0)]
    for offset in range(1, width):
        shingle = combine(shingle, token_hash[offset : offset + count])
    in_one_post = token_post[: max(count, 0)] == token_post[width - 1 :]
    shingle, post = shingle[in_one_post], token_post[: max(count, 0)][in_one_post]
    key = (post.astype(np.uint64) << np.uint64(HASH_BITS)) | (shingle >> np.uint64(64 - HASH_BITS))
    key = distinct(key)
    post_sorted = (key >> np.uint64(HASH_BITS)).astype(np.int64)
    indptr = np.searchsorted(post_sorted, np.arange(len(texts) + 1)).astype(np.int64)
    return Shingles(indptr, (key & np.uint64((1 << HASH_BITS) - 1)).astype(np.uint32))


def _token_hashes(texts: list[str], slots: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Hash of every token and the index of the text it belongs to, in reading order; with
    `slots`, numbers hash as one slot token."""
    joined = _SEP.join(t.replace(_SEP, " ") if _SEP in t else t for t in texts)
    buffer = _folded_bytes(joined)
    post = np.cumsum(buffer == 0)
    word = _WORD_BYTE[buffer]
    edge = np.diff(word.astype(np.int8), prepend=0, append=0)
    starts, ends = np.flatnonzero(edge == 1), np.flatnonzero(edge == -1)
    powers = np.cumprod(np.full(len(buffer), _P, dtype=np.uint64))  # P**(i+1)
    one = np.ones(1, dtype=np.uint64)
    prefix = np.concatenate([one - one, np.cumsum(buffer.astype(np.uint64) * powers)])
    inverse = np.concatenate([one, np.cumprod(np.full(len(buffer), _P_INV, dtype=np.uint64))])
    raw = (prefix[ends] - prefix[starts]) * inverse[starts]
    hashed = mix64(raw)
    if slots and len(hashed):
        digits = np.concatenate([[0], np.cumsum((buffer >= 48) & (buffer <= 57))])
        number = digits[ends] - digits[starts] == ends - starts
        hashed[number] = _NUMBER_SLOT
    return hashed, post[starts]


_NUMBER_SLOT = np.uint64(0x6E756D6265720001)  # "number" slot token
