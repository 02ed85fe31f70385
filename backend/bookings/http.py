"""Plain HTTP endpoint of the bookings domain: a booking as an iCalendar file.

    GET /bookings/{id}.ics
    Authorization: Bearer <access token>

Only the resident who owns the booking gets it; anyone else (another resident, staff, a
missing booking) is told it does not exist (404). `Cache-Control: no-store`. Errors are JSON
`{code, message}` with the API's codes, as for the cases' PDFs (backend/cases/http.py).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from backend.bookings import access, calendar_file
from backend.bookings.models import Booking, BookingState
from backend.centres import service as centres
from backend.identity.authentication import authenticate
from backend.matters import service as matters
from backend.platform.clock import now
from backend.platform.errors import ErrorCode

NOT_FOUND = "找不到该预约。"


def _error(status: int, code: ErrorCode, message: str, **extra: str) -> JSONResponse:
    headers = {"Cache-Control": "no-store"}
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="tongban"'
    return JSONResponse(
        {"code": code.value, "message": message, **extra}, status_code=status, headers=headers
    )


async def booking_ics(request: Request) -> Response:
    credentials = authenticate(request.headers.get("authorization"))
    if not credentials.presented:
        return _error(401, ErrorCode.UNAUTHENTICATED, "请先登录。")
    try:
        principal = await credentials.principal()
    except Exception as error:  # identity's UNAUTHENTICATED, with its reason
        extensions = getattr(error, "extensions", None) or {}
        reason = str(extensions.get("reason") or ErrorCode.TOKEN_INVALID.value)
        return _error(401, ErrorCode.UNAUTHENTICATED, "登录已失效，请重新登录。", reason=reason)
    booking_id: int = request.path_params["booking_id"]
    booking = await Booking.get_or_none(id=booking_id) if booking_id < 2**31 else None
    if booking is None or not access.is_owner(principal, booking):
        return _error(404, ErrorCode.NOT_FOUND, NOT_FOUND)
    centre = await centres.get_centre(booking.centre_id)
    matter = await matters.get_matter(booking.matter_id)
    cancelled = booking.state in (BookingState.CANCELLED, BookingState.CANCELLED_BY_CENTRE)
    event = calendar_file.CalendarEvent(
        booking_id=booking.id,
        sequence=int(booking.updated_at.timestamp()) if booking.updated_at else 0,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        summary=f"{centre.short_name}预约办理：{matter.name}",
        location=f"{centre.name}（{centre.address}）",
        description=(
            f"事项：{matter.name}\n请按时到{centre.name}，在门口出示通办 App 中的签到二维码取号。"
        ),
        cancelled=cancelled,
        stamp=now(),
    )
    return Response(
        calendar_file.render(event),
        media_type="text/calendar; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="booking-{booking.id}.ics"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


ROUTES = [Route("/bookings/{booking_id:int}.ics", booking_ics, methods=["GET"])]
