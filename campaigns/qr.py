"""QR codes drawn locally (segno), as inline SVG: nothing is fetched from the network."""

import segno
from django.utils.safestring import mark_safe

QR_OPTIONS = {"scale": 8, "border": 2, "dark": "#000", "light": "#fff", "omitsize": True}


def qr_svg(url):
    """An inline <svg> QR code that encodes `url` (error correction level M)."""
    # segno's output holds only numbers and colours: nothing from `url` appears in it.
    return mark_safe(segno.make(url, error="m", micro=False).svg_inline(**QR_OPTIONS))
