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

import pi_heif
from PIL import Image, UnidentifiedImageError

from inspector.core.dates import DEFAULT_TIMEZONE
from inspector.core.errors import DomainError

# iPhones and many Android phones save HEIC; pi-heif (libheif with the libde265 decoder, no
# encoder) teaches Pillow to read it.
pi_heif.register_heif_opener()

JPEG_QUALITY = 85
EXIF_DATETIME_ORIGINAL = 0x9003
EXIF_IFD = 0x8769
EXIF_ORIENTATION = 0x0112
# EXIF orientation → the transpose that makes the picture upright (as ImageOps.exif_transpose).
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# A photo whose long edge is shorter than this shows too little of a hazard to judge it by: it
# is kept (it may be all there is) but the inspector is told.
MIN_LONG_EDGE = 200
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


def small_photo_warning(photo: StoredPhoto) -> str:
    """A sentence when the stored photo is too small to show a hazard clearly; else ""."""
    if max(photo.width, photo.height) >= MIN_LONG_EDGE:
        return ""
    label = photo.original_name or "照片"
    return f"{label} 只有 {photo.width}×{photo.height} 像素，可能看不清隐患；已添加，如有更清晰的照片请另行添加"


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
            orientation = image.getexif().get(EXIF_ORIENTATION, 1)
            image.load()
        except PhotoError:
            raise
        except Image.DecompressionBombError:
            raise PhotoError(f"{label} 像素过多，无法导入") from None
        except UnidentifiedImageError:
            raise PhotoError(f"{label} 不是可识别的图片文件（支持 JPEG、PNG、WebP、HEIC）") from None
        except (OSError, SyntaxError, ValueError):
            # Pillow's own words ("image file is truncated (5 bytes not processed)") are English
            # and mean nothing to the inspector; what they have in common is a broken file.
            raise PhotoError(f"{label} 已损坏，无法读取（文件不完整或内容有误，可能没有复制完整）") from None
        if image.mode not in ("RGB", "L"):
            image = _flatten(image)
        # Downsize first, then turn: rotating a 12-megapixel picture costs more than a small one.
        # Pillow's bilinear filter widens its support when shrinking, so it is antialiased and
        # about half the time of Lanczos, which keeps a camera photo's import under 300 ms.
        image.thumbnail((self.long_edge, self.long_edge), Image.Resampling.BILINEAR)
        if orientation in _TRANSPOSE:
            image = image.transpose(_TRANSPOSE[orientation])
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=JPEG_QUALITY)
        encoded = buffer.getvalue()
        sha = hashlib.sha256(encoded).hexdigest()
        target = self.path_of(sha)
        if not target.exists():
            _write_atomically(target, encoded)
        thumb = self._thumbnail_path(sha)
        if not thumb.exists():
            self._write_thumbnail(image, thumb)
        return StoredPhoto(sha, image.width, image.height, len(encoded), taken_at, name)

    def _thumbnail_path(self, sha256: str) -> Path:
        return self.root / "thumbs" / sha256[:2] / f"{sha256}-{self.thumbnail_size}.jpg"

    def _write_thumbnail(self, image: Image.Image, target: Path) -> None:
        scale = self.thumbnail_size / max(image.size)
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        # reducing_gap lets Pillow shrink by whole factors first: a fraction of the full resize.
        small = image.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0) if scale < 1 else image
        buffer = io.BytesIO()
        small.save(buffer, "JPEG", quality=80)
        # A thumbnail is a cache that can be remade from the photo: no need to wait for the disk.
        _write_atomically(target, buffer.getvalue(), durable=False)

    def thumbnail(self, sha256: str) -> Path:
        """The JPEG thumbnail, made at import and remade here if it went missing."""
        target = self._thumbnail_path(sha256)
        if not target.exists():
            with Image.open(self.path_of(sha256)) as image:
                self._write_thumbnail(image, target)
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


def _write_atomically(target: Path, data: bytes, durable: bool = True) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        if durable:
            handle.flush()
            os.fsync(handle.fileno())
    tmp.replace(target)
