"""The certificates domain's sealed columns, resealed by `python -m backend reencrypt-pii`
after a PII key rotation (with their purposes, which the cipher binds them to)."""

from __future__ import annotations

from tortoise.models import Model

from backend.certificates.models import Certificate, CertificateLink, CertificateView

SEALED_COLUMNS: list[tuple[type[Model], dict[str, str]]] = [
    (Certificate, {"holder_name_enc": "ecert_name", "fields_enc": "ecert_fields"}),
    (CertificateLink, {"party_name_enc": "ecert_name"}),
    (CertificateView, {"report_note_enc": "ecert_report_note"}),
]
