"""The review queue by expected information (near each label's threshold, spread over
networks) and by score."""

from __future__ import annotations

from sentinelle.score.review_order import by_information, by_score, information, uncertainty

THRESHOLDS = {"minor": 0.9, "control": 0.1, "recruitment": 0.5}


def _row(pk, minor, control, recruitment=0.0, network=None):
    return {"pk": pk, "score_minor": minor, "score_control": control,
            "score_recruitment": recruitment, "network_id": network}  # fmt: skip


def test_uncertainty_peaks_at_each_labels_own_threshold():
    assert uncertainty(0.9, 0.9) == 1.0
    assert uncertainty(0.5, 0.9) < uncertainty(0.85, 0.9)
    assert uncertainty(0.1, 0.1) == 1.0 and uncertainty(0.5, 0.1) < 0.5
    # 0.5 is not "uncertain" for a label whose threshold is 0.9.
    assert information(_row(1, 0.5, 0.0), THRESHOLDS) < information(_row(2, 0.88, 0.0), THRESHOLDS)


def test_picks_spread_over_networks():
    rows = [_row(i, 0.9, 0.0, network="n-big") for i in range(10)]
    rows += [_row(100 + i, 0.8, 0.0, network=f"n-{i}") for i in range(5)]
    picked = by_information(rows, THRESHOLDS, 6)
    networks = [row["network_id"] for row in picked]
    assert networks.count("n-big") <= 2
    assert picked[0]["network_id"] == "n-big" and picked[0]["information"] == 1.0


def test_by_score_reads_down_one_label():
    rows = [_row(1, 0.2, 0.9), _row(2, 0.95, 0.1), _row(3, 0.5, 0.5), _row(4, None, None)]
    assert [row["pk"] for row in by_score(rows, "minor", 3)] == [2, 3, 1]
    assert [row["pk"] for row in by_score(rows, "control", 1)] == [1]
