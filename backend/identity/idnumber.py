"""Resident ID numbers (公民身份号码) per GB 11643-1999.

18 characters: a 6-digit address code (GB/T 2260), an 8-digit birth date (YYYYMMDD) that
exists, a 3-digit sequence (odd for men, even for women; never 000), and a check character
by ISO 7064 MOD 11-2 ('0'-'9' or 'X'; a lower-case 'x' is accepted and stored upper-case).
Each faulty part has its own error code. Messages never repeat the number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from backend.platform.clock import now
from backend.platform.errors import DomainError, ErrorCode

LENGTH = 18
WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))  # 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
CHECK_CHARACTERS = "10X98765432"  # indexed by (sum of weighted digits) mod 11
EARLIEST_BIRTH = date(1900, 1, 1)
# GB/T 2260 provinces; 81/82/83 are the residence permits of Hong Kong, Macao and Taiwan.
PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 81 82 83".split()
)
PERMIT_PROVINCES = frozenset({"81", "82", "83"})
_SHAPE = re.compile(r"^\d{17}[\dX]$")
FIELD = "idNumber"


@dataclass(frozen=True)
class IdNumber:
    value: str

    @property
    def address_code(self) -> str:
        return self.value[:6]

    @property
    def birth_date(self) -> date:
        return date(int(self.value[6:10]), int(self.value[10:12]), int(self.value[12:14]))

    @property
    def sequence(self) -> str:
        return self.value[14:17]

    @property
    def masked(self) -> str:
        return mask_id_number(self.value)

    def __repr__(self) -> str:  # never print the number, even by accident
        return f"IdNumber({self.masked})"

    __str__ = __repr__


def check_character(first17: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARACTERS[total % 11]


def mask_id_number(value: str) -> str:
    """310101********123X: the address code and the last four, nothing of the birth date."""
    if len(value) != LENGTH:
        return "*" * len(value)
    return f"{value[:6]}{'*' * 8}{value[14:]}"


def _fail(code: ErrorCode, message: str) -> DomainError:
    return DomainError(code, message, FIELD)


def parse_id_number(raw: str, *, today: date | None = None) -> IdNumber:
    text = unicodedata.normalize("NFKC", raw).replace(" ", "").strip().upper()
    if len(text) != LENGTH:
        hint = "不再受理 15 位的第一代身份证号码，" if len(text) == 15 else ""
        raise _fail(ErrorCode.ID_NUMBER_INVALID_LENGTH, f"{hint}身份证号码应为 18 位。")
    if not _SHAPE.match(text):
        raise _fail(
            ErrorCode.ID_NUMBER_INVALID_CHARACTERS,
            "身份证号码前 17 位应为数字，最后一位为数字或 X。",
        )
    province, rest = text[:2], text[2:6]
    if province not in PROVINCES or (rest == "0000" and province not in PERMIT_PROVINCES):
        raise _fail(ErrorCode.ID_NUMBER_INVALID_ADDRESS_CODE, "身份证号码的地址码（前 6 位）无效。")
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        born = None
    if born is None or not (EARLIEST_BIRTH <= born <= (today or now().date())):
        raise _fail(
            ErrorCode.ID_NUMBER_INVALID_BIRTH_DATE,
            "身份证号码的出生日期（第 7–14 位）不是有效日期。",
        )
    if text[14:17] == "000":
        raise _fail(ErrorCode.ID_NUMBER_INVALID_SEQUENCE, "身份证号码的顺序码（第 15–17 位）无效。")
    if check_character(text[:17]) != text[17]:
        raise _fail(
            ErrorCode.ID_NUMBER_INVALID_CHECKSUM,
            "身份证号码校验位不正确，请检查是否输错。",
        )
    return IdNumber(text)


def make_id_number(address_code: str, born: date, sequence: int) -> str:
    """A number with a correct check character (for seed data and tests)."""
    first17 = f"{address_code}{born:%Y%m%d}{sequence:03d}"
    return first17 + check_character(first17)
