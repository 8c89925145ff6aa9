"""Demo images drawn locally with Pillow: Tết motifs (lanterns, apricot blossoms, banners)."""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

GOLD = (242, 193, 78)
BLOSSOM = (255, 208, 64)


def _hex(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _gradient(size, top, bottom):
    width, height = size
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(height - 1, 1)
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    return image


def _blossom(draw, x, y, r):
    for i in range(5):
        angle = i * 2 * math.pi / 5
        px, py = x + r * math.cos(angle), y + r * math.sin(angle)
        draw.ellipse([px - r * 0.7, py - r * 0.7, px + r * 0.7, py + r * 0.7], fill=BLOSSOM)
    draw.ellipse([x - r * 0.4, y - r * 0.4, x + r * 0.4, y + r * 0.4], fill=(214, 120, 20))


def _lantern(draw, x, y, w):
    h = w * 1.3
    draw.line([(x, y - h), (x, y - h / 2 - 4)], fill=GOLD, width=3)
    draw.rectangle([x - w / 4, y - h / 2 - 8, x + w / 4, y - h / 2 + 4], fill=GOLD)
    draw.ellipse(
        [x - w / 2, y - h / 2, x + w / 2, y + h / 2], fill=(200, 20, 30), outline=GOLD, width=3
    )
    for dx in (-w / 4, 0, w / 4):
        draw.line([(x + dx, y - h / 2 + 6), (x + dx, y + h / 2 - 6)], fill=(150, 10, 20), width=2)
    draw.rectangle([x - w / 4, y + h / 2 - 4, x + w / 4, y + h / 2 + 8], fill=GOLD)
    for dx in range(-int(w / 5), int(w / 5) + 1, 6):
        draw.line([(x + dx, y + h / 2 + 8), (x + dx, y + h / 2 + 30)], fill=GOLD, width=2)


def article_image(seed, colour="#a61b1b", size=(1200, 675)):
    """A JPEG (bytes) with a Tết scene; the same seed draws the same picture."""
    rng = random.Random(seed)
    base = _hex(colour)
    top = tuple(min(255, int(c * 1.25) + 20) for c in base)
    bottom = tuple(int(c * 0.45) for c in base)
    image = _gradient(size, top, bottom)
    draw = ImageDraw.Draw(image)
    width, height = size
    # A branch of apricot blossoms across the picture.
    x0, y0 = rng.randint(-100, width // 3), rng.randint(0, height // 3)
    points = [(x0, y0)]
    for _ in range(6):
        x0 += rng.randint(120, 220)
        y0 += rng.randint(-40, 80)
        points.append((x0, y0))
    draw.line(points, fill=(90, 50, 30), width=10, joint="curve")
    for px, py in points[1:]:
        for _ in range(rng.randint(2, 4)):
            _blossom(
                draw, px + rng.randint(-60, 60), py + rng.randint(-50, 50), rng.randint(12, 24)
            )
    # Lanterns hanging from the top edge.
    for _ in range(rng.randint(2, 4)):
        _lantern(
            draw,
            rng.randint(80, width - 80),
            rng.randint(height // 4, height // 2),
            rng.randint(70, 120),
        )
    # A banner band near the bottom.
    band_y = height - rng.randint(110, 150)
    draw.rectangle([0, band_y, width, band_y + 60], fill=(*GOLD,))
    draw.rectangle([0, band_y + 60, width, band_y + 66], fill=(140, 20, 20))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=82, optimize=True)
    return output.getvalue()


def logo_image(initials, colour="#a61b1b", size=256):
    """A round PNG logo (bytes) with the union's initials (ASCII only)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([4, 4, size - 4, size - 4], fill=_hex(colour), outline=GOLD, width=10)
    font = ImageFont.load_default(size=size // 3)
    box = draw.textbbox((0, 0), initials, font=font)
    text_w, text_h = box[2] - box[0], box[3] - box[1]
    draw.text(
        ((size - text_w) / 2 - box[0], (size - text_h) / 2 - box[1]),
        initials,
        font=font,
        fill=(255, 255, 255),
    )
    output = io.BytesIO()
    image.save(output, "PNG", optimize=True)
    return output.getvalue()
