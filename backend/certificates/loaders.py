"""DataLoader batch functions of the certificates domain."""

from __future__ import annotations

from collections.abc import Sequence

from backend.certificates.models import Certificate, CertificateLink, CertificateView


async def load_certificates(ids: Sequence[int]) -> list[Certificate | None]:
    found = {c.id: c for c in await Certificate.filter(id__in=list(ids))}
    return [found.get(i) for i in ids]


async def load_links(ids: Sequence[int]) -> list[CertificateLink | None]:
    found = {link.id: link for link in await CertificateLink.filter(id__in=list(ids))}
    return [found.get(i) for i in ids]


async def load_views(ids: Sequence[int]) -> list[CertificateView | None]:
    found = {v.id: v for v in await CertificateView.filter(id__in=list(ids))}
    return [found.get(i) for i in ids]
