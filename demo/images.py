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


def _banh_chung(draw, rng, width, height):
    for _ in range(rng.randint(3, 5)):
        x, y, w = rng.randint(60, width - 260), rng.randint(height // 4, height - 300), 200
        draw.rectangle([x, y, x + w, y + w], fill=(46, 125, 50), outline=(27, 94, 32), width=6)
        for t in (w / 3, 2 * w / 3):
            draw.line([(x + t, y), (x + t, y + w)], fill=(240, 230, 200), width=5)
            draw.line([(x, y + t), (x + w, y + t)], fill=(240, 230, 200), width=5)


def _gifts(draw, rng, width, height):
    for _ in range(rng.randint(4, 7)):
        w = rng.randint(120, 220)
        x, y = rng.randint(20, width - w - 20), rng.randint(height // 3, height - w - 40)
        colour = rng.choice([(200, 20, 30), (242, 193, 78), (21, 101, 192), (46, 125, 50)])
        draw.rectangle([x, y, x + w, y + w], fill=colour, outline=(255, 255, 255), width=3)
        draw.rectangle([x + w / 2 - 10, y, x + w / 2 + 10, y + w], fill=GOLD)
        draw.rectangle([x, y + w / 2 - 10, x + w, y + w / 2 + 10], fill=GOLD)
        draw.ellipse([x + w / 2 - 40, y - 30, x + w / 2, y + 5], outline=GOLD, width=8)
        draw.ellipse([x + w / 2, y - 30, x + w / 2 + 40, y + 5], outline=GOLD, width=8)


def _people(draw, rng, width, height):
    count = rng.randint(5, 9)
    for i in range(count):
        x = (i + 0.5) * width / count + rng.randint(-20, 20)
        r = rng.randint(30, 42)
        y = height - 160 - rng.randint(0, 60)
        colour = rng.choice([(250, 240, 230), (255, 224, 178), (255, 205, 210), (200, 230, 201)])
        draw.ellipse([x - r, y - 3 * r, x + r, y - r], fill=colour)
        draw.rounded_rectangle([x - 1.6 * r, y - r + 8, x + 1.6 * r, height], 40, fill=colour)


def _stalls(draw, rng, width, height):
    count = rng.randint(3, 4)
    for i in range(count):
        x0 = i * width / count + 20
        x1 = (i + 1) * width / count - 20
        top = height // 3 + rng.randint(-30, 30)
        stripes = 6
        for k in range(stripes):
            colour = (200, 20, 30) if k % 2 == 0 else (255, 255, 255)
            a = x0 + k * (x1 - x0) / stripes
            b = x0 + (k + 1) * (x1 - x0) / stripes
            draw.polygon([(a, top), (b, top), (b + 10, top + 90), (a + 10, top + 90)], fill=colour)
        draw.rectangle([x0 + 20, top + 90, x1 - 10, height - 80], fill=(121, 85, 72))
        for _ in range(6):
            cx = rng.uniform(x0 + 40, x1 - 40)
            draw.ellipse([cx - 22, top + 150, cx + 22, top + 194], fill=GOLD)


def _fireworks(draw, rng, width, height):
    for _ in range(rng.randint(4, 6)):
        cx, cy = rng.randint(100, width - 100), rng.randint(60, height // 2)
        colour = rng.choice([GOLD, (255, 138, 128), (255, 255, 255), (129, 212, 250)])
        for k in range(16):
            angle = k * math.pi / 8
            r = rng.randint(70, 130)
            draw.line(
                [(cx, cy), (cx + r * math.cos(angle), cy + r * math.sin(angle))],
                fill=colour,
                width=4,
            )


def _peach(draw, rng, width, height):
    x, y = rng.randint(0, width // 4), height - 60
    points = [(x, y)]
    for _ in range(7):
        x += rng.randint(90, 170)
        y -= rng.randint(30, 90)
        points.append((x, y))
    draw.line(points, fill=(78, 52, 46), width=14, joint="curve")
    for px, py in points[1:]:
        for _ in range(rng.randint(3, 5)):
            cx, cy, r = px + rng.randint(-70, 70), py + rng.randint(-60, 60), rng.randint(12, 22)
            for i in range(5):
                angle = i * 2 * math.pi / 5
                qx, qy = cx + r * math.cos(angle), cy + r * math.sin(angle)
                draw.ellipse(
                    [qx - r * 0.7, qy - r * 0.7, qx + r * 0.7, qy + r * 0.7], fill=(244, 143, 177)
                )
            draw.ellipse(
                [cx - r * 0.35, cy - r * 0.35, cx + r * 0.35, cy + r * 0.35], fill=(194, 24, 91)
            )


def _skyline(draw, rng, width, height):
    x = 0
    while x < width:
        w, h = rng.randint(70, 150), rng.randint(150, int(height * 0.7))
        draw.rectangle([x, height - h, x + w - 6, height], fill=(38, 50, 56))
        for wy in range(height - h + 20, height - 20, 36):
            for wx in range(x + 12, x + w - 24, 28):
                if rng.random() < 0.6:
                    draw.rectangle([wx, wy, wx + 12, wy + 18], fill=GOLD)
        x += w


def _lixi(draw, rng, width, height):
    for _ in range(rng.randint(5, 8)):
        w, h = rng.randint(110, 150), rng.randint(170, 220)
        x, y = rng.randint(20, width - w - 20), rng.randint(40, height - h - 40)
        draw.rectangle([x, y, x + w, y + h], fill=(211, 47, 47), outline=GOLD, width=4)
        draw.polygon([(x, y), (x + w, y), (x + w / 2, y + h / 3)], fill=(183, 28, 28), outline=GOLD)
        draw.ellipse([x + w / 2 - 22, y + h / 2, x + w / 2 + 22, y + h / 2 + 44], fill=GOLD)


def _star_banner(draw, rng, width, height):
    cx, cy, r = width / 2 + rng.randint(-200, 200), height / 2 - 40, min(width, height) / 4
    points = []
    for k in range(10):
        angle = -math.pi / 2 + k * math.pi / 5
        radius = r if k % 2 == 0 else r * 0.4
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=(255, 235, 59))
    for k in range(3):
        y = height - 200 + k * 40
        draw.line([(0, y), (width, y + rng.randint(-20, 20))], fill=GOLD, width=6)


def _health(draw, rng, width, height):
    for _ in range(rng.randint(2, 4)):
        s = rng.randint(90, 160)
        x, y = rng.randint(40, width - 3 * s), rng.randint(40, height - 3 * s)
        draw.rounded_rectangle([x, y, x + 3 * s, y + 3 * s], 30, fill=(255, 255, 255))
        draw.rectangle([x + s, y + s / 3, x + 2 * s, y + 3 * s - s / 3], fill=(229, 57, 53))
        draw.rectangle([x + s / 3, y + s, x + 3 * s - s / 3, y + 2 * s], fill=(229, 57, 53))


def _scales(draw, rng, width, height):
    cx = width / 2 + rng.randint(-250, 250)
    top, base = 120, height - 90
    draw.line([(cx, top), (cx, base)], fill=GOLD, width=14)
    draw.rectangle([cx - 120, base, cx + 120, base + 24], fill=GOLD)
    draw.line([(cx - 260, top + 40), (cx + 260, top + 40)], fill=GOLD, width=10)
    for side in (-1, 1):
        px = cx + side * 240
        draw.line([(px, top + 40), (px - 70, top + 220)], fill=GOLD, width=3)
        draw.line([(px, top + 40), (px + 70, top + 220)], fill=GOLD, width=3)
        draw.chord([px - 90, top + 170, px + 90, top + 270], 0, 180, fill=GOLD)


def _podium(draw, rng, width, height):
    draw.rectangle([0, height * 0.62, width, height], fill=(93, 64, 55))
    draw.rectangle([width * 0.3, height * 0.45, width * 0.7, height * 0.62], fill=(141, 110, 99))
    draw.rectangle([0, 30, width, 120], fill=(198, 40, 40))
    for _ in range(rng.randint(3, 5)):
        x = rng.randint(60, width - 160)
        draw.rectangle([x, height * 0.72, x + 100, height * 0.72 + 14], fill=(255, 255, 255))
    for k in range(4):
        x = width * 0.35 + k * width * 0.09
        draw.ellipse([x, height * 0.36, x + 50, height * 0.36 + 50], fill=(255, 224, 178))


def _lanterns(draw, rng, width, height):
    # A branch of apricot blossoms across the picture, lanterns hanging from the top edge.
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
    for _ in range(rng.randint(2, 4)):
        _lantern(
            draw,
            rng.randint(80, width - 80),
            rng.randint(height // 4, height // 2),
            rng.randint(70, 120),
        )


# Twelve scenes; the seed picks one, so neighbouring pictures differ.
MOTIFS = (
    _lanterns,
    _banh_chung,
    _gifts,
    _people,
    _stalls,
    _fireworks,
    _peach,
    _skyline,
    _lixi,
    _star_banner,
    _health,
    _scales,
    _podium,
)


def article_image(seed, colour="#a61b1b", size=(1200, 675)):
    """A JPEG (bytes) with one of the Tết scenes (MOTIFS); the same seed draws the same one."""
    rng = random.Random(seed)
    base = _hex(colour)
    top = tuple(min(255, int(c * 1.25) + 20) for c in base)
    bottom = tuple(int(c * 0.45) for c in base)
    image = _gradient(size, top, bottom)
    draw = ImageDraw.Draw(image)
    width, height = size
    MOTIFS[seed % len(MOTIFS)](draw, rng, width, height)
    # A banner band near the bottom.
    band_y = height - rng.randint(110, 150)
    draw.rectangle([0, band_y, width, band_y + 12], fill=(*GOLD,))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=82, optimize=True)
    return output.getvalue()


def _logo_shape(draw, motif, size, fill):
    """One of seven badge outlines, so no two unions' logos look alike."""
    m, c = 6, size / 2
    outline = {"outline": GOLD, "width": 10}
    shape = motif % 7
    if shape == 0:
        draw.ellipse([m, m, size - m, size - m], fill=fill, **outline)
    elif shape == 1:
        draw.rounded_rectangle([m, m, size - m, size - m], size // 6, fill=fill, **outline)
    elif shape == 2:  # shield
        draw.polygon(
            [(m, m), (size - m, m), (size - m, c), (c, size - m), (m, c)], fill=fill, **outline
        )
    elif shape == 3:  # hexagon
        points = [
            (c + (c - m) * math.cos(math.pi / 3 * k), c + (c - m) * math.sin(math.pi / 3 * k))
            for k in range(6)
        ]
        draw.polygon(points, fill=fill, **outline)
    elif shape == 4:  # diamond
        draw.polygon([(c, m), (size - m, c), (c, size - m), (m, c)], fill=fill, **outline)
    elif shape == 5:  # double ring
        draw.ellipse([m, m, size - m, size - m], fill=GOLD)
        draw.ellipse([m + 18, m + 18, size - m - 18, size - m - 18], fill=fill)
    else:  # lotus: a circle with eight petals
        for k in range(8):
            angle = k * math.pi / 4
            px, py = c + (c / 1.6) * math.cos(angle), c + (c / 1.6) * math.sin(angle)
            draw.ellipse([px - c / 2.6, py - c / 2.6, px + c / 2.6, py + c / 2.6], fill=GOLD)
        draw.ellipse([c / 3, c / 3, size - c / 3, size - c / 3], fill=fill)


def logo_image(initials, colour="#a61b1b", size=256, motif=0):
    """A PNG logo (bytes): the union's initials (ASCII only) on one of seven badge shapes."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    _logo_shape(draw, motif, size, _hex(colour))
    font = ImageFont.load_default(size=size // (3 if len(initials) <= 2 else 4))
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
