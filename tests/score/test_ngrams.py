import numpy as np

from sentinelle.score.ngrams import fit_idf, hashed_ngram_counts, tfidf


def test_ngrams_never_span_two_posts():
    together = hashed_ngram_counts(["abc", "def"], (3,), 12)
    alone = hashed_ngram_counts(["abc"], (3,), 12)
    assert together[0].nnz == 1 and together[1].nnz == 1
    assert (together[0] != alone[0]).nnz == 0


def test_counts_by_size_and_repeats():
    counts = hashed_ngram_counts(["abab", "", "ab"], (2, 3), 16)
    assert counts[0].sum() == 3 + 2  # ab, ba, ab + aba, bab
    assert counts[0].max() == 2
    assert counts[1].nnz == 0 and counts[2].sum() == 1


def test_tfidf_rows_have_unit_length():
    counts = hashed_ngram_counts(["bonjour lyon", "dispo ce soir", ""], (3, 4), 14)
    weighted = tfidf(counts, fit_idf(counts))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    assert np.allclose(norms[:2], 1.0) and norms[2] == 0
