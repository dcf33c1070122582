"""Figures per phenomenon and per phone form: pure parts, then end to end through the CLI."""

from __future__ import annotations

import orjson

from sentinelle.evaluate.phenomena import compare_phenomena, number_class, phone_form


def _post(i: str, network: str | None, phones=(), minor=False, ages=()) -> dict:
    return {
        "source": "s",
        "id": i,
        "phones": list(phones),
        "stated_ages": list(ages),
        "network_id": network,
        "flags": {"minor": minor, "control": False, "recruitment": False},
    }


def _truth(i: str, actor: str, kind: str, phones=(), tags=(), minor=False, ages=()) -> dict:
    return {
        "source": "s",
        "id": i,
        "actor": actor,
        "actor_kind": kind,
        "phones": list(phones),
        "phone_tricks": [[] for _ in phones],
        "handles": [],
        "stated_ages": list(ages),
        "labels": {"minor": minor, "control": kind == "group", "recruitment": False},
        "phenomena": list(tags),
    }


def test_number_classes_and_written_forms() -> None:
    assert number_class("+40721234567") == "foreign"
    assert number_class("+33709450177") == "unallocated"
    assert number_class("+33612345678") == "french"
    assert phone_form("+33612345678", ["spaced_digits"]) == "obfuscated"
    assert phone_form("+33612345678", []) == "plain"


def test_a_shared_template_merge_shows_in_its_phenomenon_only() -> None:
    a, b = "+33612345678", "+33698765432"
    truths = [
        _truth("1", "g1", "group", [a], ["shared_templates"]),
        _truth("2", "g2", "group", [b], ["shared_templates"]),
        _truth("3", "g1", "group", [a]),
        _truth("4", "g2", "group", [b]),
        _truth("5", "i1", "independent", ["+40721234567"], ["foreign_numbers"]),
        _truth("6", "g3", "group", [], ["stated_minor_ages"], minor=True, ages=[15]),
    ]
    exported = {
        ("s", "1"): _post("1", "n1", [a]),
        ("s", "2"): _post("2", "n1", [b]),
        ("s", "3"): _post("3", "n1", [a]),
        ("s", "4"): _post("4", "n1", [b]),
        ("s", "5"): _post("5", None, ["+33612121212"]),
        ("s", "6"): _post("6", None, [], minor=False),
    }
    report = compare_phenomena(exported, truths)
    shared = report["phenomena"]["shared_templates"]["linking"]
    assert shared["pairwise_precision"] == 0.0 and shared["pairwise_recall"] == 1.0
    assert shared["networks_joining_actors_whose_contacts_disagree"] == 1
    assert report["networks_joining_actors_whose_contacts_disagree"]["networks"] == 1
    foreign = report["phones_by_form"]["by_number_class"]["foreign"]
    assert foreign["recall"] == 0.0
    assert report["phones_by_form"]["by_number_class"]["french"]["fp"] == 1
    assert report["phones_by_form"]["false_positive_phones_per_10000_posts"] == round(1e4 / 6, 2)
    assert report["stated_minor_ages_flagged"] == {"posts": 1, "flagged": 0, "rate": 0.0}
    minor = report["phenomena"]["stated_minor_ages"]["scoring"]["minor"]
    assert minor["recall"] == 0.0 and minor["positives"] == 1


def test_stated_ages_per_phenomenon() -> None:
    truths = [
        _truth("1", "i1", "independent", [], ["english_ages"], ages=[16]),
        _truth("2", "i2", "independent", [], ["english_ages"], ages=[17]),
        _truth("3", "i3", "independent", [], ["age_lookalikes"], ages=[25]),
    ]
    exported = {
        ("s", "1"): _post("1", None, ages=[16]),
        ("s", "2"): _post("2", None, ages=[]),
        ("s", "3"): _post("3", None, ages=[25, 16]),
    }
    phenomena = compare_phenomena(exported, truths)["phenomena"]
    english = phenomena["english_ages"]["extraction"]["stated_ages"]
    assert (english["recall"], english["precision"]) == (0.5, 1.0)
    lookalikes = phenomena["age_lookalikes"]["extraction"]["stated_ages"]
    assert (lookalikes["fp"], lookalikes["precision"]) == (1, 0.5)


def test_a_truth_without_phenomena_still_gets_the_overall_sections() -> None:
    truths = [_truth("1", "i1", "independent", ["+33612345678"])]
    for truth in truths:
        del truth["phenomena"]
    report = compare_phenomena({("s", "1"): _post("1", None, ["+33612345678"])}, truths)
    assert "phenomena" not in report
    assert report["phones_by_form"]["recall_by_written_form"]["plain"]["recall"] == 1.0


def test_stress_corpus_end_to_end_through_the_cli(cli, tmp_path) -> None:
    posts, truth, db = tmp_path / "s.jsonl", tmp_path / "t.jsonl", str(tmp_path / "s.db")
    made = cli(
        "demo-data", "--profile", "stress", "--posts", "1500", "--seed", "120",
        "--output", str(posts), "--truth", str(truth), "--knob", "shared_templates=0.05",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert cli("ingest", str(posts), db=db).returncode == 0
    analysed = cli("analyze", db=db)
    assert analysed.returncode == 0, analysed.stderr
    as_json = cli("evaluate", "--truth", str(truth), "--format", "json", db=db)
    assert as_json.returncode == 0, as_json.stderr
    report = orjson.loads(as_json.stdout)
    part = report["by_phenomenon"]
    assert set(part["phones_by_form"]["recall_by_written_form"]) == {
        "plain", "obfuscated", "foreign", "unallocated"
    }  # fmt: skip
    assert part["stated_minor_ages_flagged"]["posts"] > 0
    for name in ("shared_templates", "foreign_numbers", "text_only_groups", "stated_minor_ages"):
        section = part["phenomena"][name]
        assert section["posts"] > 0
        assert {"linking", "extraction", "scoring"} <= set(section)
        assert 0.0 <= section["linking"]["pairwise_precision"] <= 1.0
    assert part["phenomena"]["shared_templates"]["scoring"]["recruitment"]["positives"] > 0
    text = cli("evaluate", "--truth", str(truth), db=db)
    assert text.returncode == 0, text.stderr
    for heading in ("phones by written form", "by phenomenon", "shared_templates", "linking"):
        assert heading in text.stdout.decode()


def test_knobs_need_the_stress_profile_and_valid_names(cli, tmp_path) -> None:
    wrong = cli("demo-data", "--posts", "5", "--knob", "edited_templates=0")
    assert wrong.returncode == 2 and b"--profile stress" in wrong.stderr
    bad = cli("demo-data", "--profile", "stress", "--posts", "5", "--knob", "nope=1")
    assert bad.returncode == 2 and b"nope=1" in bad.stderr


def test_posts_of_a_phenomenon_linked_to_their_actor_elsewhere() -> None:
    """A group's recruitment offers count as linked when they share a network with one of the
    group's ads; an offer alone, or in another group's network, does not."""
    exported = [
        _post("a1", "n-1"), _post("a2", "n-1"), _post("o1", "n-1"), _post("o2", None),
        _post("b1", "n-2"), _post("o3", "n-2"), _post("r1", None),
    ]  # fmt: skip
    truths = [
        _truth("a1", "g1", "group"), _truth("a2", "g1", "group"),
        _truth("o1", "g1", "group", tags=["offer"]), _truth("o2", "g1", "group", tags=["offer"]),
        _truth("b1", "g2", "group"), _truth("o3", "g3", "group", tags=["offer"]),
        _truth("r1", "r1", "recruiter", tags=["offer"]),
    ]  # fmt: skip
    report = compare_phenomena({("s", p["id"]): p for p in exported}, truths)
    linked = report["phenomena"]["offer"]["linking"]["linked_to_own_actor_elsewhere"]
    assert linked == {
        "posts": 2,
        "linked": 1,
        "share": 0.5,
    }  # o1 yes, o2 no; g3, r1 post nowhere else


def test_benign_posters_merged_within_a_phenomenon() -> None:
    # three posters filling one shared offer: two merged with each other, one alone
    truths = [_truth(str(i), f"t{i}", "benign", [], ["contactless_benign"]) for i in range(3)]
    exported = {("s", "0"): _post("0", "n1"), ("s", "1"): _post("1", "n1"),
                ("s", "2"): _post("2", None)}  # fmt: skip
    linking = compare_phenomena(exported, truths)["phenomena"]["contactless_benign"]["linking"]
    assert linking["benign_wrongly_merged"] == round(2 / 3, 4)
    assert linking["independents_wrongly_merged"] == 0.0
