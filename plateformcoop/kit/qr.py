"""QR codes (segno, pure Python) as PNG data URIs for the printed cards.

PNG rather than SVG: WeasyPrint parses an SVG QR code's path on every page it
paints (measured: a third of the time of writing a deck); a one-bit PNG with
whole-pixel modules is embedded as it is and prints as sharply (``image-rendering:
pixelated`` in kit.css keeps viewers from blurring it).
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache

import segno


@lru_cache(maxsize=4096)
def qr_data_uri(url: str) -> str:
    """A QR code for ``url``: error correction M (survives a crease or a stain),
    quiet zone of four modules, black on white, 8 pixels per module."""
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=8, border=4, dark="#000", light="#fff")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
