"""A booking as an iCalendar file (RFC 5545), for "add to calendar".

One VEVENT with a stable UID (a changed booking replaces the old entry in the resident's
calendar: same UID, a higher SEQUENCE), DTSTART/DTEND in Asia/Shanghai with its VTIMEZONE
(China has had no daylight saving time since 1991: one STANDARD part, +0800), the centre's
name and address as LOCATION, and a reminder an hour before. Text is escaped (backslash,
semicolon, comma, newline), lines end in CRLF and are folded at 75 octets without
splitting a UTF-8 character. No check-in code and no personal data: calendars are synced
to third parties.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from backend.platform.clock import to_shanghai

TZID = "Asia/Shanghai"
PRODID = "-//Tongban//Bookings 1.0//ZH"
UID_DOMAIN = "tongban.sh.gov.cn"


@dataclass(frozen=True)
class CalendarEvent:
    booking_id: int
    sequence: int  # grows with every change of the booking
    starts_at: datetime
    ends_at: datetime
    summary: str
    location: str
    description: str
    cancelled: bool
    stamp: datetime


def escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Lines of at most 75 octets; continuation lines start with one space."""
    out: list[str] = []
    current = ""
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        limit = 75 if not out else 74  # a continuation line spends one octet on the space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += ch
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _local(moment: datetime) -> str:
    return to_shanghai(moment).strftime("%Y%m%dT%H%M%S")


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def render(event: CalendarEvent) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VTIMEZONE",
        f"TZID:{TZID}",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "TZNAME:CST",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        f"UID:booking-{event.booking_id}@{UID_DOMAIN}",
        f"DTSTAMP:{_utc(event.stamp)}",
        f"SEQUENCE:{event.sequence}",
        f"DTSTART;TZID={TZID}:{_local(event.starts_at)}",
        f"DTEND;TZID={TZID}:{_local(event.ends_at)}",
        f"SUMMARY:{escape(event.summary)}",
        f"LOCATION:{escape(event.location)}",
        f"DESCRIPTION:{escape(event.description)}",
        f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}",
        "TRANSP:OPAQUE",
    ]
    if not event.cancelled:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape(event.summary)}",
            "TRIGGER:-PT1H",
            "END:VALARM",
        ]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("".join(fold(line) + "\r\n" for line in lines)).encode("utf-8")
