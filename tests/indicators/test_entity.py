from sentinelle.indicators.entity import entity_indicators
from sentinelle.indicators.indicator import Indicator
from sentinelle.records import Extraction, PhoneHit, Post


def post(number: int, author: str, city: str) -> Post:
    return Post(
        "site", str(number), "ad", "dispo", "2024-03-01T10:00:00+01:00", city=city, author=author
    )


def test_one_number_under_several_names_and_cities():
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    posts = [post(1, "Léa", "Lyon"), post(2, "Nour", "Lille"), post(3, "Inès", "Metz")]
    found, facts = entity_indicators(posts, [phone] * 3, [[], [], []])
    codes = {indicator.code for indicator in found[0]}
    assert codes == {"control.shared_contact", "control.many_cities"}
    assert facts[0]["contact.names"] == 3 and facts[0]["contact.posts"] == 3


def test_independent_reposting_under_one_name_is_not_shared_contact():
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    posts = [post(n, "Léa", "Lyon") for n in range(4)]
    found, facts = entity_indicators(posts, [phone] * 4, [[]] * 4)
    assert found == [[], [], [], []]
    assert facts[0]["contact.names"] == 1


def authored(number: int, author: str, text: str) -> Post:
    return Post(
        "site", str(number), "ad", text, "2024-03-01T10:00:00+01:00", city="Lyon", author=author
    )


def test_one_womans_accounts_under_her_first_name_are_one_author():
    """ "ana9439", "ana_3433", "ana-off7302": one independent's accounts, not a shared phone."""
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    authors = ("ana9439", "ana_3433", "Ana-off7302")
    posts = [authored(n, author, "Ana dispo") for n, author in enumerate(authors)]
    found, facts = entity_indicators(posts, [phone] * 3, [[]] * 3)
    assert "control.shared_contact" not in {i.code for row in found for i in row}
    assert facts[0]["contact.authors"] == 1  # the model's fact reads them as one too
    assert facts[0]["contact.names"] == 3  # as models trained before read it


def test_accounts_of_other_names_or_none_still_share_the_contact():
    """A first name inside a longer one is not hers ("anais"), nor an account with no name."""
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    authors = ("ana9439", "anais_3433", "vip4467")
    posts = [authored(n, author, "Ana dispo") for n, author in enumerate(authors)]
    found, _ = entity_indicators(posts, [phone] * 3, [[]] * 3)
    assert all("control.shared_contact" in {i.code for i in row} for row in found)
    posts = [
        authored(n, f"{name.lower()}{n}", f"{name} dispo")
        for n, name in enumerate(("Léa", "Nour", "Inès"))
    ]
    found, _ = entity_indicators(posts, [phone] * 3, [[]] * 3)
    assert all("control.shared_contact" in {i.code for i in row} for row in found)


def test_contact_that_also_recruits():
    handle = Extraction(handles=["snapchat:resa_77"])
    recruit = [Indicator("recruitment.call_for_recruits", "on recrute")]
    found, _ = entity_indicators(
        [post(1, "a", "Lyon"), post(2, "b", "Lyon")], [handle] * 2, [recruit, []]
    )
    assert [i.code for i in found[1]] == ["recruitment.same_handle"]
    assert found[0] == []


def named_post(number: int, text: str) -> Post:
    return Post("site", str(number), "ad", text, "2024-03-01T10:00:00+01:00", city="Lyon")


def test_one_contact_under_several_first_names_is_several_personas():
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    posts = [named_post(1, "Léa dispo"), named_post(2, "Nour dispo"), named_post(3, "Léa ici")]
    found, facts = entity_indicators(posts, [phone] * 3, [[], [], []])
    assert "control.several_personas" in {i.code for i in found[0]}
    assert facts[0]["contact.personas"] == 2


def test_one_first_name_under_one_contact_is_one_person():
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    posts = [named_post(n, "Léa dispo") for n in range(3)]
    found, _ = entity_indicators(posts, [phone] * 3, [[], [], []])
    assert all("control.several_personas" not in {i.code for i in row} for row in found)


def test_a_stated_minor_age_is_read_for_the_same_first_name_only():
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    posts = [named_post(1, "Léa 16 ans"), named_post(2, "Léa dispo"), named_post(3, "Nour dispo")]
    stated = [Indicator("age.stated_minor", "16 ans")]
    found, facts = entity_indicators(posts, [phone] * 3, [stated, [], []])
    assert "persona.stated_minor" in {i.code for i in found[1]}
    assert facts[1]["persona.stated_minor"] == 1 and facts[1]["persona.minor_share"] == 1.0
    assert "persona.stated_minor" not in {i.code for i in found[2]}
    assert "persona.stated_minor" not in {i.code for i in found[0]}  # its own age says it


def test_a_minor_cue_is_read_for_the_same_first_name_only_when_it_repeats():
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    cue = [Indicator("youth.language", "toute jeune")]
    # Léa: two of her three other ads carry a youth word; Nina: one of her nine
    lea = [named_post(n, "Léa dispo") for n in range(4)]
    nina = [named_post(10 + n, "Nina dispo") for n in range(10)]
    fired = [cue, cue, [], []] + [cue] + [[]] * 9
    found, _ = entity_indicators(lea + nina, [phone] * 14, fired)
    assert "network.minor_cue" in {i.code for i in found[3]}
    assert all("network.minor_cue" not in {i.code for i in row} for row in found[4:])


def test_the_linkers_network_counts_first_names_across_contacts():
    """Two ads with different phones, one network: several first names behind one group."""
    phones = [
        Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")]),
        Extraction(phones=[PhoneHit("+33698765432", "06 98 76 54 32")]),
    ]
    posts = [named_post(1, "Léa dispo"), named_post(2, "Nour dispo")]
    alone, _ = entity_indicators(posts, phones, [[], []])
    assert all("control.several_personas" not in {i.code for i in row} for row in alone)
    linked, facts = entity_indicators(posts, phones, [[], []], ["n7", "n7"])
    (cue,) = [i for i in linked[0] if i.code == "control.several_personas"]
    assert cue.evidence == "network n7: 2 first names"
    assert facts[0]["contact.personas"] == 1  # the network is not a contact


def test_persona_names_lists_every_first_name_in_order():
    from sentinelle.indicators.entity import persona_names, persona_of

    duo = named_post(1, "Léa et Nina, dispo ensemble")
    assert persona_names(duo) == ["Léa", "Nina"]
    assert persona_of(duo) == "Léa"
    assert persona_names(named_post(2, "Coucou, je suis Ruxandra")) == ["Ruxandra"]
    assert persona_names(named_post(3, "dispo ce soir")) == []


def test_presents_several_reads_plural_words_or_two_names_with_two_ages():
    from sentinelle.indicators.entity import presents_several
    from sentinelle.records import StatedAge

    two_ages = Extraction(
        stated_ages=[StatedAge(19, "19 et 22 ans"), StatedAge(22, "19 et 22 ans")]
    )
    one_age = Extraction(stated_ages=[StatedAge(22, "22 ans")])
    assert presents_several(named_post(1, "Léa et Nina, 19 et 22 ans"), two_ages)
    assert presents_several(named_post(2, "2 copines dispo à Lyon"), Extraction())
    # two first names joined, one age: a duo still
    assert presents_several(named_post(5, "ici c'est Nina & Ana, née en 2006"), one_age)
    assert presents_several(named_post(6, "Nina 22 ans, à deux possible"), one_age)
    assert not presents_several(named_post(7, "Nina 22 ans, à deux pas de la gare"), one_age)
    # a first name with her age and the man who answers: one person offered
    assert not presents_several(named_post(3, "Léa 22 ans, c'est Kevin qui répond"), one_age)
    assert not presents_several(named_post(4, "Léa 16 ans dispo"), one_age)


def test_a_multi_person_ad_is_left_out_of_persona_facts():
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    duo = named_post(1, "2 copines Léa et Nina 16 ans dispo")
    several = [
        Indicator("age.stated_minor", "16 ans"),
        Indicator("control.several_persons", "2 copines"),
    ]
    posts = [duo, named_post(2, "Léa dispo"), named_post(3, "Léa ici")]
    found, facts = entity_indicators(posts, [phone] * 3, [several, [], []])
    # the "16 ans" may be Nina's: Léa's own ads are not read as a minor's
    assert "persona.stated_minor" not in {i.code for i in found[1]}
    assert facts[1]["persona.stated_minor"] == 0
    # but the duo still shows two first names behind the contact
    assert "control.several_personas" in {i.code for i in found[1]}


def test_words_of_a_clients_age_are_no_first_name_and_introductions_read_any_case():
    from sentinelle.indicators.entity import persona_names

    assert persona_names(named_post(1, "Je m'appelle Ruxandra. Clients 30 ans minimum.")) == [
        "Ruxandra"
    ]
    assert persona_names(named_post(2, "Tarif fixe. Messieurs 40 ans et plus.")) == []


def test_a_multi_person_ad_reads_the_facts_of_each_first_name_it_gives():
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    stated = [Indicator("age.stated_minor", "16 ans")]
    posts = [named_post(1, "Nina 16 ans"), named_post(2, "Léa et Nina, duo")]
    fired = [stated, [Indicator("control.several_persons", "duo")]]
    found, facts = entity_indicators(posts, [phone] * 2, fired)
    assert "persona.stated_minor" in {i.code for i in found[1]}
    assert facts[1]["persona.stated_minor"] == 1


def test_contactless_posts_tied_by_wording_are_not_several_personas():
    """Posts without a contact that the linker tied by their wording are as often
    independents using a common phrasing: their names say nothing of a group. A post of the
    same network that gives a contact still counts."""
    posts = [named_post(1, "Léa dispo"), named_post(2, "Nour dispo"), named_post(3, "Inès dispo")]
    none = [Extraction(), Extraction(), Extraction()]
    found, _ = entity_indicators(posts, none, [[], [], []], ["n8"] * 3)
    assert all("control.several_personas" not in {i.code for i in row} for row in found)
    with_contacts = [
        Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")]),
        Extraction(handles=["snapchat:resa_77"]),
        Extraction(),
    ]
    found, _ = entity_indicators(posts, with_contacts, [[], [], []], ["n8"] * 3)
    assert "control.several_personas" in {i.code for i in found[2]}


def test_a_first_name_joined_to_an_unknown_one_presents_several_people():
    from sentinelle.extract import extract_post
    from sentinelle.indicators.entity import presents_several
    from sentinelle.records import Post

    def ad(text: str) -> Post:
        return Post(source="s", id="1", kind="ad", text=text, posted_at="2024-01-01T00:00:00+00:00")

    duo = ad("Re!! née en 2009, Célia & Manon à votre écoute à Tarbes")
    assert presents_several(duo, extract_post(duo))
    alone = ad("Manon à votre écoute à Tarbes, 22 ans, R&B en fond")
    assert not presents_several(alone, extract_post(alone))


def test_an_agency_handle_on_one_ad_is_read_for_the_ads_sharing_its_phone():
    phone = PhoneHit("+33612345678", "06 12 34 56 78")
    with_handle = Extraction(phones=[phone], handles=["snapchat:vip_lyon42"])
    posts = [named_post(1, "Léa dispo"), named_post(2, "Léa ici"), named_post(3, "Nour ici")]
    agency = [Indicator("control.agency_handle", "snapchat:v••••2")]
    extractions = [with_handle, Extraction(phones=[phone]), Extraction()]
    found, _ = entity_indicators(posts, extractions, [agency, [], []])
    (lent,) = [i for i in found[1] if i.code == "control.agency_handle"]
    assert "in another ad" in lent.evidence and "+33612345678" not in lent.evidence
    assert all(i.code != "control.agency_handle" for i in found[0] + found[2])


def test_a_post_without_a_contact_borrows_no_agency_handle_through_its_network():
    with_handle = Extraction(handles=["snapchat:vip_lyon42"])
    posts = [named_post(1, "Léa dispo"), named_post(2, "Léa ici")]
    agency = [Indicator("control.agency_handle", "snapchat:v••••2")]
    found, _ = entity_indicators(
        posts, [with_handle, Extraction()], [agency, []], network_ids=["n1", "n1"]
    )
    assert all(i.code != "control.agency_handle" for i in found[1])


def test_a_handle_holding_a_first_name_is_a_persons_own_not_an_agencys():
    from sentinelle.indicators.matcher import match_indicators

    own = Extraction(handles=["instagram:jessica_vip4243"])
    agency = Extraction(handles=["instagram:vip_lyon4243"])
    assert "control.agency_handle" not in {i.code for i in match_indicators("dispo", own)}
    assert "control.agency_handle" in {i.code for i in match_indicators("dispo", agency)}


def photo_post(number: int, text: str, photos: tuple[str, ...]) -> Post:
    return Post(
        "site", str(number), "ad", text, "2024-03-01T10:00:00+01:00", city="Lyon",
        image_phashes=photos,
    )  # fmt: skip


def test_first_names_on_the_same_photos_are_one_person_renaming_her_ads():
    """An independent's "Léa" then "Lola" on her own pictures is one person; two names on
    pictures of their own behind one number are two people."""
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    renamed = [
        photo_post(1, "Léa dispo", ("a1b2c3d4e5f60718", "0f1e2d3c4b5a6978")),
        photo_post(2, "Lola dispo", ("0f1e2d3c4b5a6978",)),
    ]
    found, _ = entity_indicators(renamed, [phone] * 2, [[], []])
    assert all("control.several_personas" not in {i.code for i in row} for row in found)
    # the same photo re-uploaded: its hash two bits apart
    reuploaded = [
        photo_post(1, "Léa dispo", ("a1b2c3d4e5f60718",)),
        photo_post(2, "Lola dispo", ("a1b2c3d4e5f6071b",)),
    ]
    found, _ = entity_indicators(reuploaded, [phone] * 2, [[], []])
    assert all("control.several_personas" not in {i.code for i in row} for row in found)
    two = [
        photo_post(1, "Léa dispo", ("a1b2c3d4e5f60718",)),
        photo_post(2, "Nour dispo", ("99887766554433aa",)),
    ]
    found, _ = entity_indicators(two, [phone] * 2, [[], []])
    assert "control.several_personas" in {i.code for i in found[0]}


def test_the_personas_feature_counts_persons_not_first_names():
    """The model's `contact.personas` reads what the indicator reads: names on one photo are
    one person."""
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    renamed = [
        photo_post(1, "Léa dispo", ("a1b2c3d4e5f60718",)),
        photo_post(2, "Lola dispo", ("a1b2c3d4e5f6071b",)),
    ]
    _, facts = entity_indicators(renamed, [phone] * 2, [[], []])
    assert [row["contact.personas"] for row in facts] == [1, 1]
    two = [
        photo_post(1, "Léa dispo", ("a1b2c3d4e5f60718",)),
        photo_post(2, "Nour dispo", ("99887766554433aa",)),
    ]
    _, facts = entity_indicators(two, [phone] * 2, [[], []])
    assert [row["contact.personas"] for row in facts] == [2, 2]
