"""Message templates: the national numbers are mandatory, placeholders are known and filled."""

from __future__ import annotations

import pytest

from sentinelle.errors import SentinelleError
from sentinelle.outreach.messages import DEFAULT_TEMPLATES, check_template, fill

NUMBERS = "Appelle le 119, SMS au 114, ou le 17."


def test_the_default_templates_pass_their_own_check():
    for _name, _purpose, body in DEFAULT_TEMPLATES:
        assert check_template(body) == body


@pytest.mark.parametrize("missing", ["119", "114", "17"])
def test_a_message_without_a_national_number_is_refused(missing):
    body = "Bonjour {prenom}. " + NUMBERS.replace(missing, "")
    with pytest.raises(SentinelleError, match=f"missing: {missing} "):
        check_template(body)


def test_a_number_inside_a_longer_number_does_not_count():
    with pytest.raises(SentinelleError, match="17"):
        check_template("Appelle le 119, SMS au 114, ou le 0170000000.")


def test_an_unknown_placeholder_is_refused():
    with pytest.raises(SentinelleError, match=r"\{nom\}"):
        check_template("Bonjour {nom}. " + NUMBERS)


def test_fill_replaces_placeholders_without_format_syntax():
    text = fill("Bonjour {prenom}, à {ville} : {service}. {0} " + NUMBERS, "Léa", "Lyon", "CMP")
    assert text.startswith("Bonjour Léa, à Lyon : CMP. {0} ")


def test_fill_without_a_first_name_stays_polite():
    assert fill("Bonjour {prenom}, " + NUMBERS, None, None, None).startswith("Bonjour, ")
