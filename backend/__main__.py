"""Command line: python -m backend {serve,migrate,seed,export-schema,sms-outbox,reencrypt-pii}."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from backend.settings import PROJECT_ROOT, get_settings

SCHEMA_PATH = PROJECT_ROOT / "schema" / "schema.graphql"


def export_schema_sdl() -> str:
    from strawberry.printer import print_schema

    from backend.api import schema_for

    return print_schema(schema_for(get_settings())) + "\n"


async def _migrate() -> None:
    from backend import db

    await db.apply_migrations(get_settings().database_url)


@asynccontextmanager
async def _database() -> AsyncIterator[None]:
    """A command's database connection and infrastructure container, like the app's."""
    from backend import db
    from backend.platform import infra

    settings = get_settings()
    container = infra.Infrastructure(settings)
    infra.install(container)
    await db.connect(settings.database_url)
    try:
        yield
    finally:
        await db.disconnect()
        await container.stop()
        infra.install(None)


async def _seed() -> None:
    from backend import db
    from backend.seeding import load_seed

    settings = get_settings()
    await db.apply_migrations(settings.database_url)
    async with _database():
        print(await load_seed(settings.seed_dir))


async def _sms_outbox(phone: str | None, limit: int) -> None:
    from backend.identity.maintenance import print_outbox

    async with _database():
        await print_outbox(sys.stdout, phone, limit)


async def _reencrypt_pii() -> None:
    from backend.certificates.maintenance import SEALED_COLUMNS as CERTIFICATES
    from backend.identity.maintenance import SEALED_COLUMNS as IDENTITY
    from backend.identity.maintenance import reencrypt_pii

    async with _database():
        print(await reencrypt_pii(sealed=[*IDENTITY, *CERTIFICATES]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backend")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    sub.add_parser("migrate", help="apply database migrations")
    sub.add_parser("seed", help="apply migrations and load seed/ (idempotent)")
    export = sub.add_parser("export-schema", help="write schema/schema.graphql")
    export.add_argument("--output", type=Path, default=SCHEMA_PATH)
    outbox = sub.add_parser(
        "sms-outbox", help="show the development SMS outbox (sign-in codes), newest first"
    )
    outbox.add_argument("--phone", help="only messages to this number")
    outbox.add_argument("--limit", type=int, default=20)
    sub.add_parser("reencrypt-pii", help="reseal personal data with the active PII key")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if args.command == "serve":
        from backend.server import serve as run_server

        settings = get_settings()
        if settings.serve_workers() > 1:
            # Each worker builds its app (a factory); the embedded default keeps one worker.
            run_server("backend.app:create_app", args.host, args.port, settings)
        else:
            from backend.app import create_app

            run_server(create_app(), args.host, args.port, settings)
    elif args.command == "migrate":
        asyncio.run(_migrate())
    elif args.command == "seed":
        asyncio.run(_seed())
    elif args.command == "sms-outbox":
        asyncio.run(_sms_outbox(args.phone, args.limit))
    elif args.command == "reencrypt-pii":
        asyncio.run(_reencrypt_pii())
    elif args.command == "export-schema":
        args.output.write_text(export_schema_sdl(), encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
