"""Importing a 12-megapixel camera JPEG: orientation, downsizing, re-encoding, storing, thumbnail.

    .venv/bin/python benchmarks/photo_import.py [--runs 7]

The picture is made with Pillow (4000×3000, noisy like a real photo, EXIF orientation 6) and
imported into a fresh PhotoStore each run, so every run does the full work.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from inspector.photos.photo_store import PhotoStore


def camera_jpeg() -> bytes:
    noise = Image.effect_noise((4000, 3000), 64).convert("RGB")
    gradient = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
    picture = Image.blend(noise, gradient, 0.5)
    exif = Image.Exif()
    exif[0x0112] = 6
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    data = camera_jpeg()
    times = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            store = PhotoStore(Path(folder))
            start = time.perf_counter()
            photo = store.import_bytes(data, "camera.jpg")
            store.thumbnail(photo.sha256)
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    stored = f"{photo.width}×{photo.height}, {photo.size_bytes / 1e6:.2f} MB"
    print(f"source {len(data) / 1e6:.1f} MB 4000×3000 → stored {stored}")
    print(f"import + thumbnail: median {median * 1000:.0f} ms, min {min(times) * 1000:.0f} ms; target: under 300 ms")
    return 0 if median < 0.3 else 1


if __name__ == "__main__":
    sys.exit(main())
