"""Consent to the legal documents (个人信息保护法): the user agreement and the privacy policy,
accepted at first sign-in and again whenever their version changes, and the separate consent
(单独同意, article 29) before an ID number is handed over at real-name verification.

The documents are versioned files in `legal/`; a record names the document, the version,
when, and through which channel. Records are only ever inserted, and carry the resident's
id only, so they outlive an erased account without personal data.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path

from backend.audit import service as audit
from backend.audit.service import Target
from backend.identity.models import ConsentChannel, ConsentRecord
from backend.platform.clock import now
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.principal import Principal
from backend.platform.requestmeta import RequestMeta
from backend.platform.tokens import SubjectKind

LEGAL_DIR = Path(__file__).parent / "legal"


class LegalDocumentKind(str, Enum):
    USER_AGREEMENT = "USER_AGREEMENT"  # 用户服务协议
    PRIVACY_POLICY = "PRIVACY_POLICY"  # 隐私政策
    SENSITIVE_ID_NUMBER = "SENSITIVE_ID_NUMBER"  # 身份证号码处理单独同意


# Accepted at sign-in; the app lets nobody further until these are current.
SIGN_IN_DOCUMENTS = (LegalDocumentKind.USER_AGREEMENT, LegalDocumentKind.PRIVACY_POLICY)
_FILES = {
    LegalDocumentKind.USER_AGREEMENT: "user_agreement.json",
    LegalDocumentKind.PRIVACY_POLICY: "privacy_policy.json",
    LegalDocumentKind.SENSITIVE_ID_NUMBER: "sensitive_id_number.json",
}


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class LegalDocument:
    kind: LegalDocumentKind
    version: str
    title: str
    effective_date: str
    sections: tuple[Section, ...]


@cache
def document(kind: LegalDocumentKind) -> LegalDocument:
    """The current version of a document (the file in `legal/`)."""
    raw = json.loads((LEGAL_DIR / _FILES[kind]).read_text(encoding="utf-8"))
    if raw["kind"] != kind.value:
        raise ValueError(f"{_FILES[kind]} holds {raw['kind']}")
    return LegalDocument(
        kind=kind,
        version=str(raw["version"]),
        title=str(raw["title"]),
        effective_date=str(raw["effective_date"]),
        sections=tuple(
            Section(str(s["heading"]), tuple(str(p) for p in s["paragraphs"]))
            for s in raw["sections"]
        ),
    )


def _resident(principal: Principal) -> int:
    if principal.resident_id is None:
        raise DomainError(ErrorCode.FORBIDDEN, "此功能仅限居民使用。")
    return principal.resident_id


def channel_of(principal: Principal) -> ConsentChannel:
    return ConsentChannel.CLIENT if principal.kind is SubjectKind.CLIENT else ConsentChannel.APP


async def records(resident_id: int) -> list[ConsentRecord]:
    return await ConsentRecord.filter(resident_id=resident_id).order_by("-id")


async def pending(resident_id: int) -> list[LegalDocumentKind]:
    """The sign-in documents whose current version the resident has not accepted."""
    accepted = set(
        await ConsentRecord.filter(
            resident_id=resident_id, document__in=[k.value for k in SIGN_IN_DOCUMENTS]
        ).values_list("document", "version")
    )
    return [k for k in SIGN_IN_DOCUMENTS if (k.value, document(k).version) not in accepted]


def _check_version(kind: LegalDocumentKind, version: str | None, field: str) -> None:
    current = document(kind).version
    if version is None or version == "":
        raise DomainError(
            ErrorCode.CONSENT_REQUIRED, f"请先阅读并同意《{document(kind).title}》。", field
        )
    if version != current:
        raise DomainError(
            ErrorCode.CONSENT_VERSION_OUTDATED,
            f"《{document(kind).title}》已更新，请阅读最新版本后再同意。",
            field,
        )


async def _insert(
    resident_id: int, kinds: Sequence[LegalDocumentKind], channel: ConsentChannel
) -> list[ConsentRecord]:
    moment = now()
    return [
        await ConsentRecord.create(
            resident_id=resident_id,
            document=k.value,
            version=document(k).version,
            channel=channel,
            accepted_at=moment,
        )
        for k in kinds
    ]


async def accept(
    principal: Principal,
    accepted: Sequence[tuple[LegalDocumentKind, str]],
    meta: RequestMeta,
) -> list[ConsentRecord]:
    """Record the acceptance of the given versions; each must be the current one."""
    resident_id = _resident(principal)
    async with audit.audited(
        "identity.consent.accept",
        actor=principal.audit_actor,
        target=Target("resident", resident_id),
        meta=meta,
    ) as note:
        if not accepted:
            raise DomainError(ErrorCode.CONSENT_REQUIRED, "请选择要同意的文件。", "documents")
        for kind, version in accepted:
            _check_version(kind, version, "documents")
        kinds = list(dict.fromkeys(kind for kind, _ in accepted))
        note.details["documents"] = ",".join(f"{k.value}@{document(k).version}" for k in kinds)
        return await _insert(resident_id, kinds, channel_of(principal))


async def record_id_number_consent(
    principal: Principal, resident_id: int, version: str | None
) -> None:
    """The separate consent that must come with an ID number (called by verification
    before the number is looked at). Refuses CONSENT_REQUIRED / CONSENT_VERSION_OUTDATED."""
    _check_version(LegalDocumentKind.SENSITIVE_ID_NUMBER, version, "consentVersion")
    await _insert(resident_id, [LegalDocumentKind.SENSITIVE_ID_NUMBER], channel_of(principal))
