from sentinelle.link.itinerary import itinerary, moves_per_month


def test_stays_follow_time_and_start_when_the_city_changes():
    visits = [
        (30.0, "t30", "Dijon", "21"),
        (10.0, "t10", "Lyon", "69"),
        (20.0, "t20", "Lyon", None),
        (25.0, "t25", None, None),
        (40.0, "t40", "Lyon", "69"),
    ]
    stays = itinerary(visits)
    assert [(s.city, s.arrived, s.left, s.posts) for s in stays] == [
        ("Lyon", "t10", "t20", 2),
        ("Dijon", "t30", "t30", 1),
        ("Lyon", "t40", "t40", 1),
    ]
    assert moves_per_month(stays, 0.0, 60 * 86400.0) == 1.0
