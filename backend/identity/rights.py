"""GraphQL for consent and account rights (个人信息保护法): the legal documents, the
resident's consent records and what is still to accept, accepting, and the code that
confirms 注销账号 (the erasure itself is the account domain's `eraseAccount`, which also
asks other domains to let go). Thin resolvers over consents.py and erasure.py."""

from __future__ import annotations

import datetime as dt

import strawberry

from backend.graphql.context import Info
from backend.graphql.inputs import text_field
from backend.graphql.payloads import MutationError, mutation
from backend.graphql.permissions import requires
from backend.identity import consents, erasure
from backend.identity import models as identity_models
from backend.identity.auth import RESIDENT
from backend.identity.consents import LegalDocumentKind
from backend.identity.types import RequestLoginCodePayload

strawberry.enum(
    LegalDocumentKind,
    description="USER_AGREEMENT 用户服务协议 and PRIVACY_POLICY 隐私政策 (accepted at sign-in); "
    "SENSITIVE_ID_NUMBER 身份证号码处理单独同意 (given with real-name verification).",
)
strawberry.enum(
    identity_models.ConsentChannel,
    description="APP: in the resident's own app session; CLIENT: through a third-party app.",
)


@strawberry.type(description="One section of a legal document.")
class LegalSection:
    heading: str
    paragraphs: list[str]


@strawberry.type(description="The current version of a legal document, to show in full.")
class LegalDocument:
    kind: LegalDocumentKind
    version: str = strawberry.field(description="Changes whenever the text changes.")
    title: str
    effective_date: dt.date
    sections: list[LegalSection]

    @classmethod
    def of(cls, kind: LegalDocumentKind) -> LegalDocument:
        doc = consents.document(kind)
        return cls(
            kind=kind,
            version=doc.version,
            title=doc.title,
            effective_date=dt.date.fromisoformat(doc.effective_date),
            sections=[
                LegalSection(heading=s.heading, paragraphs=list(s.paragraphs)) for s in doc.sections
            ],
        )


@strawberry.type(description="A resident accepted this version of this document, then, so.")
class ConsentRecord:
    document: LegalDocumentKind
    title: str
    version: str
    channel: identity_models.ConsentChannel
    accepted_at: dt.datetime

    @classmethod
    def from_model(cls, row: identity_models.ConsentRecord) -> ConsentRecord:
        kind = LegalDocumentKind(row.document)
        return cls(
            document=kind,
            title=consents.document(kind).title,
            version=row.version,
            channel=row.channel,
            accepted_at=row.accepted_at,
        )


@strawberry.type(description="The resident's consents: what is still to accept, and the record.")
class ConsentStatus:
    pending: list[LegalDocument] = strawberry.field(
        description="Sign-in documents whose current version is not accepted yet: the app "
        "lets the resident go no further until they are."
    )
    records: list[ConsentRecord] = strawberry.field(description="Newest first.")


async def _status(resident_id: int) -> ConsentStatus:
    return ConsentStatus(
        pending=[LegalDocument.of(k) for k in await consents.pending(resident_id)],
        records=[ConsentRecord.from_model(r) for r in await consents.records(resident_id)],
    )


@strawberry.input(description="A document and the version the resident read.")
class ConsentInput:
    document: LegalDocumentKind
    version: str = text_field(16, required=True)


@strawberry.type
class AcceptConsentsPayload:
    status: ConsentStatus | None = None
    errors: list[MutationError]


@strawberry.type
class ConsentQueries:
    @strawberry.field(description="A legal document's current version (public).")
    def legal_document(self, kind: LegalDocumentKind) -> LegalDocument:
        return LegalDocument.of(kind)

    @strawberry.field(
        description="The signed-in resident's consents and what is still to accept.",
        extensions=[requires(RESIDENT)],
    )
    async def my_consents(self, info: Info) -> ConsentStatus:
        principal = await info.context.principal()
        assert principal.resident_id is not None  # RESIDENT
        return await _status(principal.resident_id)


@strawberry.type
class ConsentMutations:
    @mutation(
        description="Accept the given versions of legal documents (each must be current: "
        "CONSENT_VERSION_OUTDATED otherwise). Recorded with time and channel.",
        extensions=[requires(RESIDENT)],
    )
    async def accept_consents(
        self, info: Info, documents: list[ConsentInput]
    ) -> AcceptConsentsPayload:
        principal = await info.context.principal()
        await consents.accept(
            principal, [(d.document, d.version) for d in documents[:8]], info.context.meta
        )
        assert principal.resident_id is not None  # accept refused anyone else
        return AcceptConsentsPayload(status=await _status(principal.resident_id), errors=[])

    @mutation(
        description="注销账号, step 1: text a confirmation code to the account's phone.",
        extensions=[requires(RESIDENT)],
    )
    async def request_account_erasure_code(self, info: Info) -> RequestLoginCodePayload:
        sent = await erasure.request_erasure_code(await info.context.principal(), info.context.meta)
        return RequestLoginCodePayload(
            sent=True,
            expires_in_seconds=sent.expires_in,
            resend_after_seconds=sent.resend_after,
            errors=[],
        )
