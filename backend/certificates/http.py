"""Plain HTTP endpoints of 电子亮证.

    GET /.well-known/ecert-jwks.json      the public keys of presentation tokens (JWKS)
    GET /certificates/status-list          revocation status list (W3C Bitstring Status List)
    GET /certificates/status-list.jwt      the same, signed (JWS, typ vc+jwt, the JWKS's key)
    GET /certificates/{id}/qr.png|qr.svg   a fresh presentation as a QR image, for kiosks
        ?fields=name,sex                   and print; Authorization: Bearer <access token>,
                                           the certificate's holder or linked relative only

The QR routes mint a presentation exactly like presentCertificate (audited, single use,
at most 60 s); the token's expiry is in `X-Ecert-Expires-At`. Someone else's certificate
answers 404, as a missing one would. Nothing about the image is cached or logged.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from backend.certificates import qr, service, statuslist
from backend.graphql.relay import decode_global_id
from backend.identity.authentication import authenticate
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.principal import Principal
from backend.platform.requestmeta import RequestMeta


def _error(status: int, code: ErrorCode, message: str, **extra: Any) -> JSONResponse:
    headers = {"Cache-Control": "no-store"}
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="tongban"'
    return JSONResponse(
        {"code": code.value, "message": message, **extra}, status_code=status, headers=headers
    )


async def _principal(request: Request) -> Principal | JSONResponse:
    credentials = authenticate(request.headers.get("authorization"))
    if not credentials.presented:
        return _error(401, ErrorCode.UNAUTHENTICATED, "请先登录。")
    try:
        return await credentials.principal()
    except GraphQLError as error:  # identity says UNAUTHENTICATED with the reason
        extensions = error.extensions or {}
        reason = str(extensions.get("reason") or ErrorCode.TOKEN_INVALID.value)
        return _error(401, ErrorCode.UNAUTHENTICATED, error.message, reason=reason)


async def jwks(request: Request) -> JSONResponse:
    return JSONResponse(
        service.presentation_tokens().keys.jwks(),
        headers={"Cache-Control": "public, max-age=300"},
        media_type="application/jwk-set+json",
    )


async def status_list(request: Request) -> JSONResponse:
    return JSONResponse(
        await statuslist.credential(),
        headers={"Cache-Control": "public, max-age=60"},
        media_type="application/vc+ld+json",
    )


async def status_list_jwt(request: Request) -> Response:
    keys = service.presentation_tokens().keys
    token = statuslist.signed(await statuslist.credential(), keys.signing_key, keys.kid)
    return Response(
        token, media_type="application/vc+jwt", headers={"Cache-Control": "public, max-age=60"}
    )


async def _qr(request: Request, fmt: str) -> Response:
    found = await _principal(request)
    if isinstance(found, JSONResponse):
        return found
    principal = found
    if not principal.is_verified_resident:
        return _error(403, ErrorCode.FORBIDDEN, "请先完成实名认证。", reason="REAL_NAME_REQUIRED")
    raw_fields = request.query_params.get("fields")
    fields = [f for f in raw_fields.split(",") if f][:17] if raw_fields is not None else None
    try:
        certificate_id = decode_global_id(request.path_params["id"][:128], "ECertificate")
        presentation = await service.present(
            principal, certificate_id, fields, RequestMeta.from_scope(request.scope)
        )
    except DomainError as error:
        status = (
            404 if error.code in (ErrorCode.CERTIFICATE_NOT_FOUND, ErrorCode.INVALID_ID) else 400
        )
        return _error(status, error.code, error.message)
    headers = {
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "X-Ecert-Expires-At": presentation.expires_at.isoformat(),
        "X-Qr-Version": str(presentation.qr.version),
        "X-Qr-Modules": str(presentation.qr.modules),
    }
    if fmt == "svg":
        return Response(presentation.qr.svg, media_type="image/svg+xml", headers=headers)
    body = await run_in_threadpool(qr.render_png, presentation.token)
    return Response(body, media_type="image/png", headers=headers)


async def qr_png(request: Request) -> Response:
    return await _qr(request, "png")


async def qr_svg(request: Request) -> Response:
    return await _qr(request, "svg")


ROUTES = [
    Route("/.well-known/ecert-jwks.json", jwks, methods=["GET"]),
    Route(statuslist.PATH, status_list, methods=["GET"]),
    Route(statuslist.JWT_PATH, status_list_jwt, methods=["GET"]),
    Route("/certificates/{id}/qr.png", qr_png, methods=["GET"]),
    Route("/certificates/{id}/qr.svg", qr_svg, methods=["GET"]),
]
