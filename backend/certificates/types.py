from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import strawberry
from strawberry import relay

from backend.centres.loaders import load_centres
from backend.centres.types import Centre
from backend.certificates import access, catalogue, loaders, models, service
from backend.certificates.tokens import Refusal
from backend.graphql.context import Info
from backend.graphql.inputs import text_field
from backend.graphql.payloads import MutationError
from backend.graphql.relay import visible_nodes
from backend.identity.personal import mask_name
from backend.identity.staff import load_accounts
from backend.matters.loaders import load_matters
from backend.matters.models import ECertificateKind
from backend.matters.types import Matter

strawberry.enum(
    models.CertificateStatus,
    description="VALID 有效, EXPIRED 已过期 (past its validity), REVOKED 已注销.",
)
strawberry.enum(
    models.Relation,
    name="CertificateRelation",
    description="How I may show a certificate: HOLDER 本人; PARENT 父母 (a child's birth "
    "certificate); SPOUSE 配偶 (the marriage certificate); HOUSEHOLD_MEMBER 同户成员 "
    "(the hukou booklet). Anything but HOLDER is delegate use (代亮证), and the trail names "
    "both people.",
)
strawberry.enum(
    models.VerificationResult,
    description="The verification's answer, in MOSIP Inji's terms: SUCCESS, INVALID (not a "
    "presentation of ours, tampered, another audience or kind ...), EXPIRED (the code or the "
    "certificate), REVOKED, ALREADY_USED (一次一验: every code verifies once).",
)
strawberry.enum(
    Refusal,
    name="VerificationRefusal",
    description="Why a verification was refused: MALFORMED (not a code), ALGORITHM_REFUSED, "
    "WRONG_TYPE (e.g. a sign-in token), UNKNOWN_KEY, BAD_SIGNATURE, WRONG_AUDIENCE, "
    "TOKEN_EXPIRED, NOT_YET_VALID, LIFETIME_TOO_LONG, BAD_CLAIMS, UNKNOWN_CERTIFICATE, "
    "WRONG_KIND, NO_DELEGATE_LINK (the family link is gone), NOT_AT_CENTRE (the verifier "
    "acts at no centre), KIND_NOT_ACCEPTED (the matter takes no certificate of this kind), "
    "CERTIFICATE_REVOKED, CERTIFICATE_EXPIRED, REPLAYED (used before).",
)


def _global_id(type_name: str, pk: int) -> strawberry.ID:
    return strawberry.ID(relay.to_base64(type_name, pk))


@strawberry.type(description="One field of a certificate.")
class CertificateField:
    key: str = strawberry.field(description="Stable key, e.g. name, address, id_number.")
    label: str = strawberry.field(description="Chinese label, e.g. 住址.")
    value: str = strawberry.field(description="The value; masked where `masked` is true.")
    masked: bool
    disclosable: bool = strawberry.field(
        description="True when I may leave it out of a presentation; false for the fields "
        "every presentation shows (the name, the certificate's number)."
    )

    @classmethod
    def from_value(cls, value: service.FieldValue) -> CertificateField:
        return cls(
            key=value.key,
            label=value.label,
            value=value.value,
            masked=value.masked,
            disclosable=value.disclosable,
        )


@strawberry.type(description="An e-certificate (电子证照) I hold or may show for a relative.")
class ECertificate:
    id: strawberry.ID
    kind: ECertificateKind
    title: str = strawberry.field(description="The kind in Chinese, e.g. 居民身份证.")
    holder_name: str = strawberry.field(description="The holder's name, masked (张*).")
    issuer: str = strawberry.field(description="Issuing authority, e.g. 上海市公安局黄浦分局.")
    valid_from: dt.date
    valid_until: dt.date | None = strawberry.field(description="Null: 长期 (no end).")
    status: models.CertificateStatus
    status_name: str
    relation: models.Relation = strawberry.field(description="How I am linked to it.")
    relation_name: str
    delegate: bool = strawberry.field(description="True when I show it for someone else.")
    fields: list[CertificateField] = strawberry.field(
        description="Its fields in order, values masked."
    )

    @classmethod
    def from_entry(cls, entry: service.MyCertificate) -> ECertificate:
        row = entry.certificate
        return cls(
            id=_global_id("ECertificate", row.id),
            kind=row.kind,
            title=catalogue.KIND_NAMES[row.kind],
            holder_name=entry.holder_name,
            issuer=row.issuer,
            valid_from=row.valid_from,
            valid_until=row.valid_until,
            status=entry.status,
            status_name=catalogue.STATUS_NAMES[entry.status],
            relation=entry.link.relation,
            relation_name=catalogue.RELATION_NAMES[entry.link.relation],
            delegate=entry.link.relation is not models.Relation.HOLDER,
            fields=[CertificateField.from_value(v) for v in entry.fields],
        )


@strawberry.type(
    description="A presentation (亮证): the code to show as a QR code, valid once and for "
    "at most 60 seconds. Ask for a new one before `expiresAt`."
)
class CertificatePresentation:
    token: str = strawberry.field(
        description="The compact JWT the QR code carries (typ tongban-ecert+jwt). It holds "
        "no personal data: opaque references only."
    )
    expires_at: dt.datetime
    ttl_seconds: int = strawberry.field(description="Its life when issued (at most 60).")
    disclosed_fields: list[str] = strawberry.field(description="Keys of the fields shown.")
    qr_svg: str = strawberry.field(description="The QR code, an SVG document.")
    qr_version: int = strawberry.field(description="QR version (1-40) of the code.")
    qr_modules: int = strawberry.field(description="Modules per side, without the quiet zone.")
    certificate: ECertificate

    @classmethod
    def from_presentation(cls, p: service.Presentation) -> CertificatePresentation:
        return cls(
            token=p.token,
            expires_at=p.expires_at,
            ttl_seconds=p.ttl_seconds,
            disclosed_fields=p.disclosed,
            qr_svg=p.qr.svg,
            qr_version=p.qr.version,
            qr_modules=p.qr.modules,
            certificate=ECertificate.from_entry(p.certificate),
        )


@strawberry.type(
    description="What a clerk learns from a verification. Refusals carry the result and "
    "reason and no fields. Every verification is recorded and the resident sees it."
)
class CertificateVerification:
    id: strawberry.ID = strawberry.field(description="The view (查看记录) this recorded.")
    result: models.VerificationResult
    result_name: str = strawberry.field(description="The result in Chinese, for large type.")
    reason: Refusal | None = strawberry.field(description="Why it was refused; null on SUCCESS.")
    reason_message: str | None = strawberry.field(description="The reason in Chinese.")
    kind: ECertificateKind | None
    title: str | None = strawberry.field(description="The kind in Chinese.")
    holder_name: str | None = strawberry.field(description="The holder, masked.")
    delegate_name: str | None = strawberry.field(
        description="For delegate use: who showed it, masked."
    )
    relation: models.Relation | None
    status: models.CertificateStatus | None
    valid_until: dt.date | None
    fields: list[CertificateField] = strawberry.field(
        description="The disclosed fields, in the clear except the ID number when the "
        "matter does not need it."
    )
    case_number: str | None
    at: dt.datetime

    @classmethod
    def from_outcome(cls, o: service.Verification) -> CertificateVerification:
        row = o.view
        reason = Refusal(row.reason) if row.reason else None
        return cls(
            id=_global_id("CertificateView", row.id),
            result=row.result,
            result_name=catalogue.RESULT_NAMES[row.result],
            reason=reason,
            reason_message=service.REFUSAL_MESSAGES[reason] if reason else None,
            kind=row.kind,
            title=catalogue.KIND_NAMES[row.kind] if row.kind else None,
            holder_name=o.holder_name,
            delegate_name=o.delegate_name,
            relation=row.relation,
            status=o.status,
            valid_until=o.valid_until,
            fields=[CertificateField.from_value(v) for v in o.fields],
            case_number=row.case_number,
            at=row.at,
        )


@strawberry.type(
    description="One look at my certificate (查看记录): who verified it, where, for what "
    "matter and case, and the result. Refused attempts are listed too."
)
class CertificateView(relay.Node):
    id: relay.NodeID[int]
    at: dt.datetime
    kind: ECertificateKind | None
    title: str | None
    result: models.VerificationResult
    result_name: str
    reason: Refusal | None
    reason_message: str | None
    case_number: str | None
    relation: models.Relation | None
    delegate: bool = strawberry.field(description="Shown by a relative (or by me for one).")
    id_number_revealed: bool = strawberry.field(
        description="True when the clerk saw the ID number in full (the matter needs it)."
    )
    reported: bool
    reported_at: dt.datetime | None
    row: strawberry.Private[models.CertificateView]

    @classmethod
    def from_model(cls, row: models.CertificateView) -> CertificateView:
        reason = Refusal(row.reason) if row.reason else None
        return cls(
            id=row.id,
            at=row.at,
            kind=row.kind,
            title=catalogue.KIND_NAMES[row.kind] if row.kind else None,
            result=row.result,
            result_name=catalogue.RESULT_NAMES[row.result],
            reason=reason,
            reason_message=service.REFUSAL_MESSAGES[reason] if reason else None,
            case_number=row.case_number,
            relation=row.relation,
            delegate=row.relation is not None and row.relation is not models.Relation.HOLDER,
            id_number_revealed=row.id_number_revealed,
            reported=row.reported_at is not None,
            reported_at=row.reported_at,
            row=row,
        )

    @strawberry.field(description="The certificate's holder, masked (张*).")
    async def holder_name(self, info: Info) -> str | None:
        if self.row.certificate_id is None:
            return None
        found = await info.context.loader(loaders.load_certificates).load(self.row.certificate_id)
        return service.holder_name(found) if found else None

    @strawberry.field(description="Who showed it, masked, when not the holder (代亮证).")
    async def delegate_name(self, info: Info) -> str | None:
        if self.row.link_id is None or not self.delegate:
            return None
        found = await info.context.loader(loaders.load_links).load(self.row.link_id)
        return service.party_name(found) if found else None

    @strawberry.field(description="The clerk, masked (王*).")
    async def clerk_name(self, info: Info) -> str:
        account = await info.context.loader(load_accounts).load(self.row.clerk_id)
        return mask_name(account.display_name) if account else "*"

    @strawberry.field(description="The centre the clerk acted at.")
    async def centre(self, info: Info) -> Centre | None:
        if self.row.centre_id is None:
            return None
        row = await info.context.loader(load_centres).load(self.row.centre_id)
        return Centre.from_model(row) if row else None

    @strawberry.field(description="The matter (事项) it was verified for.")
    async def matter(self, info: Info) -> Matter | None:
        if self.row.matter_id is None:
            return None
        row = await info.context.loader(load_matters).load(self.row.matter_id)
        return Matter.from_model(row) if row else None

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[CertificateView | None]:
        return await visible_nodes(
            info,
            node_ids,
            loaders.load_views,
            access.may_read_view,
            cls.from_model,
            "找不到该查看记录。",
        )


@strawberry.input(description="Ask for a presentation (亮证) of one of my certificates.")
class PresentCertificateInput:
    certificate: strawberry.ID = strawberry.field(description="ECertificate.id")
    fields: list[str] | None = strawberry.field(
        default=None,
        description="Keys of the fields to disclose; the required ones are always added. "
        "Null: all fields.",
    )


@strawberry.input(description="Verify a presentation a resident shows (clerks at a centre).")
class VerifyCertificateInput:
    token: str = text_field(
        2048, required=True, description="The code, scanned from the QR code or pasted."
    )
    matter: str = text_field(
        16, required=True, description="The code of the matter being handled, e.g. GA006."
    )
    case: strawberry.ID | None = strawberry.field(
        default=None, description="The case to attach the verification to (optional)."
    )


@strawberry.input(description="Report a view of my certificate that I do not recognise.")
class ReportCertificateViewInput:
    view: strawberry.ID = strawberry.field(description="CertificateView.id")
    note: str | None = text_field(200, default=None, description="What seems wrong (optional).")


@strawberry.type
class PresentCertificatePayload:
    presentation: CertificatePresentation | None = None
    errors: list[MutationError]


@strawberry.type
class VerifyCertificatePayload:
    verification: CertificateVerification | None = None
    errors: list[MutationError]


@strawberry.type
class ReportCertificateViewPayload:
    view: CertificateView | None = None
    errors: list[MutationError]
