from sentinelle.records import Extraction, PhoneHit, Post, StatedAge
from sentinelle.score.model import default_model
from sentinelle.score.scoring import score_posts, score_text


def post(post_id: str, text: str) -> Post:
    return Post("site", post_id, "ad", text, "2024-05-01T20:00:00+02:00")


def test_scores_flags_and_indicators_follow_the_export_contract():
    model = default_model()
    extraction = Extraction(stated_ages=[StatedAge(16, "16 ans")])
    (result,) = score_posts([post("1", "Lina 16 ans toute jeune 🍭")], [extraction], None, model)
    exported = result.to_export()
    assert set(exported) == {"scores", "flags", "indicators"}
    assert set(exported["scores"]) == {"minor", "control", "recruitment"}
    assert all(0.0 <= value <= 1.0 for value in exported["scores"].values())
    assert exported["flags"]["minor"] == (result.scores["minor"] >= model.thresholds["minor"])
    assert {"code": "age.stated_minor", "evidence": "16 ans"} in exported["indicators"]
    assert {"code": "youth.emoji", "evidence": "🍭"} in exported["indicators"]


def test_contact_shared_across_names_fires_in_the_batch():
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    batch = [post(str(n), "dispo ce soir") for n in range(3)]
    for item, name in zip(batch, ("Léa", "Nour", "Inès"), strict=True):
        item.author = name
    results = score_posts(batch, [phone] * 3, None, default_model())
    assert all("control.shared_contact" in {i.code for i in r.indicators} for r in results)


def test_empty_batch_and_single_text():
    assert score_posts([], [], None, default_model()) == []
    result = score_text("On recrute des filles motivées, pack logement, 50/50, mp pour infos")
    assert result.flags["recruitment"]
    assert not result.flags["minor"]
