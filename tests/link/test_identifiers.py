from sentinelle.link.identifiers import incidence, star_pairs


def test_incidence_counts_a_value_once_per_post():
    found = incidence([["+33611", "+33611"], [], ["+33622", "+33611"], None])
    assert found.values == ["+33611", "+33622"]
    assert found.posts_per_value().tolist() == [2, 1]


def test_star_pairs_link_every_post_to_the_first():
    found = incidence([["a"], ["b"], ["a"], ["a"]])
    member, leader, value = star_pairs(found)
    assert sorted(zip(member.tolist(), leader.tolist(), strict=True)) == [(2, 0), (3, 0)]
    assert set(value.tolist()) == {0}
