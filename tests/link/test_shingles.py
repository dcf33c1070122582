import numpy as np

from sentinelle.link.shingles import fold_fast, shingle_texts, tokens
from sentinelle.text.normalize import fold


def test_case_accents_and_width_forms_shingle_alike():
    shingles = shingle_texts(["Léa, dispo à LYON", "lea dispo a lyon", "ＬＥＡ dispo à Lyon"])
    assert np.array_equal(shingles.of(0), shingles.of(1))
    assert np.array_equal(shingles.of(0), shingles.of(2))


def test_fast_fold_matches_the_shared_fold():
    text = "Élodie, NAÏVE ﬁne Ｌｙｏｎ — dispo 😘 à Besançon"
    assert fold_fast(text) == fold(text)


def test_tokens_keep_emoji_and_split_on_punctuation():
    assert tokens("Léa: dispo 7j/7 😘") == ["lea", "dispo", "7j", "7", "😘"]


def test_shingles_are_word_pairs_within_one_post():
    shingles = shingle_texts(["un deux trois", "trois quatre", "seul", ""])
    assert np.diff(shingles.indptr).tolist() == [2, 1, 0, 0]
    # the pair "trois quatre" never mixes the end of one post with the start of the next
    across = shingle_texts(["un deux trois quatre"]).of(0)
    assert set(shingles.of(1).tolist()) <= set(across.tolist())


def test_hashes_are_stable_across_runs():
    # a stored signature is only useful if the same text always hashes the same way
    assert shingle_texts(["dispo cette semaine"]).hashes.tolist() == [
        int(h) for h in shingle_texts(["DISPO cette  semaine"]).hashes
    ]
    assert shingle_texts(["ab cd"]).hashes[0] == np.uint32(0xB3D118AA)


def test_many_texts_cross_chunk_boundaries():
    texts = [f"poste numero {i} a lyon" for i in range(40000)]
    shingles = shingle_texts(texts)
    assert len(shingles) == 40000
    assert np.array_equal(shingles.of(39999), shingle_texts([texts[-1]]).of(0))


def test_numbers_shingle_as_slots():
    shingles = shingle_texts(["Lea sur Lyon a 120 euros", "Lea sur Lyon a 90 euros"])
    assert np.array_equal(shingles.of(0), shingles.of(1))
    other_city = shingle_texts(["Lea sur Metz a 120 euros"])
    assert not np.array_equal(shingles.of(0), other_city.of(0))
