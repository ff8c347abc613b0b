"""The content-addressed photo store: formats, EXIF orientation and time, downsizing, flattening,
one file per content, refusal of broken files (writing nothing), cached thumbnails."""

from __future__ import annotations

import hashlib
import io
import random
import re
import struct
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from inspector.photos.photo_store import PhotoError, PhotoStore, small_photo_warning
from inspector.workspace import Workspace

LONG_EDGE = 800
THUMB = 128


@pytest.fixture
def store(tmp_path: Path) -> PhotoStore:
    return PhotoStore(tmp_path / "photos", long_edge=LONG_EDGE, thumbnail_size=THUMB)


def picture(size: tuple[int, int] = (400, 300), mode: str = "RGB", seed: int = 1) -> Image.Image:
    """A busy picture (so JPEG has something to encode), different for each seed."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    draw = ImageDraw.Draw(image)
    for _ in range(20):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.rectangle((x, y, x + rng.randrange(10, 120), y + rng.randrange(10, 120)), fill=colour)
    return image.convert(mode)


def encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    if fmt == "HEIF":  # the program reads HEIC with pi-heif, which has no encoder: pillow-heif writes it
        import pillow_heif

        pillow_heif.from_pillow(image).save(buffer, format="HEIF", **options)
    else:
        image.save(buffer, fmt, **options)
    return buffer.getvalue()


def stored_files(store: PhotoStore, thumbs: bool = False) -> list[Path]:
    """Photo files, and with `thumbs` the thumbnails too (made at import)."""
    if not store.root.exists():
        return []
    files = sorted(p for p in store.root.rglob("*") if p.is_file())
    return files if thumbs else [p for p in files if "thumbs" not in p.relative_to(store.root).parts]


# -- formats -------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "HEIF"])
def test_import_stores_a_jpeg_named_by_its_hash(store: PhotoStore, fmt: str) -> None:
    photo = store.import_bytes(encode(picture(), fmt), f"site.{fmt.lower()}")
    path = store.path_of(photo.sha256)
    assert path == store.root / photo.sha256[:2] / f"{photo.sha256}.jpg"
    data = path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == photo.sha256
    assert photo.size_bytes == len(data)
    assert (photo.width, photo.height) == (400, 300)
    assert photo.original_name == f"site.{fmt.lower()}"
    with Image.open(path) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (400, 300)
        assert stored.mode == "RGB"
    assert stored_files(store) == [path]


def test_import_file_reads_from_disk(store: PhotoStore, tmp_path: Path) -> None:
    source = tmp_path / "现场照片.png"
    source.write_bytes(encode(picture(), "PNG"))
    photo = store.import_file(source)
    assert photo.original_name == "现场照片.png"
    assert store.path_of(photo.sha256).is_file()


def test_grayscale_stays_grayscale(store: PhotoStore) -> None:
    photo = store.import_bytes(encode(picture(mode="L"), "PNG"))
    with Image.open(store.path_of(photo.sha256)) as stored:
        assert stored.mode == "L"


# -- EXIF ----------------------------------------------------------------------------------------
def test_exif_orientation_is_applied(store: PhotoStore) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    photo = store.import_bytes(encode(picture((400, 200)), "JPEG", exif=exif), "rotated.jpg")
    assert (photo.width, photo.height) == (200, 400)
    with Image.open(store.path_of(photo.sha256)) as stored:
        assert stored.size == (200, 400)
        assert stored.getexif().get(0x0112) in (None, 1)  # nobody rotates it a second time


def test_exif_time_taken_is_read_in_the_office_zone(store: PhotoStore) -> None:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2026:04:01 09:30:00"  # camera clock, Shanghai
    photo = store.import_bytes(encode(picture(), "JPEG", exif=exif))
    assert photo.taken_at == datetime(2026, 4, 1, 1, 30, tzinfo=UTC)


def test_photo_without_exif_time_has_none(store: PhotoStore) -> None:
    assert store.import_bytes(encode(picture(), "PNG")).taken_at is None


# -- size ----------------------------------------------------------------------------------------
def test_large_photo_is_downsized_to_the_long_edge(store: PhotoStore) -> None:
    photo = store.import_bytes(encode(picture((3000, 1500)), "JPEG"))
    assert (photo.width, photo.height) == (LONG_EDGE, LONG_EDGE // 2)
    with Image.open(store.path_of(photo.sha256)) as stored:
        assert stored.size == (LONG_EDGE, LONG_EDGE // 2)


def test_portrait_photo_is_downsized_on_its_height(store: PhotoStore) -> None:
    photo = store.import_bytes(encode(picture((1000, 2000)), "PNG"))
    assert (photo.width, photo.height) == (LONG_EDGE // 2, LONG_EDGE)


def test_small_photo_is_not_enlarged(store: PhotoStore) -> None:
    photo = store.import_bytes(encode(picture((120, 90)), "PNG"))
    assert (photo.width, photo.height) == (120, 90)


def test_workspace_store_uses_the_settings(workspace: Workspace) -> None:
    photo = workspace.photos.import_bytes(encode(picture((3000, 1000)), "JPEG"))
    assert max(photo.width, photo.height) == workspace.settings.photo_long_edge
    assert workspace.photos.path_of(photo.sha256).is_relative_to(workspace.data_dir / "photos")


# -- one file per content ------------------------------------------------------------------------
def test_same_content_is_stored_once(store: PhotoStore) -> None:
    data = encode(picture(seed=5), "PNG")
    first = store.import_bytes(data, "a.png")
    second = store.import_bytes(data, "b.png")
    assert first.sha256 == second.sha256
    assert second.original_name == "b.png"
    assert stored_files(store) == [store.path_of(first.sha256)]


def test_different_content_is_stored_apart(store: PhotoStore) -> None:
    one = store.import_bytes(encode(picture(seed=1), "PNG"))
    two = store.import_bytes(encode(picture(seed=2), "PNG"))
    assert one.sha256 != two.sha256
    assert len(stored_files(store)) == 2


# -- transparency --------------------------------------------------------------------------------
def test_transparent_png_is_flattened_onto_white(store: PhotoStore) -> None:
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))  # fully transparent black
    ImageDraw.Draw(image).rectangle((0, 0, 99, 99), fill=(200, 0, 0, 255))  # opaque red left half
    photo = store.import_bytes(encode(image, "PNG"))
    with Image.open(store.path_of(photo.sha256)) as stored:
        assert stored.mode == "RGB"
        assert all(channel > 240 for channel in stored.getpixel((170, 50)))  # white, not black
        red, green, blue = stored.getpixel((30, 50))
        assert red > 180 and green < 40 and blue < 40


def test_palette_png_with_transparency_is_flattened(store: PhotoStore) -> None:
    image = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((25, 25, 75, 75), fill=(0, 0, 255, 255))
    palette = image.convert("P", palette=Image.Palette.ADAPTIVE)
    palette.info["transparency"] = palette.getpixel((0, 0))
    photo = store.import_bytes(encode(palette, "PNG", transparency=palette.getpixel((0, 0))))
    with Image.open(store.path_of(photo.sha256)) as stored:
        assert stored.mode == "RGB"
        assert all(channel > 240 for channel in stored.getpixel((2, 2)))


# -- refusals: nothing written -------------------------------------------------------------------
def test_random_bytes_are_refused(store: PhotoStore) -> None:
    junk = bytes(random.Random(3).randrange(256) for _ in range(5000))
    with pytest.raises(PhotoError, match=r"junk\.jpg 不是可识别的图片文件"):
        store.import_bytes(junk, "junk.jpg")
    assert stored_files(store) == []


def test_text_file_is_refused_naming_it(store: PhotoStore, tmp_path: Path) -> None:
    text = tmp_path / "说明.txt"
    text.write_text("这不是照片\n" * 20, encoding="utf-8")
    with pytest.raises(PhotoError) as caught:
        store.import_file(text)
    message = str(caught.value)
    assert "说明.txt" in message
    assert "支持 JPEG、PNG、WebP" in message
    assert stored_files(store) == []


def test_truncated_jpeg_is_refused(store: PhotoStore) -> None:
    data = encode(picture((800, 600)), "JPEG", quality=95)
    with pytest.raises(PhotoError, match=r"cut\.jpg 已损坏，无法读取"):
        store.import_bytes(data[: len(data) // 2], "cut.jpg")
    assert stored_files(store) == []


@pytest.mark.parametrize("cut", [5, 200, 0.5])
def test_a_broken_file_is_named_in_chinese_only(store: PhotoStore, cut: float) -> None:
    """Pillow's "image file is truncated (5 bytes not processed)" never reaches the user."""
    data = encode(picture((800, 600)), "JPEG", quality=95)
    end = int(len(data) * cut) if isinstance(cut, float) else len(data) - cut
    with pytest.raises(PhotoError) as caught:
        store.import_bytes(data[:end], "cut.jpg")
    message = str(caught.value).replace("cut.jpg", "")
    assert "已损坏" in message
    assert not re.search("[A-Za-z]", message), message
    assert stored_files(store) == []


@pytest.mark.parametrize(("size", "warned"), [((1, 1), True), ((199, 120), True), ((200, 20), False)])
def test_a_tiny_image_is_stored_with_a_warning(store: PhotoStore, size: tuple[int, int], warned: bool) -> None:
    photo = store.import_bytes(encode(picture(size), "PNG"), "tiny.png")
    assert store.path_of(photo.sha256).exists()
    warning = small_photo_warning(photo)
    assert bool(warning) is warned
    if warned:
        assert f"tiny.png 只有 {size[0]}×{size[1]} 像素" in warning and "已添加" in warning


def test_png_with_a_broken_checksum_is_refused(store: PhotoStore) -> None:
    data = bytearray(encode(picture(), "PNG"))
    data[40] ^= 0xFF  # inside the first data chunk
    with pytest.raises(PhotoError):
        store.import_bytes(bytes(data), "broken.png")
    assert stored_files(store) == []


def test_empty_and_missing_files_are_refused(store: PhotoStore, tmp_path: Path) -> None:
    with pytest.raises(PhotoError):
        store.import_bytes(b"", "empty.jpg")
    with pytest.raises(PhotoError, match=r"无法读取照片 missing\.jpg"):
        store.import_file(tmp_path / "missing.jpg")
    assert stored_files(store) == []


def png_header_only(width: int, height: int) -> bytes:
    """A well-formed PNG that declares a huge size (the pixels are never needed to refuse it)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def test_photo_with_too_many_pixels_is_refused_as_too_large_not_as_corrupt(store: PhotoStore) -> None:
    with pytest.raises(PhotoError) as caught:
        store.import_bytes(png_header_only(20_000, 12_000), "panorama.png")
    assert "像素过多" in str(caught.value)
    assert "已损坏" not in str(caught.value)
    assert stored_files(store) == []


# -- thumbnails ----------------------------------------------------------------------------------
def test_thumbnail_is_made_once_and_cached(store: PhotoStore) -> None:
    photo = store.import_bytes(encode(picture((1600, 1200)), "JPEG"))
    thumb = store.thumbnail(photo.sha256)
    assert thumb.is_file()
    assert thumb.is_relative_to(store.root / "thumbs")
    with Image.open(thumb) as image:
        assert image.format == "JPEG"
        assert max(image.size) == THUMB
    first_bytes, first_mtime = thumb.read_bytes(), thumb.stat().st_mtime_ns
    store.path_of(photo.sha256).unlink()  # the cached thumbnail no longer needs the photo
    again = store.thumbnail(photo.sha256)
    assert again == thumb
    assert again.read_bytes() == first_bytes
    assert again.stat().st_mtime_ns == first_mtime


def test_thumbnails_of_different_sizes_are_kept_apart(store: PhotoStore) -> None:
    photo = store.import_bytes(encode(picture((1600, 1200)), "JPEG"))
    small = store.thumbnail(photo.sha256)
    larger = PhotoStore(store.root, LONG_EDGE, thumbnail_size=256).thumbnail(photo.sha256)
    assert small != larger
    with Image.open(larger) as image:
        assert max(image.size) == 256


def test_import_makes_the_thumbnail_at_once(store: PhotoStore) -> None:
    photo = store.import_bytes(encode(picture((1600, 1200)), "JPEG"))
    thumbs = [p for p in stored_files(store, thumbs=True) if "thumbs" in p.parts]
    assert thumbs == [store.thumbnail(photo.sha256)]


def test_a_failed_import_leaves_no_thumbnail(store: PhotoStore) -> None:
    with pytest.raises(PhotoError):
        store.import_bytes(b"not an image at all", "notes.txt")
    assert stored_files(store, thumbs=True) == []


def test_the_heic_reader_ships_no_encoder() -> None:
    # pi-heif instead of pillow-heif keeps the 20 MB x265 encoder out of the bundle (docs/performance.md).
    import pi_heif

    with pytest.raises(RuntimeError, match="No HEIF encoder"):
        pi_heif.from_pillow(picture()).save(io.BytesIO(), format="HEIF")
