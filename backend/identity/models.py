"""Who people are, how they sign in, and the sessions they hold.

Personal data is never stored in the clear: `*_enc` columns hold AES-GCM sealed values
(backend.platform.crypto), `*_hash` columns the keyed blind index used for lookup and
uniqueness. One-time codes and refresh tokens are stored as hashes only.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.centres.models import Centre


class StaffRole(str, Enum):
    CLERK = "CLERK"  # 受理员, at one centre
    CENTRE_HEAD = "CENTRE_HEAD"  # 中心负责人, a clerk who heads the centre
    ADMIN = "ADMIN"  # city-wide


class SessionSubject(str, Enum):
    RESIDENT = "RESIDENT"
    STAFF = "STAFF"


class Resident(Model):
    id = fields.IntField(primary_key=True)
    phone_hash = fields.CharField(max_length=64, unique=True)
    phone_enc = fields.TextField()
    real_name_enc = fields.TextField(null=True)
    id_number_enc = fields.TextField(null=True)
    # One verified account per ID number.
    id_number_hash = fields.CharField(max_length=64, unique=True, null=True)
    verified_at = fields.DatetimeField(null=True)
    # 户籍地: the centre of the street or town of the household registration, from the
    # registry at verification; null when it is not in Shanghai or not known. 收受分离
    # cases are accepted there.
    household_centre: fields.ForeignKeyNullableRelation[Centre] = fields.ForeignKeyField(
        "tongban.Centre", related_name="household_residents", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    last_login_at = fields.DatetimeField(null=True)
    # 注销账号: phone, name and ID number erased, the row kept (cases and bookings name it
    # by id only). The phone hash is replaced by a random marker, so the number is free.
    erased_at = fields.DatetimeField(null=True)

    household_centre_id: int | None

    class Meta:
        table = "identity_resident"


class StaffAccount(Model):
    id = fields.IntField(primary_key=True)
    username = fields.CharField(max_length=32, unique=True)
    password_hash = fields.CharField(max_length=255)
    display_name = fields.CharField(max_length=32)
    role = fields.CharEnumField(StaffRole, max_length=16)
    # Clerks and centre heads belong to one centre; admins to none.
    centre: fields.ForeignKeyNullableRelation[Centre] = fields.ForeignKeyField(
        "tongban.Centre", related_name="staff", null=True, on_delete=fields.RESTRICT
    )
    active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_login_at = fields.DatetimeField(null=True)

    centre_id: int | None

    class Meta:
        table = "identity_staff"
        ordering = ["username"]


class LoginCode(Model):
    """A one-time sign-in code sent by SMS. Only the newest one for a phone counts."""

    id = fields.BigIntField(primary_key=True)
    phone_hash = fields.CharField(max_length=64, db_index=True)
    code_hash = fields.CharField(max_length=64)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    attempts = fields.IntField(default=0)
    consumed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "identity_login_code"


class AuthSession(Model):
    """One sign-in on one device: the family of its rotating refresh tokens."""

    id = fields.UUIDField(primary_key=True)
    subject = fields.CharEnumField(SessionSubject, max_length=8)
    resident: fields.ForeignKeyNullableRelation[Resident] = fields.ForeignKeyField(
        "tongban.Resident", related_name="sessions", null=True, on_delete=fields.CASCADE
    )
    staff: fields.ForeignKeyNullableRelation[StaffAccount] = fields.ForeignKeyField(
        "tongban.StaffAccount", related_name="sessions", null=True, on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    revoked_reason = fields.CharField(max_length=32, null=True)

    resident_id: int | None
    staff_id: int | None

    class Meta:
        table = "identity_session"


class RefreshToken(Model):
    id = fields.BigIntField(primary_key=True)
    session: fields.ForeignKeyRelation[AuthSession] = fields.ForeignKeyField(
        "tongban.AuthSession", related_name="refresh_tokens", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    # Set when the token is exchanged; presenting it again revokes the whole session.
    used_at = fields.DatetimeField(null=True)

    session_id: str

    class Meta:
        table = "identity_refresh_token"


class PopulationRecord(Model):
    """The embedded population registry (人口库) stand-in: keyed hashes only, no clear text."""

    id = fields.IntField(primary_key=True)
    id_number_hash = fields.CharField(max_length=64, unique=True)
    name_hash = fields.CharField(max_length=64)
    # The centre code of the household registration's street or town (户籍地), if in Shanghai.
    household_centre_code = fields.CharField(max_length=16, null=True)

    class Meta:
        table = "identity_population_record"


class SmsOutbox(Model):
    """Messages of the development SMS adapter. No real SMS is ever sent from here."""

    id = fields.BigIntField(primary_key=True)
    phone_hash = fields.CharField(max_length=64, db_index=True)
    phone_enc = fields.TextField()
    template = fields.CharField(max_length=32)
    # Sealed too: it holds a sign-in code, and SQL debug logs would otherwise show it.
    body_enc = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "identity_sms_outbox"
        ordering = ["-id"]


class ConsentChannel(str, Enum):
    APP = "APP"  # the resident's own session (the PWA)
    CLIENT = "CLIENT"  # a third-party app acting for the resident


class ConsentRecord(Model):
    """One acceptance of one version of a legal document by a resident. Only inserted."""

    id = fields.BigIntField(primary_key=True)
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tongban.Resident", related_name="consents", on_delete=fields.RESTRICT
    )
    document = fields.CharField(max_length=32)
    version = fields.CharField(max_length=16)
    channel = fields.CharEnumField(ConsentChannel, max_length=8)
    accepted_at = fields.DatetimeField()

    resident_id: int

    class Meta:
        table = "identity_consent"
        ordering = ["-id"]
        indexes = (("resident_id", "document"),)


class PhoneRef(Model):
    """The random name a phone goes by in the audit log. Deleted when the account is
    erased, which leaves the log's entries about that phone without any link to it."""

    id = fields.IntField(primary_key=True)
    phone_hash = fields.CharField(max_length=64, unique=True)
    ref = fields.CharField(max_length=16, unique=True)

    class Meta:
        table = "identity_phone_ref"
