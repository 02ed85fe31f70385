"""The trail (certificates_view) cannot be rewritten: PostgreSQL refuses a DELETE, and an
UPDATE that changes anything but the report (reported_at, once, from empty, and the sealed
note, which a key rotation reseals). Installed by migration 0007, raw SQL included."""

from __future__ import annotations

from backend.platform.appendonly import dialect_steps

_FIXED = (
    "id at clerk_id centre_id matter_id case_id case_number result reason certificate_id kind "
    "link_id relation holder_resident_id presenter_resident_id token_id id_number_revealed"
).split()
_OLD = ", ".join(f"OLD.{c}" for c in _FIXED) + ", OLD.disclosed::text"
_NEW = ", ".join(f"NEW.{c}" for c in _FIXED) + ", NEW.disclosed::text"

POSTGRES_INSTALL = [
    f"""
    CREATE OR REPLACE FUNCTION certificates_view_guard() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'certificates_view rows are never deleted';
        END IF;
        IF ROW({_NEW}) IS DISTINCT FROM ROW({_OLD})
           OR (OLD.reported_at IS NOT NULL AND NEW.reported_at IS DISTINCT FROM OLD.reported_at)
        THEN
            RAISE EXCEPTION 'certificates_view: only a report may be added';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER certificates_view_guard
    BEFORE UPDATE OR DELETE ON certificates_view
    FOR EACH ROW EXECUTE FUNCTION certificates_view_guard()
    """,
    """
    CREATE TRIGGER certificates_view_no_truncate
    BEFORE TRUNCATE ON certificates_view
    FOR EACH STATEMENT EXECUTE FUNCTION certificates_view_guard()
    """,
]
POSTGRES_REMOVE = [
    "DROP TRIGGER IF EXISTS certificates_view_no_truncate ON certificates_view",
    "DROP TRIGGER IF EXISTS certificates_view_guard ON certificates_view",
    "DROP FUNCTION IF EXISTS certificates_view_guard()",
]


install, remove = dialect_steps({"postgres": POSTGRES_INSTALL}, {"postgres": POSTGRES_REMOVE})
