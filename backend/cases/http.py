"""Plain HTTP endpoints of the cases domain: a case's 受理回执 and full history as PDFs.

    GET /cases/{number}/receipt.pdf
    GET /cases/{number}/history.pdf
    Authorization: Bearer <access token>

The same rules as the API: identity's `authenticate` turns the header into a principal, and
the case is found through the service, which applies `access.may_read` (the resident who
owns it, staff of its collecting or accepting centre, admins). Anyone else is told the
case does not exist (404), never that it exists and is someone else's. Errors are JSON
`{code, message}` (`reason` too for a bad token), with the API's codes.

Every attempt by a signed-in caller is written to the audit log (`cases.receipt.download`,
`cases.history.download`): SUCCESS with the case, or FAILURE with NOT_FOUND. The PDF holds
personal data (masked, but still): `Cache-Control: no-store`, and nothing about it is
logged; the access log's path is scrubbed of digit runs (backend/platform/edge.py), so
the case number does not reach the log either.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from graphql import GraphQLError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from backend.audit import service as audit
from backend.audit.service import Target
from backend.cases import receipts, service
from backend.cases.receipts import CaseDocument, FontMissing
from backend.identity.authentication import authenticate
from backend.platform import infra
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.principal import Principal
from backend.platform.requestmeta import RequestMeta

logger = logging.getLogger("tongban.cases")
# Rendering a PDF costs CPU (a CJK font is parsed and subset for each document): a caller
# gets this many downloads a minute, found or not, then 429 RATE_LIMITED.
DOWNLOADS_PER_MINUTE = 30
UNAVAILABLE = "暂时无法生成 PDF，请稍后再试。"


@dataclass(frozen=True)
class Download:
    kind: str  # the audit action's middle part
    title: str  # the Chinese file name's stem
    ascii_stem: str  # the fallback for clients without RFC 6266 filename*
    render: Callable[[CaseDocument, Path], bytes]


RECEIPT = Download("receipt", "受理回执", "receipt", receipts.render_receipt)
HISTORY = Download("history", "办件记录", "history", receipts.render_history)


def _error(status: int, code: ErrorCode, message: str, **extra: Any) -> JSONResponse:
    headers = {"Cache-Control": "no-store"}
    if status == 401:
        reason = extra.get("reason")
        headers["WWW-Authenticate"] = (
            'Bearer realm="tongban", error="invalid_token"' if reason else 'Bearer realm="tongban"'
        )
    return JSONResponse(
        {"code": code.value, "message": message, **extra}, status_code=status, headers=headers
    )


async def _principal(request: Request) -> Principal | JSONResponse:
    """The caller, or the 401 to answer: no token, or a bad one (with the reason)."""
    credentials = authenticate(request.headers.get("authorization"))
    if not credentials.presented:
        return _error(401, ErrorCode.UNAUTHENTICATED, "请先登录。")
    try:
        return await credentials.principal()
    except GraphQLError as error:  # identity says UNAUTHENTICATED with the reason
        extensions = error.extensions or {}
        reason = str(extensions.get("reason") or ErrorCode.TOKEN_INVALID.value)
        return _error(401, ErrorCode.UNAUTHENTICATED, error.message, reason=reason)


def content_disposition(title: str, ascii_stem: str, number: str) -> str:
    """RFC 6266: an ASCII `filename` for old clients, the Chinese name as `filename*`."""
    safe_number = "".join(ch for ch in number if ch.isascii() and (ch.isalnum() or ch in "-_"))
    fallback = f"{ascii_stem}-{safe_number}.pdf"
    return (
        f'attachment; filename="{fallback}"; '
        f"filename*=UTF-8''{quote(f'{title}-{safe_number}.pdf', safe='')}"
    )


async def _download(request: Request, download: Download) -> Response:
    found = await _principal(request)
    if isinstance(found, JSONResponse):
        return found
    principal = found
    container = infra.current()
    settings = container.settings
    meta = RequestMeta.from_scope(request.scope)
    allowed = await container.limiter.hit(
        f"case-pdf:{principal.audit_actor.kind}:{principal.audit_actor.id}",
        DOWNLOADS_PER_MINUTE,
        60,
    )
    if not allowed.allowed:
        response = _error(429, ErrorCode.RATE_LIMITED, "下载过于频繁，请稍后再试。")
        response.headers["Retry-After"] = str(max(1, allowed.retry_after))
        return response
    try:
        async with audit.audited(
            f"cases.{download.kind}.download", actor=principal.audit_actor, meta=meta
        ) as note:
            case = await service.get_case_by_number(principal, request.path_params["number"])
            note.target = Target("case", case.id)
            note.details["case"] = case.number
            document = await receipts.load_case_document(case, settings.public_base_url)
            font = receipts.find_cjk_font(settings.pdf_font_path)
            body = await run_in_threadpool(download.render, document, font)
    except DomainError as error:  # NOT_FOUND: not there, or not theirs to read
        return _error(404 if error.code is ErrorCode.NOT_FOUND else 400, error.code, error.message)
    except FontMissing as error:
        # An installation problem: the operator reads what to install; no personal data.
        logger.error("cannot render a PDF: %s", error)
        return _error(500, ErrorCode.INTERNAL_ERROR, UNAVAILABLE)
    except Exception as error:  # masked, and logged without its text (it may quote the case)
        logger.error("PDF download failed: %s", type(error).__name__)
        return _error(500, ErrorCode.INTERNAL_ERROR, UNAVAILABLE)
    return Response(
        body,
        media_type="application/pdf",
        headers={
            "Content-Disposition": content_disposition(
                download.title, download.ascii_stem, case.number
            ),
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


async def receipt_pdf(request: Request) -> Response:
    return await _download(request, RECEIPT)


async def history_pdf(request: Request) -> Response:
    return await _download(request, HISTORY)


ROUTES = [
    Route("/cases/{number}/receipt.pdf", receipt_pdf, methods=["GET"]),
    Route("/cases/{number}/history.pdf", history_pdf, methods=["GET"]),
]
