"""A presentation token as a QR code: SVG for the app and kiosks, PNG for print.

Error correction M (15 %): a phone screen is clean, and M keeps the code a size a
scanner reads at arm's length. `version` and `modules` are reported with every
presentation so the size stays measured, not guessed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import qrcode
import qrcode.constants
import qrcode.image.pil
import qrcode.image.svg

ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_M
BORDER = 4  # the quiet zone the standard asks for


@dataclass(frozen=True)
class QrCode:
    svg: str
    version: int
    modules: int


def _code(data: str, box_size: int = 10) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, box_size=box_size, border=BORDER)
    code.add_data(data)
    code.make(fit=True)
    return code


def render_svg(data: str) -> QrCode:
    code = _code(data)
    image = code.make_image(image_factory=qrcode.image.svg.SvgPathImage)
    svg: str = image.to_string(encoding="unicode")
    return QrCode(svg=svg, version=int(code.version), modules=code.modules_count)


def render_png(data: str, box_size: int = 8) -> bytes:
    code = _code(data, box_size)
    image = code.make_image(image_factory=qrcode.image.pil.PilImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()
