from sentinelle.link.profile import NetworkPost, network_features, network_profile


def _post(index: int, text: str, city: str, phones: list[str], **extra) -> NetworkPost:
    return NetworkPost("n-000001", "site", f"p{index}", f"2024-03-{index + 1:02d}T10:00:00+01:00",
                       1.7e9 + index * 86400 * 10, text, city, "00", phones, **extra)  # fmt: skip


def test_profile_and_features_of_a_moving_group():
    posts = [
        _post(0, "Léa dispo", "Lyon", ["+33611"]),
        _post(1, "Nour dispo", "Lyon", ["+33611"], obfuscated=True),
        _post(2, "Léa de passage", "Dijon", ["+33611", "+33622"], recruitment=True),
    ]
    profile = network_profile("n-000001", posts, ["n-000005"])
    assert profile["personas"] == ["Léa", "Nour"]
    assert profile["people_estimate"] == 3  # two names on one phone: someone runs it
    assert profile["phones"] == ["+33611", "+33622"]
    assert [s["city"] for s in profile["itinerary"]] == ["Lyon", "Dijon"]
    features = network_features(posts)
    assert features["distinct_names_per_phone"] == 2
    assert features["cities"] == 2
    assert features["obfuscated_share"] == round(1 / 3, 4)
    assert features["recruitment_posts"] == 1
    assert features["moves_per_month"] == 1.5  # one move over 20 days
