"""Serving the built PWA: real files as they are, and index.html for the app's own routes.

A resident who opens a shared link such as /centres/310101-01 gets the app with 200, so
the client-side router can show the page; a missing asset (/assets/x.js) stays a 404.

Compression and caching, for a phone on a slow network:
- the build (pwa/scripts/app-shell.ts) writes `x.br` and `x.gz` beside every compressible
  file; the variant the browser accepts is sent (brotli first) with `Content-Encoding` and
  `Vary: Accept-Encoding`, so nothing is compressed per request;
- files under /assets/ carry a content hash in their name (Vite): cached for a year,
  `immutable`; the HTML, the service worker and the manifest must be checked every time
  (`no-cache`: a new deploy shows at the next start); anything else (icons) for a day.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path, PurePosixPath

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, Response
from starlette.staticfiles import NotModifiedResponse, PathLike, StaticFiles
from starlette.types import Scope

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
SHORT = "public, max-age=86400"
# Files a browser must revalidate: their names never change between deploys.
ALWAYS_REVALIDATED = frozenset({"index.html", "404.html", "sw.js", "manifest.webmanifest"})
# Preferred first; the file suffix the build writes for each.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header: str) -> set[str]:
    """The content codings an Accept-Encoding header allows (q=0 excludes one)."""
    accepted: set[str] = set()
    for item in header.split(","):
        coding, _, params = item.strip().partition(";")
        coding = coding.strip().lower()
        if not coding:
            continue
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            accepted.add(coding)
    if "*" in accepted:
        accepted.update(coding for coding, _ in ENCODINGS)
    return accepted


class SinglePageApp(StaticFiles):
    def __init__(self, directory: str | Path) -> None:
        super().__init__(directory=str(directory), html=True)
        self.root = Path(directory).resolve()

    async def get_response(self, path: str, scope: Scope) -> Response:
        # Starlette answers a miss with 404.html (status 404) when the build has one, and
        # raises HTTPException(404) when it does not: both mean "not a file".
        try:
            response = await super().get_response(path, scope)
        except HTTPException as missing:
            if missing.status_code != 404 or PurePosixPath(path).suffix:
                raise
            return await super().get_response("index.html", scope)
        if response.status_code == 404 and not PurePosixPath(path).suffix:
            return await super().get_response("index.html", scope)
        return response

    def cache_control(self, full_path: PathLike) -> str:
        try:
            relative = Path(full_path).resolve().relative_to(self.root)
        except ValueError:
            return REVALIDATE
        if relative.parts[:1] == ("assets",):
            return IMMUTABLE
        if relative.as_posix() in ALWAYS_REVALIDATED:
            return REVALIDATE
        return SHORT

    def file_response(
        self,
        full_path: PathLike,
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        request_headers = Headers(scope=scope)
        media_type = mimetypes.guess_type(str(full_path))[0] or "application/octet-stream"
        headers = {"Cache-Control": self.cache_control(full_path)}
        path, stat = full_path, stat_result
        variant = self._encoded_variant(str(full_path), request_headers)
        if variant is not None:
            coding, path, stat = variant
            headers["Content-Encoding"] = coding
        if variant is not None or self._has_variants(str(full_path)):
            headers["Vary"] = "Accept-Encoding"
        response = FileResponse(
            path,
            status_code=status_code,
            headers=headers,
            media_type=media_type,
            stat_result=stat,
        )
        if self.is_not_modified(response.headers, request_headers):
            return NotModifiedResponse(response.headers)
        return response

    @staticmethod
    def _has_variants(full_path: str) -> bool:
        return any(os.path.isfile(full_path + suffix) for _, suffix in ENCODINGS)

    @staticmethod
    def _encoded_variant(
        full_path: str, request_headers: Headers
    ) -> tuple[str, str, os.stat_result] | None:
        accepted = accepted_encodings(request_headers.get("accept-encoding", ""))
        for coding, suffix in ENCODINGS:
            if coding not in accepted:
                continue
            try:
                stat = os.stat(full_path + suffix)
            except OSError:
                continue
            return coding, full_path + suffix, stat
        return None
