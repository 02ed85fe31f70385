from __future__ import annotations

import strawberry

from backend.certificates import service
from backend.certificates.auth import PRESENT, REPORT_VIEW, VERIFY
from backend.certificates.types import (
    CertificatePresentation,
    CertificateVerification,
    CertificateView,
    PresentCertificateInput,
    PresentCertificatePayload,
    ReportCertificateViewInput,
    ReportCertificateViewPayload,
    VerifyCertificateInput,
    VerifyCertificatePayload,
)
from backend.graphql.context import Info
from backend.graphql.payloads import mutation
from backend.graphql.permissions import requires
from backend.graphql.relay import decode_global_id


@strawberry.type
class CertificateMutations:
    @mutation(
        description="Show one of my certificates (亮证): a code valid once, for at most 60 "
        "seconds, with its QR code; ask again before it expires. `fields` limits what the "
        "clerk sees (the name and the certificate's number are always shown).",
        extensions=[requires(PRESENT)],
    )
    async def present_certificate(
        self, info: Info, input: PresentCertificateInput
    ) -> PresentCertificatePayload:
        presentation = await service.present(
            await info.context.principal(),
            decode_global_id(input.certificate, "ECertificate"),
            input.fields,
            info.context.meta,
        )
        return PresentCertificatePayload(
            presentation=CertificatePresentation.from_presentation(presentation), errors=[]
        )

    @mutation(
        description="Verify a code a resident shows (clerks at a centre). Every call is "
        "recorded and the resident sees it; a refused code comes back as a verification "
        "with its result and reason. Each code verifies once (一次一验).",
        extensions=[requires(VERIFY)],
    )
    async def verify_certificate(
        self, info: Info, input: VerifyCertificateInput
    ) -> VerifyCertificatePayload:
        case_id = decode_global_id(input.case, "Case") if input.case is not None else None
        outcome = await service.verify(
            await info.context.principal(), input.token, input.matter, case_id, info.context.meta
        )
        return VerifyCertificatePayload(
            verification=CertificateVerification.from_outcome(outcome), errors=[]
        )

    @mutation(
        description="Report a view of my certificate that I do not recognise; the centre's "
        "head is alerted.",
        extensions=[requires(REPORT_VIEW)],
    )
    async def report_certificate_view(
        self, info: Info, input: ReportCertificateViewInput
    ) -> ReportCertificateViewPayload:
        row = await service.report_view(
            await info.context.principal(),
            decode_global_id(input.view, "CertificateView", max_key=2**53),
            input.note,
            info.context.meta,
        )
        return ReportCertificateViewPayload(view=CertificateView.from_model(row), errors=[])
