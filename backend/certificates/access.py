"""Whose rows: who may read a view (查看记录) of a certificate."""

from __future__ import annotations

from backend.certificates.models import CertificateView
from backend.platform.principal import Principal


def may_read_view(principal: Principal, view: CertificateView) -> bool:
    """The residents it concerns (holder, presenter), the clerk who verified, the head of
    the centre it happened at, and admins."""
    if principal.resident_id is not None:
        return principal.resident_id in (view.holder_resident_id, view.presenter_resident_id)
    if principal.is_admin:
        return True
    if principal.is_centre_head:
        return view.centre_id is not None and view.centre_id == principal.centre_id
    return principal.is_staff and str(view.clerk_id) == principal.subject_id
