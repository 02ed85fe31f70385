"""电子亮证: my certificates, presenting one, verifying a presentation, the trail.

- `my_certificates` copies what the e-licence library holds for the resident (and their
  family links) into sealed rows, then lists the certificates they may show.
- `present` mints a presentation token (backend/certificates/tokens.py) for one of them,
  with the fields the resident chose to disclose, and its QR code.
- `verify` is a clerk's scan: every check of the issue, in order, and one record of it,
  whatever the result (a `CertificateView` row, a durable `certificate.viewed` event on
  the residents' streams, an audit entry). The token is burnt (一次一验) once it has
  passed its signature and expiry checks, before anything else can refuse it.
- `report_view` lets a resident flag a view they do not recognise: the centre head hears
  of it on the centre's stream.
Nothing here logs personal data.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from backend.audit import service as audit
from backend.audit.models import AuditOutcome
from backend.audit.service import Target
from backend.cases import read as cases
from backend.certificates import catalogue, events
from backend.certificates.library import ELicenceUnavailable, LicenceRecord, e_licence_library
from backend.certificates.models import (
    Certificate,
    CertificateLink,
    CertificateStatus,
    CertificateView,
    Relation,
    VerificationResult,
)
from backend.certificates.qr import QrCode, render_svg
from backend.certificates.redeem import Redeemer, build_redeemer
from backend.certificates.tokens import (
    PresentationClaims,
    PresentationRefused,
    PresentationTokens,
    Refusal,
    build_presentation_tokens,
)
from backend.identity import residents
from backend.identity.personal import mask_name
from backend.matters import service as matters
from backend.matters.models import ECertificateKind, Matter
from backend.platform import infra
from backend.platform.clock import now, to_shanghai
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.events import record
from backend.platform.principal import Principal
from backend.platform.ratelimit import enforce
from backend.platform.requestmeta import RequestMeta
from backend.platform.streams import next_value
from backend.platform.uow import unit_of_work

TOKENS_KEY = "certificates.presentation_tokens"
REDEEMER_KEY = "certificates.redeemer"
STATUS_INDEX_COUNTER = "certificates.status_index"
REF_BYTES = 9  # 12 base64url characters
MAX_FIELDS = 16
KIND_ORDER = list(ECertificateKind)

REFUSAL_RESULTS = {
    Refusal.TOKEN_EXPIRED: VerificationResult.EXPIRED,
    Refusal.CERTIFICATE_EXPIRED: VerificationResult.EXPIRED,
    Refusal.CERTIFICATE_REVOKED: VerificationResult.REVOKED,
    Refusal.REPLAYED: VerificationResult.ALREADY_USED,
}
REFUSAL_MESSAGES = {
    Refusal.MALFORMED: "这不是有效的亮证码。",
    Refusal.ALGORITHM_REFUSED: "亮证码签名算法不被接受。",
    Refusal.WRONG_TYPE: "这不是亮证码（可能是其他凭证）。",
    Refusal.UNKNOWN_KEY: "亮证码的签名密钥未知。",
    Refusal.BAD_SIGNATURE: "亮证码签名无效，可能被篡改。",
    Refusal.WRONG_AUDIENCE: "亮证码不是签发给本系统核验的。",
    Refusal.TOKEN_EXPIRED: "亮证码已过期，请居民刷新后重新出示。",
    Refusal.NOT_YET_VALID: "亮证码尚未生效，请检查设备时间。",
    Refusal.LIFETIME_TOO_LONG: "亮证码有效期不合规。",
    Refusal.BAD_CLAIMS: "亮证码内容不完整。",
    Refusal.UNKNOWN_CERTIFICATE: "找不到该证照。",
    Refusal.WRONG_KIND: "亮证码与证照类型不符。",
    Refusal.NO_DELEGATE_LINK: "出示人与持证人之间没有可代亮的关系。",
    Refusal.NOT_AT_CENTRE: "您未隶属于任何受理中心，不能核验证照。",
    Refusal.KIND_NOT_ACCEPTED: "该事项不接受此类证照。",
    Refusal.CERTIFICATE_REVOKED: "该证照已注销。",
    Refusal.CERTIFICATE_EXPIRED: "该证照已超过有效期。",
    Refusal.REPLAYED: "该亮证码已被核验过，请居民刷新后重新出示。",
}


def presentation_tokens() -> PresentationTokens:
    container = infra.current()
    tokens: PresentationTokens = container.adapter(
        TOKENS_KEY, lambda s: build_presentation_tokens(s, container.tokens.keys.kid)
    )
    return tokens


def redeemer() -> Redeemer:
    found: Redeemer = infra.current().adapter(REDEEMER_KEY, build_redeemer)
    return found


# ---- values the API shows ---------------------------------------------------------------


@dataclass(frozen=True)
class FieldValue:
    key: str
    label: str
    value: str
    masked: bool
    disclosable: bool
    id_number: bool = False  # an ID number (shown in full only where the matter needs it)


@dataclass(frozen=True)
class MyCertificate:
    certificate: Certificate
    link: CertificateLink
    holder_name: str  # masked
    status: CertificateStatus
    fields: list[FieldValue]


@dataclass(frozen=True)
class Presentation:
    token: str
    expires_at: datetime
    ttl_seconds: int
    disclosed: list[str]
    qr: QrCode
    certificate: MyCertificate


@dataclass(frozen=True)
class Verification:
    view: CertificateView
    fields: list[FieldValue]
    holder_name: str | None
    delegate_name: str | None
    status: CertificateStatus | None
    valid_until: date | None


def effective_status(certificate: Certificate, today: date | None = None) -> CertificateStatus:
    if certificate.status is CertificateStatus.REVOKED:
        return CertificateStatus.REVOKED
    today = today or to_shanghai(now()).date()
    expired = certificate.valid_until is not None and certificate.valid_until < today
    if certificate.status is CertificateStatus.EXPIRED or expired:
        return CertificateStatus.EXPIRED
    return CertificateStatus.VALID


def _open(purpose: str, sealed: str) -> str:
    return infra.current().cipher.decrypt(purpose, sealed)


def _seal(purpose: str, value: str) -> str:
    return infra.current().cipher.encrypt(purpose, value)


def certificate_fields(certificate: Certificate) -> dict[str, str]:
    opened: dict[str, str] = json.loads(_open("ecert_fields", certificate.fields_enc))
    return opened


def _masked_fields(certificate: Certificate) -> list[FieldValue]:
    values = certificate_fields(certificate)
    return [
        FieldValue(
            key=spec.key,
            label=spec.label,
            value=catalogue.mask_value(spec, values.get(spec.key, "")),
            masked=spec.sensitivity is not catalogue.Sensitivity.PLAIN,
            disclosable=not spec.required,
        )
        for spec in catalogue.FIELDS[certificate.kind]
    ]


def _entry(certificate: Certificate, link: CertificateLink) -> MyCertificate:
    return MyCertificate(
        certificate=certificate,
        link=link,
        holder_name=mask_name(_open("ecert_name", certificate.holder_name_enc)),
        status=effective_status(certificate),
        fields=_masked_fields(certificate),
    )


# ---- copying from the e-licence library ------------------------------------------------


def _digest(record: LicenceRecord) -> str:
    canonical = json.dumps(
        {
            "kind": record.kind.value,
            "issuer": record.issuer,
            "from": record.valid_from.isoformat(),
            "until": record.valid_until.isoformat() if record.valid_until else None,
            "status": record.status.value,
            "fields": record.fields,
            "parties": sorted([p.id_number, p.name, p.relation.value] for p in record.parties),
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return infra.current().cipher.blind_index("ecert_record", canonical)


def _serial_hash(record: LicenceRecord) -> str:
    return infra.current().cipher.blind_index(
        "ecert_serial", f"{record.kind.value}:{record.serial}"
    )


async def _store(record: LicenceRecord) -> Certificate:
    """Create or refresh the sealed copy of one library record and its links."""
    serial_hash, digest = _serial_hash(record), _digest(record)
    existing = await Certificate.get_or_none(serial_hash=serial_hash)
    if existing is not None and existing.digest == digest:
        return existing
    moment = now()
    values: dict[str, Any] = {
        "kind": record.kind,
        "holder_hash": residents.id_number_hash(record.holder.id_number),
        "holder_name_enc": _seal("ecert_name", record.holder.name),
        "fields_enc": _seal("ecert_fields", json.dumps(record.fields, ensure_ascii=False)),
        "issuer": record.issuer[:64],
        "valid_from": record.valid_from,
        "valid_until": record.valid_until,
        "status": record.status,
        "digest": digest,
        "synced_at": moment,
    }
    async with in_transaction():
        if existing is None:
            try:
                async with in_transaction():
                    certificate = await Certificate.create(
                        ref=secrets.token_urlsafe(REF_BYTES),
                        serial_hash=serial_hash,
                        status_index=await next_value(STATUS_INDEX_COUNTER) - 1,
                        revoked_at=moment if record.status is CertificateStatus.REVOKED else None,
                        **values,
                    )
            except IntegrityError:  # another instance copied it first
                certificate = await Certificate.get(serial_hash=serial_hash)
        else:
            certificate = existing
            if record.status is CertificateStatus.REVOKED and existing.revoked_at is None:
                values["revoked_at"] = moment
            await Certificate.filter(id=existing.id).update(**values)
            certificate = await Certificate.get(id=existing.id)
        await _store_links(certificate, record)
    return certificate


async def _store_links(certificate: Certificate, record: LicenceRecord) -> None:
    rows = await CertificateLink.filter(certificate_id=certificate.id)
    current = {link.party_hash: link for link in rows}
    wanted: set[str] = set()
    for party in record.parties:
        party_hash = residents.id_number_hash(party.id_number)
        wanted.add(party_hash)
        link = current.get(party_hash)
        if link is None:
            await CertificateLink.bulk_create(
                [
                    CertificateLink(
                        ref=secrets.token_urlsafe(REF_BYTES),
                        certificate_id=certificate.id,
                        party_hash=party_hash,
                        party_name_enc=_seal("ecert_name", party.name),
                        relation=party.relation,
                    )
                ],
                ignore_conflicts=True,
            )
        elif not link.active or link.relation is not party.relation:
            await CertificateLink.filter(id=link.id).update(active=True, relation=party.relation)
    gone = [link.id for h, link in current.items() if h not in wanted and link.active]
    if gone:
        await CertificateLink.filter(id__in=gone).update(active=False)


async def sync(resident_id: int) -> str | None:
    """Refresh the copies of the resident's certificates from the library. Returns the
    resident's ID number hash (None when not verified). A library that cannot answer
    leaves the copies as they were."""
    identity = await residents.verified_identity(resident_id)
    if identity is None:
        return None
    try:
        records = await e_licence_library().certificates_for(identity.id_number)
    except ELicenceUnavailable:
        if not await CertificateLink.exists(party_hash=identity.id_number_hash):
            raise DomainError(
                ErrorCode.E_LICENCE_UNAVAILABLE, "电子证照库暂时无法访问，请稍后再试。"
            ) from None
        return identity.id_number_hash
    kept: set[int] = set()
    for found in records:
        kept.add((await _store(found)).id)
    # Links the library no longer names for this person (a family link withdrawn).
    await (
        CertificateLink.filter(party_hash=identity.id_number_hash, active=True)
        .exclude(certificate_id__in=list(kept) or [0])
        .update(active=False)
    )
    return identity.id_number_hash


async def my_certificates(principal: Principal) -> list[MyCertificate]:
    assert principal.resident_id is not None
    party_hash = await sync(principal.resident_id)
    if party_hash is None:
        return []
    links = await CertificateLink.filter(party_hash=party_hash, active=True).prefetch_related(
        "certificate"
    )
    entries = [_entry(link.certificate, link) for link in links]
    entries.sort(
        key=lambda e: (
            e.link.relation is not Relation.HOLDER,
            KIND_ORDER.index(e.certificate.kind),
            e.certificate.id,
        )
    )
    return entries


async def _my_link(principal: Principal, certificate_id: int) -> CertificateLink:
    identity = (
        await residents.verified_identity(principal.resident_id)
        if principal.resident_id is not None
        else None
    )
    link = (
        await CertificateLink.get_or_none(
            certificate_id=certificate_id, party_hash=identity.id_number_hash, active=True
        ).prefetch_related("certificate")
        if identity is not None
        else None
    )
    if link is None:
        raise DomainError(ErrorCode.CERTIFICATE_NOT_FOUND, "找不到该证照。", "certificate")
    return link


def _disclosure(kind: ECertificateKind, wanted: list[str] | None) -> list[str]:
    specs = catalogue.FIELDS[kind]
    if wanted is None:
        return [s.key for s in specs]
    if len(wanted) > MAX_FIELDS:
        raise DomainError(ErrorCode.INVALID_INPUT, "字段过多。", "fields")
    unknown = [k for k in wanted if catalogue.field_spec(kind, k) is None]
    if unknown:
        raise DomainError(ErrorCode.CERTIFICATE_FIELD_UNKNOWN, "该证照没有所选的字段。", "fields")
    chosen = set(wanted)
    return [s.key for s in specs if s.required or s.key in chosen]


async def present(
    principal: Principal, certificate_id: int, fields: list[str] | None, meta: RequestMeta
) -> Presentation:
    """A presentation token for one of my certificates (or one I may show for a relative)."""
    async with audit.audited(
        "certificates.present",
        actor=principal.audit_actor,
        target=Target("certificate", certificate_id),
        meta=meta,
    ) as note:
        link = await _my_link(principal, certificate_id)
        certificate = link.certificate
        status = effective_status(certificate)
        if status is not CertificateStatus.VALID:
            raise DomainError(
                ErrorCode.CERTIFICATE_NOT_VALID,
                f"该证照{catalogue.STATUS_NAMES[status]}，不能出示。",
                "certificate",
                status.value,
            )
        disclosed = _disclosure(certificate.kind, fields)
        issued = presentation_tokens().issue(
            link_ref=link.ref,
            status_index=certificate.status_index,
            kind_code=catalogue.KIND_CODES[certificate.kind],
            disclosure=catalogue.disclosure_mask(certificate.kind, disclosed),
        )
        note.details.update(
            {
                "kind": certificate.kind.value,
                "relation": link.relation.value,
                "fields": len(disclosed),
            }
        )
    return Presentation(
        token=issued.token,
        expires_at=issued.expires_at,
        ttl_seconds=int((issued.expires_at - issued.issued_at).total_seconds()),
        disclosed=disclosed,
        qr=render_svg(issued.token),
        certificate=_entry(certificate, link),
    )


async def presentation_token(
    principal: Principal, certificate_id: int, fields: list[str] | None, meta: RequestMeta
) -> str:
    """The token alone, for the kiosk/print QR routes."""
    return (await present(principal, certificate_id, fields, meta)).token


# ---- verifying ------------------------------------------------------------------------


IDENTITY_KINDS = (ECertificateKind.ID_CARD, ECertificateKind.RESIDENCE_PERMIT)


def reveals_id_number(matter: Matter, kind: ECertificateKind) -> bool:
    """The ID number is shown in full only on an identity document (居民身份证, 居住证)
    verified for a matter that collects the ID card; the ID numbers on other certificates
    (both spouses' on a marriage certificate) stay masked."""
    needs = any(m.get("e_certificate") == ECertificateKind.ID_CARD.value for m in matter.materials)
    return needs and kind in IDENTITY_KINDS


def matter_accepts(matter: Matter, kind: ECertificateKind) -> bool:
    return any(m.get("e_certificate") == kind.value for m in matter.materials)


@dataclass
class _Checked:
    claims: PresentationClaims | None = None
    link: CertificateLink | None = None
    refusal: Refusal | None = None


async def _check(principal: Principal, token: str, matter: Matter) -> _Checked:
    checked = _Checked()
    try:
        checked.claims = presentation_tokens().decode(token)
    except PresentationRefused as refused:
        # A token of ours refused for its times or audience still names its certificate.
        checked.refusal, checked.claims = refused.reason, refused.claims
    claims = checked.claims
    if claims is None:
        return checked
    link = await CertificateLink.get_or_none(ref=claims.link_ref).select_related("certificate")
    checked.link = link
    if checked.refusal is not None:
        return checked
    if principal.centre_id is None:
        checked.refusal = Refusal.NOT_AT_CENTRE
        return checked
    # 一次一验: burnt now, whatever follows, so a second scan always says ALREADY_USED.
    if not await redeemer().redeem(claims.token_id, claims.expires_at):
        checked.refusal = Refusal.REPLAYED
        return checked
    if link is None:
        checked.refusal = Refusal.UNKNOWN_CERTIFICATE
        return checked
    certificate = link.certificate
    if certificate.kind is not claims.kind or certificate.status_index != claims.status_index:
        checked.refusal = Refusal.WRONG_KIND
    elif not link.active:
        checked.refusal = (
            Refusal.UNKNOWN_CERTIFICATE
            if link.relation is Relation.HOLDER
            else Refusal.NO_DELEGATE_LINK
        )
    elif (status := effective_status(certificate)) is CertificateStatus.REVOKED:
        checked.refusal = Refusal.CERTIFICATE_REVOKED
    elif status is CertificateStatus.EXPIRED:
        checked.refusal = Refusal.CERTIFICATE_EXPIRED
    elif not matter_accepts(matter, certificate.kind):
        checked.refusal = Refusal.KIND_NOT_ACCEPTED
    return checked


def _disclosed_fields(
    certificate: Certificate, disclosure: int, reveal_id_number: bool
) -> list[FieldValue]:
    values = certificate_fields(certificate)
    shown: list[FieldValue] = []
    for index, spec in enumerate(catalogue.FIELDS[certificate.kind]):
        if not (spec.required or disclosure & (1 << index)):
            continue
        value = values.get(spec.key, "")
        hide = spec.sensitivity is catalogue.Sensitivity.ID_NUMBER and not reveal_id_number
        shown.append(
            FieldValue(
                key=spec.key,
                label=spec.label,
                value=catalogue.mask_value(spec, value) if hide else value,
                masked=hide,
                disclosable=not spec.required,
                id_number=spec.sensitivity is catalogue.Sensitivity.ID_NUMBER,
            )
        )
    return shown


async def verify(
    principal: Principal,
    token: str,
    matter_code: str,
    case_id: int | None,
    meta: RequestMeta,
) -> Verification:
    """A clerk's scan: checked, burnt, recorded. Refusals are answers, not errors; only an
    unknown matter or case (the clerk's own input) is an error, and burns nothing."""
    # Per clerk (settings.certificate_verifications_per_minute), before the code is looked
    # at: a refused call burns nothing, and is in the audit log.
    try:
        await enforce(
            infra.current().limiter,
            f"certificates:verify:{principal.subject_id}",
            infra.current().settings.certificate_verifications_per_minute,
            60,
            "验证过于频繁，请 {seconds} 秒后再试。",
        )
    except DomainError:
        await _refuse_input(principal, meta, "rate")
        raise
    matter = await matters.find_matter_by_code(matter_code)
    if matter is None:
        await _refuse_input(principal, meta, "matter")
        raise DomainError(ErrorCode.NOT_FOUND, "没有该编号的事项。", "matter")
    case = await cases.staff_case(principal, case_id) if case_id is not None else None
    if case_id is not None and case is None:
        await _refuse_input(principal, meta, "case")
        raise DomainError(ErrorCode.NOT_FOUND, "找不到该办件，或不属于本中心。", "case")

    checked = await _check(principal, token, matter)
    link, claims = checked.link, checked.claims
    certificate = link.certificate if link is not None else None
    refusal = checked.refusal
    result = (
        VerificationResult.SUCCESS
        if refusal is None
        else REFUSAL_RESULTS.get(refusal, VerificationResult.INVALID)
    )
    reveal = (
        refusal is None and certificate is not None and reveals_id_number(matter, certificate.kind)
    )
    fields = (
        _disclosed_fields(certificate, claims.disclosure, reveal)
        if refusal is None and certificate is not None and claims is not None
        else []
    )
    people: dict[str, int] = {}
    if certificate is not None and link is not None:
        people = await residents.verified_residents_by_id_number_hashes(
            [certificate.holder_hash, link.party_hash]
        )
    holder_id = people.get(certificate.holder_hash) if certificate else None
    presenter_id = people.get(link.party_hash) if link else None
    moment = now()
    async with unit_of_work():
        view = await CertificateView.create(
            at=moment,
            clerk_id=int(principal.subject_id or 0),
            centre_id=principal.centre_id,
            matter_id=matter.id,
            case_id=case.id if case else None,
            case_number=case.number if case else None,
            result=result,
            reason=refusal.value if refusal else None,
            certificate_id=certificate.id if certificate else None,
            kind=certificate.kind if certificate else None,
            link_id=link.id if link else None,
            relation=link.relation if link else None,
            holder_resident_id=holder_id,
            presenter_resident_id=presenter_id,
            token_id=claims.token_id if claims else None,
            disclosed=[f.key for f in fields],
            id_number_revealed=any(f.id_number and not f.masked for f in fields),
        )
        await audit.record(
            "certificates.verify",
            AuditOutcome.SUCCESS if refusal is None else AuditOutcome.FAILURE,
            actor=principal.audit_actor,
            target=Target("certificate", certificate.id) if certificate else None,
            reason=refusal.value if refusal else None,
            meta=meta,
            details={"view": view.id, "result": result.value, "fields": len(fields)},
        )
        if holder_id is not None or presenter_id is not None:
            record(
                events.CertificateViewed(
                    view_id=view.id,
                    holder_resident_id=holder_id,
                    presenter_resident_id=presenter_id,
                    centre_id=principal.centre_id,
                    result=result.value,
                    at=moment,
                )
            )
    delegate = link is not None and link.relation is not Relation.HOLDER
    return Verification(
        view=view,
        fields=fields,
        holder_name=mask_name(_open("ecert_name", certificate.holder_name_enc))
        if certificate
        else None,
        delegate_name=mask_name(_open("ecert_name", link.party_name_enc))
        if delegate and link
        else None,
        status=effective_status(certificate) if certificate else None,
        valid_until=certificate.valid_until if certificate else None,
    )


async def _refuse_input(principal: Principal, meta: RequestMeta, field: str) -> None:
    await audit.record(
        "certificates.verify",
        AuditOutcome.FAILURE,
        actor=principal.audit_actor,
        reason="RATE_LIMITED" if field == "rate" else f"{field.upper()}_NOT_FOUND",
        meta=meta,
    )


# ---- the trail ------------------------------------------------------------------------


def my_views(principal: Principal) -> QuerySet[CertificateView]:
    resident = principal.resident_id
    if resident is None:
        return CertificateView.filter(id=-1)
    return CertificateView.filter(
        Q(holder_resident_id=resident) | Q(presenter_resident_id=resident)
    ).order_by("-at", "-id")


def centre_views(principal: Principal, reported_only: bool) -> QuerySet[CertificateView]:
    queryset = (
        CertificateView.all()
        if principal.is_admin
        else CertificateView.filter(centre_id=principal.centre_id or -1)
    )
    if reported_only:
        queryset = queryset.filter(reported_at__not_isnull=True)
    return queryset.order_by("-at", "-id")


def holder_name(certificate: Certificate) -> str:
    return mask_name(_open("ecert_name", certificate.holder_name_enc))


def party_name(link: CertificateLink) -> str:
    return mask_name(_open("ecert_name", link.party_name_enc))


async def report_view(
    principal: Principal, view_id: int, note: str | None, meta: RequestMeta
) -> CertificateView:
    """Flag a view I do not recognise; the centre head is alerted (centre stream)."""
    resident = principal.resident_id
    async with audit.audited(
        "certificates.view.report",
        actor=principal.audit_actor,
        target=Target("certificate_view", view_id),
        meta=meta,
    ):
        view = await my_views(principal).filter(id=view_id).first()
        if view is None or resident is None:
            raise DomainError(ErrorCode.CERTIFICATE_VIEW_NOT_FOUND, "找不到该查看记录。", "view")
        moment = now()
        async with unit_of_work():
            updated = await CertificateView.filter(id=view.id, reported_at=None).update(
                reported_at=moment,
                report_note_enc=_seal("ecert_report_note", note.strip()) if note else None,
            )
            if not updated:
                raise DomainError(
                    ErrorCode.CERTIFICATE_VIEW_ALREADY_REPORTED, "该记录已经举报过。", "view"
                )
            record(
                events.CertificateViewReported(
                    view_id=view.id, resident_id=resident, centre_id=view.centre_id, at=moment
                )
            )
    return await CertificateView.get(id=view.id)
