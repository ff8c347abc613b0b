"""Content-addressed photo files in the data folder.

A photo is re-encoded once on import (EXIF orientation applied, long edge limited, JPEG) and
stored as photos/<first two hex digits>/<sha256>.jpg, the hash taken of the stored bytes, so
the same picture is stored and sent once. Files are written to a temporary name and renamed,
so a crash never leaves half a photo under a real name.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image, ImageOps, UnidentifiedImageError

from inspector.core.dates import DEFAULT_TIMEZONE
from inspector.core.errors import DomainError

JPEG_QUALITY = 85
EXIF_DATETIME_ORIGINAL = 0x9003
EXIF_IFD = 0x8769
# Pillow's own decompression-bomb limit; larger images are refused as too large.
MAX_SOURCE_PIXELS = Image.MAX_IMAGE_PIXELS or 178_956_970


class PhotoError(DomainError):
    """The file is not a usable image; nothing was stored."""


@dataclass(frozen=True)
class StoredPhoto:
    sha256: str
    width: int
    height: int
    size_bytes: int
    taken_at: datetime | None
    original_name: str = ""


class PhotoStore:
    def __init__(
        self, root: Path, long_edge: int = 2560, thumbnail_size: int = 256, timezone: str = DEFAULT_TIMEZONE
    ) -> None:
        self.root = root
        self.zone = ZoneInfo(timezone)
        self.long_edge = long_edge
        self.thumbnail_size = thumbnail_size

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.jpg"

    def import_file(self, path: Path) -> StoredPhoto:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise PhotoError(f"无法读取照片 {path.name}：{error.strerror}") from None
        return self.import_bytes(data, path.name)

    def import_bytes(self, data: bytes, name: str = "") -> StoredPhoto:
        label = name or "照片"
        try:
            with Image.open(io.BytesIO(data)) as probe:
                too_big = probe.width * probe.height > MAX_SOURCE_PIXELS
                size = f"{probe.width}×{probe.height}"
                if not too_big:
                    probe.verify()  # catches truncated and corrupt files before decoding
            if too_big:
                raise PhotoError(f"{label} 像素过多（{size}），无法导入")
            image = Image.open(io.BytesIO(data))
            taken_at = _taken_at(image, self.zone)
            image = ImageOps.exif_transpose(image)
            image.load()
        except PhotoError:
            raise
        except Image.DecompressionBombError:
            raise PhotoError(f"{label} 像素过多，无法导入") from None
        except UnidentifiedImageError:
            raise PhotoError(f"{label} 不是可识别的图片文件（支持 JPEG、PNG、WebP）") from None
        except (OSError, SyntaxError, ValueError) as error:
            raise PhotoError(f"{label} 已损坏，无法读取：{error}") from None
        if image.mode not in ("RGB", "L"):
            image = _flatten(image)
        image.thumbnail((self.long_edge, self.long_edge), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
        encoded = buffer.getvalue()
        sha = hashlib.sha256(encoded).hexdigest()
        target = self.path_of(sha)
        if not target.exists():
            _write_atomically(target, encoded)
        return StoredPhoto(sha, image.width, image.height, len(encoded), taken_at, name)

    def thumbnail(self, sha256: str) -> Path:
        """A cached JPEG thumbnail, made on first use."""
        target = self.root / "thumbs" / sha256[:2] / f"{sha256}-{self.thumbnail_size}.jpg"
        if not target.exists():
            with Image.open(self.path_of(sha256)) as image:
                image.thumbnail((self.thumbnail_size, self.thumbnail_size))
                buffer = io.BytesIO()
                image.save(buffer, "JPEG", quality=80)
            _write_atomically(target, buffer.getvalue())
        return target


def _flatten(image: Image.Image) -> Image.Image:
    """Transparent or palette images onto white, so JPEG does not turn them black."""
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, "white")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _taken_at(image: Image.Image, zone: ZoneInfo) -> datetime | None:
    try:
        raw = image.getexif().get_ifd(EXIF_IFD).get(EXIF_DATETIME_ORIGINAL)
        if not raw:
            return None
        # EXIF keeps the camera's wall-clock time without a zone: read it in the office's zone.
        local = datetime.strptime(str(raw).strip("\x00"), "%Y:%m:%d %H:%M:%S").replace(tzinfo=zone)
        return local.astimezone(UTC)
    except (ValueError, KeyError, TypeError):
        return None


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(target)
