from __future__ import annotations

import strawberry
from tortoise.queryset import QuerySet

from backend.certificates import models, service
from backend.certificates.auth import CENTRE_VIEWS, MY_CERTIFICATES, MY_VIEWS
from backend.certificates.loaders import load_views
from backend.certificates.types import CertificateView, ECertificate
from backend.graphql.context import Info
from backend.graphql.permissions import requires
from backend.graphql.relay import CountedConnection, build_connection, paginate_queryset


async def _views(
    info: Info, queryset: QuerySet[models.CertificateView], first: int | None, after: str | None
) -> CountedConnection[CertificateView]:
    rows, start, end, total = await paginate_queryset(queryset, first=first, after=after)
    for row in rows:
        info.context.loader(load_views).prime(row.id, row)
    return build_connection(
        [CertificateView.from_model(r) for r in rows], start=start, end=end, total=total
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
        return await _views(info, service.my_views(await info.context.principal()), first, after)

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
        return await _views(info, service.centre_views(principal, reported_only), first, after)
