"""Serving the built PWA: real files as they are, and index.html for the app's own routes.

A resident who opens a shared link such as /centres/310101-01 gets the app with 200, so
the client-side router can show the page; a missing asset (/assets/x.js) stays a 404.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope


class SinglePageApp(StaticFiles):
    def __init__(self, directory: str | Path) -> None:
        super().__init__(directory=str(directory), html=True)

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
