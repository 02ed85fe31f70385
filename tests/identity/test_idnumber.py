"""GB 11643-1999 resident ID numbers: each faulty part has its own code."""

from __future__ import annotations

from datetime import date

import pytest

from backend.identity.idnumber import (
    check_character,
    make_id_number,
    mask_id_number,
    parse_id_number,
)
from backend.platform.errors import DomainError, ErrorCode

TODAY = date(2026, 11, 22)


def _code(raw: str) -> ErrorCode:
    with pytest.raises(DomainError) as caught:
        parse_id_number(raw, today=TODAY)
    assert caught.value.field == "idNumber"
    assert raw.strip() not in caught.value.message or not raw.strip()
    return caught.value.code


def test_the_standard_example_checks_out() -> None:
    # The worked example of GB 11643-1999, Appendix: 11010519491231002X.
    assert check_character("11010519491231002") == "X"
    parsed = parse_id_number("11010519491231002X", today=TODAY)
    assert parsed.birth_date == date(1949, 12, 31)
    assert parsed.address_code == "110105" and parsed.sequence == "002"


def test_lower_case_x_full_width_and_spaces_are_accepted() -> None:
    assert parse_id_number("11010519491231002x", today=TODAY).value == "11010519491231002X"
    assert (
        parse_id_number("１１０１０５１９４９１２３１００２Ｘ", today=TODAY).value
        == "11010519491231002X"
    )
    assert parse_id_number(" 110105 19491231 002X ", today=TODAY).value == "11010519491231002X"


def test_check_character_covers_every_remainder() -> None:
    seen = {make_id_number("310101", date(1990, 1, 1), s)[-1] for s in range(1, 200)}
    assert seen == set("0123456789X")
    for sequence in range(1, 200):
        number = make_id_number("310101", date(1990, 1, 1), sequence)
        assert parse_id_number(number, today=TODAY).value == number


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", ErrorCode.ID_NUMBER_INVALID_LENGTH),
        ("1101051949123100", ErrorCode.ID_NUMBER_INVALID_LENGTH),
        ("110105491231002", ErrorCode.ID_NUMBER_INVALID_LENGTH),  # first generation
        ("11010519491231002XX", ErrorCode.ID_NUMBER_INVALID_LENGTH),
        ("1101051949123100XX", ErrorCode.ID_NUMBER_INVALID_CHARACTERS),
        ("11010519491231002Y", ErrorCode.ID_NUMBER_INVALID_CHARACTERS),
        ("A10105194912310021", ErrorCode.ID_NUMBER_INVALID_CHARACTERS),
        ("1101051949-231002X", ErrorCode.ID_NUMBER_INVALID_CHARACTERS),
        ("00010519491231002X", ErrorCode.ID_NUMBER_INVALID_ADDRESS_CODE),
        ("99010519491231002X", ErrorCode.ID_NUMBER_INVALID_ADDRESS_CODE),
        ("31000019491231002X", ErrorCode.ID_NUMBER_INVALID_ADDRESS_CODE),  # a province only
        ("11010519490230002X", ErrorCode.ID_NUMBER_INVALID_BIRTH_DATE),
        ("11010520230229002X", ErrorCode.ID_NUMBER_INVALID_BIRTH_DATE),  # not a leap year
        ("11010519491331002X", ErrorCode.ID_NUMBER_INVALID_BIRTH_DATE),
        ("11010518991231002X", ErrorCode.ID_NUMBER_INVALID_BIRTH_DATE),
        ("11010520270101002X", ErrorCode.ID_NUMBER_INVALID_BIRTH_DATE),  # future
        ("11010519491231000X", ErrorCode.ID_NUMBER_INVALID_SEQUENCE),
        ("110105194912310021", ErrorCode.ID_NUMBER_INVALID_CHECKSUM),
        ("110105194912310029", ErrorCode.ID_NUMBER_INVALID_CHECKSUM),
    ],
)
def test_each_faulty_part_has_its_code(raw: str, code: ErrorCode) -> None:
    assert _code(raw) is code


def test_leap_day_and_permit_codes_are_fine() -> None:
    parse_id_number(make_id_number("310101", date(2000, 2, 29), 5), today=TODAY)
    parse_id_number(make_id_number("810000", date(1990, 5, 5), 5), today=TODAY)  # HK permit


def test_masking_hides_the_birth_date() -> None:
    assert mask_id_number("11010519491231002X") == "110105********002X"
    parsed = parse_id_number("11010519491231002X", today=TODAY)
    assert "19491231" not in repr(parsed) and "19491231" not in str(parsed)
