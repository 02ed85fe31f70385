"""E-certificates (电子证照) copied from the e-licence library, the family links that let a
relative show one, every verification (the trail the resident reads) and the redeemed
presentation ids of the embedded default.

Personal data never sits in the clear: field values and names are sealed with the PII
cipher (backend/platform/crypto.py), and people are found by the blind index of their ID
number, the same index identity keeps for residents. `ref` columns are random opaque
references: they are what a presentation token carries, never an id or a number.
"""

from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model

from backend.matters.models import ECertificateKind


class CertificateStatus(str, Enum):
    VALID = "VALID"  # 有效
    EXPIRED = "EXPIRED"  # 已过期 (past its validity)
    REVOKED = "REVOKED"  # 已注销 / 已吊销


class Relation(str, Enum):
    """How a person is linked to a certificate (from the e-licence library)."""

    HOLDER = "HOLDER"  # 持证人
    PARENT = "PARENT"  # 父母 (on a child's birth certificate)
    SPOUSE = "SPOUSE"  # 配偶 (on the marriage certificate)
    HOUSEHOLD_MEMBER = "HOUSEHOLD_MEMBER"  # 同户成员 (on the hukou booklet)


class VerificationResult(str, Enum):
    SUCCESS = "SUCCESS"
    INVALID = "INVALID"
    EXPIRED = "EXPIRED"
    REVOKED = "REVOKED"
    ALREADY_USED = "ALREADY_USED"


class Certificate(Model):
    """One e-certificate as the library issued it. `status` is the library's, and
    `valid_until` in the past reads as EXPIRED whatever the stored status."""

    id = fields.IntField(primary_key=True)
    ref = fields.CharField(max_length=16, unique=True)
    serial_hash = fields.CharField(max_length=64, unique=True)
    kind = fields.CharEnumField(ECertificateKind, max_length=24)
    holder_hash = fields.CharField(max_length=64, db_index=True)
    holder_name_enc = fields.TextField()
    fields_enc = fields.TextField()
    issuer = fields.CharField(max_length=64)
    valid_from = fields.DateField()
    valid_until = fields.DateField(null=True)
    status = fields.CharEnumField(CertificateStatus, max_length=8)
    status_index = fields.IntField(unique=True)
    digest = fields.CharField(max_length=64)
    synced_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "certificates_certificate"


class CertificateLink(Model):
    """A person linked to a certificate: its holder, or a relative who may show it."""

    id = fields.IntField(primary_key=True)
    ref = fields.CharField(max_length=16, unique=True)
    certificate: fields.ForeignKeyRelation[Certificate] = fields.ForeignKeyField(
        "tongban.Certificate", related_name="links", on_delete=fields.CASCADE
    )
    party_hash = fields.CharField(max_length=64, db_index=True)
    party_name_enc = fields.TextField()
    relation = fields.CharEnumField(Relation, max_length=20)
    active = fields.BooleanField(default=True)

    certificate_id: int

    class Meta:
        table = "certificates_link"
        unique_together = (("certificate", "party_hash"),)


class CertificateView(Model):
    """One verification, accepted or refused: the trail (查看记录). Rows are never deleted
    and only `reported_at` and the sealed note change, when the resident reports it."""

    id = fields.BigIntField(primary_key=True)
    at = fields.DatetimeField()
    clerk_id = fields.IntField(db_index=True)
    centre_id = fields.IntField(null=True, db_index=True)
    matter_id = fields.IntField(null=True)
    case_id = fields.IntField(null=True)
    case_number = fields.CharField(max_length=24, null=True)
    result = fields.CharEnumField(VerificationResult, max_length=16)
    reason = fields.CharField(max_length=32, null=True)
    certificate_id = fields.IntField(null=True, db_index=True)
    kind = fields.CharEnumField(ECertificateKind, max_length=24, null=True)
    link_id = fields.IntField(null=True)
    relation = fields.CharEnumField(Relation, max_length=20, null=True)
    holder_resident_id = fields.IntField(null=True, db_index=True)
    presenter_resident_id = fields.IntField(null=True, db_index=True)
    token_id = fields.CharField(max_length=32, null=True)
    disclosed: fields.Field[list[str]] = fields.JSONField(default=list)
    id_number_revealed = fields.BooleanField(default=False)
    reported_at = fields.DatetimeField(null=True)
    report_note_enc = fields.TextField(null=True)

    class Meta:
        table = "certificates_view"


class Redemption(Model):
    """A presentation id that was used (一次一验), when Redis is not configured: the
    primary key makes the second insert fail on every instance sharing the database."""

    token_id = fields.CharField(max_length=32, primary_key=True)
    expires_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "certificates_redemption"
