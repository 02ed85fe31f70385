"""What each kind of e-certificate holds: its fields in a fixed order (a presentation
token names the disclosed ones as a bitmask over this order), their Chinese labels, how a
value is masked, and which fields the holder cannot hide."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from backend.certificates.models import CertificateStatus, Relation, VerificationResult
from backend.identity.idnumber import mask_id_number
from backend.identity.personal import mask_name
from backend.matters.models import ECertificateKind


class Sensitivity(str, Enum):
    NAME = "NAME"
    ID_NUMBER = "ID_NUMBER"
    ADDRESS = "ADDRESS"
    NUMBER = "NUMBER"
    PLAIN = "PLAIN"


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    sensitivity: Sensitivity = Sensitivity.PLAIN
    required: bool = False  # always disclosed: the holder cannot hide it


S = Sensitivity
FIELDS: dict[ECertificateKind, tuple[FieldSpec, ...]] = {
    ECertificateKind.ID_CARD: (
        FieldSpec("name", "姓名", S.NAME, required=True),
        FieldSpec("sex", "性别"),
        FieldSpec("ethnicity", "民族"),
        FieldSpec("birth_date", "出生日期"),
        FieldSpec("address", "住址", S.ADDRESS),
        FieldSpec("id_number", "公民身份号码", S.ID_NUMBER, required=True),
    ),
    ECertificateKind.RESIDENCE_PERMIT: (
        FieldSpec("name", "姓名", S.NAME, required=True),
        FieldSpec("sex", "性别"),
        FieldSpec("birth_date", "出生日期"),
        FieldSpec("id_number", "公民身份号码", S.ID_NUMBER, required=True),
        FieldSpec("address", "居住地址", S.ADDRESS),
        FieldSpec("permit_number", "居住证编号", S.NUMBER),
    ),
    ECertificateKind.BIRTH_CERTIFICATE: (
        FieldSpec("name", "新生儿姓名", S.NAME, required=True),
        FieldSpec("sex", "性别"),
        FieldSpec("birth_date", "出生日期"),
        FieldSpec("birth_place", "出生地点", S.ADDRESS),
        FieldSpec("mother_name", "母亲姓名", S.NAME),
        FieldSpec("father_name", "父亲姓名", S.NAME),
        FieldSpec("certificate_number", "出生医学证明编号", S.NUMBER, required=True),
    ),
    ECertificateKind.HUKOU_BOOKLET: (
        FieldSpec("householder", "户主姓名", S.NAME, required=True),
        FieldSpec("household_number", "户号", S.NUMBER, required=True),
        FieldSpec("household_type", "户别"),
        FieldSpec("address", "住址", S.ADDRESS),
        FieldSpec("members", "户内成员", S.NAME),
    ),
    ECertificateKind.MARRIAGE_CERTIFICATE: (
        FieldSpec("name", "持证人", S.NAME, required=True),
        FieldSpec("spouse_name", "配偶", S.NAME, required=True),
        FieldSpec("registration_date", "登记日期"),
        FieldSpec("certificate_number", "结婚证字号", S.NUMBER, required=True),
        FieldSpec("id_number", "持证人身份证件号", S.ID_NUMBER),
        FieldSpec("spouse_id_number", "配偶身份证件号", S.ID_NUMBER),
    ),
}

KIND_NAMES = {
    ECertificateKind.ID_CARD: "居民身份证",
    ECertificateKind.RESIDENCE_PERMIT: "上海市居住证",
    ECertificateKind.BIRTH_CERTIFICATE: "出生医学证明",
    ECertificateKind.HUKOU_BOOKLET: "居民户口簿",
    ECertificateKind.MARRIAGE_CERTIFICATE: "结婚证",
}
# Short codes in the token (it must stay small enough for a QR code read at arm's length).
KIND_CODES = {
    ECertificateKind.ID_CARD: "ID",
    ECertificateKind.RESIDENCE_PERMIT: "RP",
    ECertificateKind.BIRTH_CERTIFICATE: "BC",
    ECertificateKind.HUKOU_BOOKLET: "HK",
    ECertificateKind.MARRIAGE_CERTIFICATE: "MC",
}
KINDS_BY_CODE = {code: kind for kind, code in KIND_CODES.items()}
STATUS_NAMES = {
    CertificateStatus.VALID: "有效",
    CertificateStatus.EXPIRED: "已过期",
    CertificateStatus.REVOKED: "已注销",
}
RELATION_NAMES = {
    Relation.HOLDER: "本人",
    Relation.PARENT: "父母代亮",
    Relation.SPOUSE: "配偶代亮",
    Relation.HOUSEHOLD_MEMBER: "同户成员代亮",
}
RESULT_NAMES = {
    VerificationResult.SUCCESS: "核验通过",
    VerificationResult.INVALID: "无效证照码",
    VerificationResult.EXPIRED: "已过期",
    VerificationResult.REVOKED: "证照已注销",
    VerificationResult.ALREADY_USED: "证照码已使用",
}


def field_spec(kind: ECertificateKind, key: str) -> FieldSpec | None:
    return next((f for f in FIELDS[kind] if f.key == key), None)


def mask_value(spec: FieldSpec, value: str) -> str:
    """How someone who may not see it in full sees a value (the list of my certificates,
    a clerk whose matter does not need the ID number)."""
    if not value:
        return value
    match spec.sensitivity:
        case Sensitivity.NAME:
            return "、".join(mask_name(part) for part in value.split("、"))
        case Sensitivity.ID_NUMBER:
            return mask_id_number(value)
        case Sensitivity.ADDRESS:
            return value[:6] + "*" * min(8, max(len(value) - 6, 0))
        case Sensitivity.NUMBER:
            return value[:2] + "*" * max(len(value) - 4, 0) + value[-2:]
        case Sensitivity.PLAIN:
            return value


def disclosure_mask(kind: ECertificateKind, keys: list[str]) -> int:
    wanted = set(keys)
    return sum(1 << i for i, spec in enumerate(FIELDS[kind]) if spec.key in wanted)


def disclosed_keys(kind: ECertificateKind, mask: int) -> list[str]:
    return [spec.key for i, spec in enumerate(FIELDS[kind]) if mask & (1 << i)]
