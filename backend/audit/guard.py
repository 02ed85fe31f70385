"""Keeps audit_event append-only, installed by migration 0002 (backend/platform/appendonly.py).

The ORM model already refuses to update or delete an event; this makes the database refuse
UPDATE and DELETE on the table for every client, including raw SQL.
"""

from backend.platform.appendonly import guard

install, remove = guard("audit_event")
