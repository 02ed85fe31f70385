"""Keeps cases_event append-only, installed by migration 0003 (backend/platform/appendonly.py).

A case's history is a record residents and supervisors rely on (沪府办发〔2013〕50号: the
process can be traced and supervised), so no client may rewrite it, raw SQL included.
"""

from backend.platform.appendonly import guard

install, remove = guard("cases_event")
