"""Persisted queries: Apollo's Automatic Persisted Queries, and an allow-list for production.

APQ (https://github.com/apollographql/apollo-link-persisted-queries#protocol): a request
carries `extensions: {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}`, over POST
(in the JSON body) or GET (`?extensions=<json>`, with `variables` and `operationName` as
query parameters too):
- with the hash alone, the document registered under it runs; an unknown hash answers
  PERSISTED_QUERY_NOT_FOUND, and the client sends the hash again with the document;
- with the hash and the document, the document runs and is registered under its hash, once
  the hash is checked: a hash that is not the document's sha256 is refused
  (PERSISTED_QUERY_HASH_MISMATCH), nothing is registered.
Registered documents live in the shared cache (Redis in production, so every instance
knows them; this process's LRU otherwise) for `persisted_query_ttl_seconds`.

The allow-list (`persisted_queries_only`): only documents of the manifest run, the PWA's own
(`pwa/dist/persisted-queries.json`, written by its build: sha256 -> document). A hash not in
it is PERSISTED_QUERY_NOT_FOUND, a document not in it PERSISTED_QUERY_NOT_ALLOWED, over every
transport (HTTP here, WebSocket through `AllowListOnly`); nothing gets registered.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from backend.platform import infra
from backend.platform.errors import ErrorCode

logger = logging.getLogger("tongban.graphql")

SHA256_HEX = re.compile(r"[0-9a-f]{64}")
KEY_PREFIX = "apq:"
MAX_PERSISTED_CHARS = 16 * 1024  # larger documents are refused registration

NOT_FOUND = "未找到该持久化查询，请连同查询文本一起重新发送。"
MISMATCH = "持久化查询的哈希与查询文本不符。"
NOT_ALLOWED = "服务器只执行已登记的查询。"
BAD_EXTENSION = "persistedQuery 扩展格式不正确（需要 version 1 与 64 位十六进制 sha256Hash）。"


class PersistedQueryError(Exception):
    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def body(self) -> dict[str, Any]:
        return {"errors": [{"message": self.message, "extensions": {"code": self.code.value}}]}


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def load_manifest(path: Path | None) -> dict[str, str]:
    """hash -> document, every entry checked (a wrong hash stops start-up)."""
    if path is None or not path.exists():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    manifest: dict[str, str] = {}
    for digest, document in raw.items():
        if not isinstance(document, str) or sha256_hex(document) != digest:
            raise ValueError(f"{path}: the entry {digest[:12]}... is not its document's sha256")
        manifest[digest] = document
    return manifest


def requested_hash(extensions: Mapping[str, Any] | None) -> str | None:
    """The sha256Hash a request's extensions name; None without persistedQuery."""
    if not extensions or "persistedQuery" not in extensions:
        return None
    persisted = extensions["persistedQuery"]
    digest = persisted.get("sha256Hash") if isinstance(persisted, Mapping) else None
    version = persisted.get("version", 1) if isinstance(persisted, Mapping) else None
    if version != 1 or not isinstance(digest, str) or not SHA256_HEX.fullmatch(digest):
        raise PersistedQueryError(ErrorCode.INVALID_INPUT, BAD_EXTENSION)
    return digest


class PersistedQueries:
    """Resolves the document of a request (see the module's docstring)."""

    def __init__(self, manifest: Mapping[str, str], *, only: bool, ttl_seconds: int) -> None:
        self.manifest = dict(manifest)
        self.only = only
        self.ttl_seconds = ttl_seconds

    def allowed(self, query: str) -> bool:
        return not self.only or sha256_hex(query) in self.manifest

    async def resolve(self, query: str | None, extensions: Mapping[str, Any] | None) -> str | None:
        """The document to run (None: none was sent); raises PersistedQueryError."""
        digest = requested_hash(extensions)
        if digest is None:
            if query is not None and not self.allowed(query):
                raise PersistedQueryError(ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, NOT_ALLOWED)
            return query
        if query is None:
            found = self.manifest.get(digest)
            if found is None and not self.only:
                stored = await infra.current().cache.get(KEY_PREFIX + digest)
                found = stored.decode() if stored is not None else None
            if found is None:
                raise PersistedQueryError(ErrorCode.PERSISTED_QUERY_NOT_FOUND, NOT_FOUND)
            return found
        if sha256_hex(query) != digest:
            raise PersistedQueryError(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, MISMATCH)
        if digest in self.manifest:
            return query
        if self.only:
            raise PersistedQueryError(ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, NOT_ALLOWED)
        if len(query) <= MAX_PERSISTED_CHARS:
            await infra.current().cache.set(KEY_PREFIX + digest, query.encode(), self.ttl_seconds)
        return query


def allow_list_only(persisted: PersistedQueries) -> type[SchemaExtension]:
    class AllowListOnly(SchemaExtension):
        """In allow-list mode, an operation whose document is not in the manifest does not
        run, whatever the transport (WebSocket operations do not pass the HTTP view)."""

        def on_operation(self) -> Iterator[None]:
            query = self.execution_context.query
            if query is not None and not persisted.allowed(query):
                # Refused where validation errors are: nothing runs, the transport reports it.
                self.execution_context.pre_execution_errors = [
                    GraphQLError(
                        NOT_ALLOWED,
                        extensions={"code": ErrorCode.PERSISTED_QUERY_NOT_ALLOWED.value},
                    )
                ]
            yield

    return AllowListOnly
