"""One settings object for the whole service, read from TONGBAN_* environment variables."""

from __future__ import annotations

import ipaddress
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TONGBAN_", env_file=None, extra="ignore")

    # Embedded default: a SQLite file under var/. Production: postgres://user@host:5432/db
    database_url: str = f"sqlite://{PROJECT_ROOT / 'var' / 'tongban.sqlite3'}"
    # Unset: in-process broker and cache. Production: redis://host:6379/0
    redis_url: str | None = None
    # Messages kept for a subscriber that has not read them yet; when one more arrives its
    # subscription ends with RESYNC_REQUIRED (backend/platform/broker.py).
    broker_subscriber_buffer: int = Field(default=256, ge=1)
    var_dir: Path = PROJECT_ROOT / "var"
    seed_dir: Path = PROJECT_ROOT / "seed"
    pwa_dist: Path = PROJECT_ROOT / "pwa" / "dist"

    # Apply migrations and load the seed on start-up (the embedded default wants both).
    migrate_on_start: bool = True
    seed_on_start: bool = True

    # Developer conveniences (backend/graphql/devtools.py): None means on for the embedded default
    # (a SQLite database) and off otherwise; true or false always wins.
    graphiql: bool | None = None
    introspection: bool | None = None
    field_suggestions: bool | None = None
    # GraphQL limits, on from the start.
    max_query_depth: int = 10
    max_aliases: int = 15
    max_tokens: int = 2000
    max_page_size: int = 100
    max_request_bytes: int = 256 * 1024  # a GraphQL document is text; 256 KiB is plenty
    # The work one operation may do (backend/graphql/cost.py, budget.py): its price, worked
    # out before it runs (a page of 50 centres x 100 matters costs about 20,000), the size
    # of its answer, and its time.
    max_query_cost: int = Field(default=25_000, ge=1)
    max_response_bytes: int = Field(default=4 * 1024 * 1024, ge=1024)  # the 50 x 100 page: 0.6 MB
    operation_timeout_seconds: float = Field(default=10.0, gt=0)
    debug: bool = False
    # GET /debug/heap (backend/app.py): the live Python heap after a full collection and the
    # open WebSocket connections, for load tests and leak checks. Off by default; only ever
    # answers clients on loopback.
    diagnostics: bool = False
    # Persisted queries (backend/graphql/persisted.py): registered APQ documents are kept this
    # long; `persisted_queries_only` (the allow-list, for production) runs only the documents
    # of the manifest the PWA's build writes (default: <pwa_dist>/persisted-queries.json).
    persisted_query_ttl_seconds: int = Field(default=7 * 24 * 3600, ge=60)
    persisted_queries_only: bool = False
    persisted_queries_manifest: Path | None = None
    # Public answers (backend/graphql/caching.py): browsers and proxies keep them this long
    # (Cache-Control max-age), the shared server-side cache at most this long (and only
    # until the catalogue changes); 0 turns the server-side cache off.
    public_max_age_seconds: int = Field(default=60, ge=0)
    response_cache_seconds: int = Field(default=300, ge=0)
    response_cache_max_bytes: int = Field(default=512 * 1024, ge=0)
    # Uvicorn worker processes of `python -m backend serve`; "auto": one per core. Production
    # (Redis, migrations and the seed run once beforehand) sets "auto"; the embedded default
    # keeps one (its broker and caches live in the process). See `serve_workers`.
    workers: int | Literal["auto"] = 1
    # Durable event streams: how often each instance republishes events whose publish failed.
    stream_relay_seconds: float = Field(default=2.0, gt=0)
    # Proxies (addresses or CIDRs) whose X-Forwarded-For is believed (backend/platform/edge.py).
    # Empty: the TCP peer is the client, always. Env: comma-separated or a JSON list.
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # WebSocket (graphql-transport-ws) backpressure and caps: backend/graphql/websocket.py,
    # backend/server.py. A client that leaves the server's data unread for
    # ws_send_timeout_seconds is closed (4408) and its operations cancelled.
    ws_send_queue_messages: int = Field(default=64, ge=1)
    ws_send_queue_bytes: int = Field(default=1024 * 1024, ge=1024)
    ws_send_timeout_seconds: float = Field(default=10.0, gt=0)
    ws_max_operations_per_connection: int = Field(default=100, ge=1)
    ws_max_connections_per_address: int = Field(default=20, ge=1)
    ws_ping_interval_seconds: float = Field(default=20.0, gt=0)
    ws_ping_timeout_seconds: float = Field(default=20.0, gt=0)

    # Identity, tokens and personal data (docs/identity.md). Keys left unset are generated
    # into var/keys/ on first run while allow_dev_keys is on; production turns it off and
    # passes every key, so a missing key stops start-up instead of minting a new one.
    allow_dev_keys: bool = True
    redis_key_prefix: str = "tongban:"
    token_issuer: str = "tongban"  # noqa: S105 - a name, not a secret
    token_audience: str = "tongban-api"  # noqa: S105 - a name, not a secret
    access_token_ttl_seconds: int = Field(default=900, ge=60, le=900)
    # Ed25519 private key (PEM), inline or as a file; kid is its RFC 7638 thumbprint.
    token_signing_key: SecretStr | None = None
    token_signing_key_file: Path | None = None
    # Retired public keys (PEM files): still verified and published until their tokens expire.
    token_retired_public_key_files: list[Path] = Field(default_factory=list)
    resident_refresh_days: int = Field(default=30, ge=1)
    resident_session_max_days: int = Field(default=180, ge=1)
    staff_session_hours: int = Field(default=12, ge=1, le=24)
    # PII keys: {"kid": "<base64 of 32 bytes>"}, the kid new data is sealed with, and the
    # HMAC key of the blind index. Or all three in one JSON file (the dev key file's shape).
    pii_encryption_keys: dict[str, SecretStr] = Field(default_factory=dict)
    pii_active_key_id: str | None = None
    pii_index_key: SecretStr | None = None
    pii_keys_file: Path | None = None
    # Adapters, as "module:Class". Defaults: seeded registry table, SMS outbox table + log.
    population_registry_adapter: str = "backend.identity.registry:SeededPopulationRegistry"
    sms_adapter: str = "backend.identity.sms:OutboxSmsSender"
    # Ratings (好差评, backend/ratings/): how many working days a centre head has to settle
    # the follow-up (整改) of a 不满意 rating.
    rating_follow_up_working_days: int = Field(default=15, ge=1, le=60)
    # 电子亮证 (backend/certificates/): verifications one clerk may ask for in a minute (a busy
    # window scans about one code a minute; a script with a stolen clerk session is held here).
    certificate_verifications_per_minute: int = Field(default=30, ge=1)
    # Load the demo residents and staff of seed/staff.json (demo passwords!). Off in production.
    seed_demo_accounts: bool = True

    # Where the public reaches the service: links printed on documents and sent by SMS (the
    # QR code of a 受理回执 opens <public_base_url>/cases/<number>, the rating link
    # <public_base_url>/cases/<number>/rate).
    public_base_url: str = "http://127.0.0.1:8000"
    # A font with Chinese glyphs for PDFs (backend/cases/receipts.py). Unset: the first of
    # Debian's fonts-wqy-microhei and a few other CJK fonts that is installed.
    pdf_font_path: Path | None = None
    # Online booking (backend/bookings): defaults for centres without a rule in
    # seed/booking_slots.json, the booking window, limits and no-shows.
    booking_slot_minutes: int = Field(default=30, ge=5, le=240)
    booking_windows: int = Field(default=2, ge=1)
    booking_per_window: int = Field(default=1, ge=1)
    booking_min_lead_minutes: int = Field(default=30, ge=0)
    booking_max_days_ahead: int = Field(default=7, ge=1)
    booking_max_active: int = Field(default=3, ge=1)
    booking_no_show_grace_minutes: int = Field(default=15, ge=0)
    booking_no_show_limit: int = Field(default=3, ge=1)
    booking_no_show_window_days: int = Field(default=90, ge=1)
    booking_suspension_days: int = Field(default=30, ge=1)
    booking_no_show_job_seconds: float = Field(default=60.0, gt=0)
    # The day-before reminder (backend/bookings/reminders.py): from this Shanghai hour on,
    # bookings of the next day are reminded, once each; the job runs every N seconds.
    booking_reminder_hour: int = Field(default=10, ge=0, le=23)
    booking_reminder_job_seconds: float = Field(default=300.0, gt=0)
    # The queue at the centre (backend/bookings/queue.py, waits.py).
    queue_on_time_grace_minutes: int = Field(default=15, ge=0)  # on time: ranks at slot start
    queue_priority_age: int = Field(default=70, ge=1)  # 绿色通道 by verified birth date
    queue_service_sample: int = Field(default=20, ge=1)  # last N service times averaged
    queue_default_service_minutes: float = Field(default=10.0, gt=0)  # before any history
    queue_active_window_minutes: int = Field(default=60, ge=1)  # a window counts as open
    queue_recent_calls: int = Field(default=8, ge=1, le=50)  # calls shown on the board
    queue_max_window: int = Field(default=99, ge=1, le=999)

    # 电子亮证 (backend/certificates): presentation tokens are signed with a key of their own
    # (Ed25519 PEM, inline or as a file; never the access-token key), live at most 60 s and
    # are meant for the audience of verifying clerks. Retired public keys stay in the JWKS
    # (/.well-known/ecert-jwks.json) until their tokens have expired.
    ecert_signing_key: SecretStr | None = None
    ecert_signing_key_file: Path | None = None
    ecert_retired_public_key_files: list[Path] = Field(default_factory=list)
    ecert_audience: str = "tongban-ecert"
    ecert_ttl_seconds: int = Field(default=60, ge=10, le=60)
    # The e-licence library (电子证照库) adapter; the default reads the synthetic
    # certificates of seed/e_licences.json (e_licence_seed_file when set).
    e_licence_library_adapter: str = "backend.certificates.library:SeededELicenceLibrary"
    e_licence_seed_file: Path | None = None

    def serve_workers(self) -> int:
        if self.workers == "auto":
            return os.cpu_count() or 1
        return max(1, self.workers)

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _split_proxies(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _check_proxies(cls, value: list[str]) -> list[str]:
        for entry in value:
            ipaddress.ip_network(entry.strip(), strict=False)  # ValueError: refuse to start
        return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
