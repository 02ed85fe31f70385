from __future__ import annotations

import strawberry

from backend.certificates import service
from backend.certificates.auth import CENTRE_VIEWS, MY_CERTIFICATES, MY_VIEWS
from backend.certificates.types import CertificateView, ECertificate
from backend.graphql.context import Info
from backend.graphql.permissions import requires
from backend.graphql.relay import CountedConnection, build_connection, paginate_queryset


async def _views(
    queryset: object, first: int | None, after: str | None
) -> CountedConnection[CertificateView]:
    rows, start, end, total = await paginate_queryset(queryset, first=first, after=after)  # type: ignore[arg-type]
    entries = await service.view_entries(rows)
    return build_connection(
        [CertificateView.from_entry(e) for e in entries], start=start, end=end, total=total
    )


@strawberry.type
class CertificateQueries:
    @strawberry.field(
        description="My e-certificates (我的证照) from the e-licence library, and those I "
        "may show for a relative (delegate), mine first. Values are masked.",
        extensions=[requires(MY_CERTIFICATES)],
    )
    async def my_certificates(self, info: Info) -> list[ECertificate]:
        entries = await service.my_certificates(await info.context.principal())
        return [ECertificate.from_entry(e) for e in entries]

    @strawberry.field(
        description="Who viewed my certificates (查看记录), latest first: every verification "
        "of a certificate I hold or showed, refused ones too. New ones arrive on myUpdates "
        "(kind certificate.viewed).",
        extensions=[requires(MY_VIEWS)],
    )
    async def my_certificate_views(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> CountedConnection[CertificateView]:
        return await _views(service.my_views(await info.context.principal()), first, after)

    @strawberry.field(
        description="Certificate verifications at my centre (all centres for admins), "
        "latest first; reportedOnly: the views residents reported (certificate."
        "view_reported on centreUpdates).",
        extensions=[requires(CENTRE_VIEWS)],
    )
    async def centre_certificate_views(
        self,
        info: Info,
        reported_only: bool = True,
        first: int | None = None,
        after: str | None = None,
    ) -> CountedConnection[CertificateView]:
        principal = await info.context.principal()
        return await _views(service.centre_views(principal, reported_only), first, after)
