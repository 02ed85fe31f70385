"""The check-in code as a QR code (SVG, from `qrcode`'s SVG path factory)."""

from __future__ import annotations

import qrcode
import qrcode.image.svg

PREFIX = "TONGBAN-CHECKIN:"


def check_in_svg(code: str) -> str:
    image = qrcode.make(
        PREFIX + code,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    svg: str = image.to_string(encoding="unicode")
    return svg
