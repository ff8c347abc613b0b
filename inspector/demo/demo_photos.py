"""Pictures for demo hazards: drawn with Pillow and labelled 演示照片, never passed off as real."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFont

from inspector.paths import resources_dir
from inspector.photos.photo_store import PhotoStore, StoredPhoto

SCENES = ("消防通道", "配电箱", "灭火器", "危化品仓库", "危废贮存间", "机械防护罩", "燃气报警器", "货架堆放")


def make_demo_photos(store: PhotoStore, seed: int, count: int = len(SCENES)) -> list[StoredPhoto]:
    rng = random.Random(seed)
    font_path = resources_dir() / "fonts" / "wqy-microhei.ttc"
    big = ImageFont.truetype(str(font_path), 44)
    small = ImageFont.truetype(str(font_path), 24)
    photos = []
    for number in range(count):
        scene = SCENES[number % len(SCENES)]
        image = Image.new("RGB", (960, 720), tuple(rng.randrange(90, 200) for _ in range(3)))
        draw = ImageDraw.Draw(image)
        for _ in range(12):  # a few shapes, so each picture is distinct
            x, y = rng.randrange(960), rng.randrange(720)
            w, h = rng.randrange(40, 300), rng.randrange(40, 300)
            colour = tuple(rng.randrange(256) for _ in range(3))
            draw.rectangle((x, y, x + w, y + h), fill=colour, outline="black", width=3)
        draw.rectangle((0, 600, 960, 720), fill="white")
        draw.text((24, 612), f"演示照片 · {scene}", font=big, fill="black")
        draw.text((24, 672), f"Demo photo {number + 1} — not a real site", font=small, fill="#444444")
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        photos.append(store.import_bytes(buffer.getvalue(), f"demo-{number + 1}.png"))
    return photos
