"""One settings object for the whole service, read from TONGBAN_* environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
    debug: bool = False


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
