#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Draw the demo company's logo, data/thermi_services_logo.png: a flame in
a round badge and the company's name. Run once; the PNG is committed and
data/demo.py sets it on the company.

    python3 data/draw_logo.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT_LIGHT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
NAVY, ORANGE, RED, YELLOW = "#1f3a5f", "#f07f13", "#d9381e", "#ffc83d"


def draw(path):
    scale = 4  # drawn large, reduced with antialiasing
    width, height = 640 * scale, 160 * scale
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    pen = ImageDraw.Draw(image)
    # the badge and its flame
    cx, cy, radius = 80 * scale, 80 * scale, 70 * scale
    pen.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=NAVY)

    def flame(size, colour, lift=0):
        s = size * scale
        top = (cx, cy - s - lift * scale)
        points = [top]
        points += [(cx + s * 0.55, cy - s * 0.1), (cx + s * 0.6, cy + s * 0.45)]
        points += [(cx + s * 0.3, cy + s * 0.8), (cx, cy + s * 0.9)]
        points += [(cx - s * 0.3, cy + s * 0.8), (cx - s * 0.6, cy + s * 0.45)]
        points += [(cx - s * 0.55, cy - s * 0.1)]
        pen.polygon(points, fill=colour)

    flame(52, RED)
    flame(38, ORANGE, lift=-8)
    flame(20, YELLOW, lift=-18)
    # the name
    pen.text(
        (170 * scale, 32 * scale),
        "Thermi-Services",
        font=ImageFont.truetype(FONT, 46 * scale),
        fill=NAVY,
    )
    pen.text(
        (172 * scale, 96 * scale),
        "Rhône · chauffage & climatisation",
        font=ImageFont.truetype(FONT_LIGHT, 24 * scale),
        fill=ORANGE,
    )
    image = image.resize((width // scale, height // scale), Image.LANCZOS)
    image.save(path, optimize=True)


if __name__ == "__main__":
    draw(Path(__file__).with_name("thermi_services_logo.png"))
