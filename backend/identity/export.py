"""What the identity domain holds about a resident, in the clear, for their own download
(我的数据, 个人信息保护法 article 45). The caller audits the download."""

from __future__ import annotations

from backend.identity import consents, residents
from backend.identity.models import AuthSession, Resident


async def resident_export(resident_id: int) -> dict[str, object]:
    resident = await Resident.get(id=resident_id)
    data = await residents.own_personal_data(resident)
    sessions = await AuthSession.filter(resident_id=resident_id).order_by("created_at")
    return {
        "account": {
            "phone": data.phone,
            "realName": data.real_name,
            "idNumber": data.id_number,
            "verified": resident.verified_at is not None,
            "verifiedAt": resident.verified_at,
            "createdAt": resident.created_at,
            "lastLoginAt": resident.last_login_at,
            "householdCentreId": resident.household_centre_id,
        },
        "consents": [
            {
                "document": row.document,
                "title": consents.document(consents.LegalDocumentKind(row.document)).title,
                "version": row.version,
                "channel": row.channel.value,
                "acceptedAt": row.accepted_at,
            }
            for row in await consents.records(resident_id)
        ],
        "sessions": [
            {
                "createdAt": s.created_at,
                "expiresAt": s.expires_at,
                "revokedAt": s.revoked_at,
                "revokedReason": s.revoked_reason,
            }
            for s in sessions
        ],
    }
