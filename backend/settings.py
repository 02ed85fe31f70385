"""One settings object for the whole service, read from TONGBAN_* environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TONGBAN_", env_file=None, extra="ignore")

    # Embedded default: a SQLite file under var/. Production: postgres://user@host:5432/db
    database_url: str = f"sqlite://{PROJECT_ROOT / 'var' / 'tongban.sqlite3'}"
    # Unset: in-process broker and cache. Production: redis://host:6379/0
    redis_url: str | None = None
    var_dir: Path = PROJECT_ROOT / "var"
    seed_dir: Path = PROJECT_ROOT / "seed"
    pwa_dist: Path = PROJECT_ROOT / "pwa" / "dist"

    # Apply migrations and load the seed on start-up (the embedded default wants both).
    migrate_on_start: bool = True
    seed_on_start: bool = True

    # GraphQL limits, on from the start.
    graphiql: bool = True
    max_query_depth: int = 10
    max_aliases: int = 15
    max_tokens: int = 2000
    max_page_size: int = 100
    max_request_bytes: int = 256 * 1024  # a GraphQL document is text; 256 KiB is plenty
    debug: bool = False

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
    # Load the demo residents and staff of seed/staff.json (demo passwords!). Off in production.
    seed_demo_accounts: bool = True


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
