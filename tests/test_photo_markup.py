"""Marking up a photo: Pillow draws the shapes onto a new image; the store keeps it as a new
version linked to the original, which stays byte for byte as it was; reports show the version."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from inspector.db.models import PhotoRow
from inspector.photos.markup import MarkupError, Shape, ShapeKind, render, shapes_from_json
from inspector.reports.sample_documents import sample_photo_bytes
from inspector.workspace import Workspace

SHAPES = [
    Shape(ShapeKind.CIRCLE, 0.2, 0.2, 0.6, 0.7),
    Shape(ShapeKind.ARROW, 0.9, 0.1, 0.6, 0.4),
    Shape(ShapeKind.LABEL, 0.05, 0.05, text="漏电"),
]


def test_render_draws_red_on_a_copy() -> None:
    original = Image.new("RGB", (400, 300), "white")
    drawn = render(original, SHAPES)
    assert original.getcolors() == [(400 * 300, (255, 255, 255))]  # untouched
    reds = sum(1 for r, g, b in drawn.get_flattened_data() if r > 200 and g < 100 and b < 100)
    assert reds > 500
    left_of_circle = drawn.getpixel((int(0.2 * 400), int(0.45 * 300)))
    assert left_of_circle[0] > 200 and left_of_circle[1] < 100  # the circle's left edge


@pytest.mark.parametrize(
    ("shapes", "message"),
    [
        ([], "还没有画任何标注"),
        ([Shape(ShapeKind.CIRCLE, 0.5, 0.5, 0.5, 0.5)], "圆圈太小"),
        ([Shape(ShapeKind.ARROW, 0.5, 0.5, 0.5, 0.501)], "箭头太短"),
    ],
)
def test_unusable_drawings_are_refused_in_one_sentence(shapes: list[Shape], message: str) -> None:
    with pytest.raises(MarkupError, match=message):
        render(Image.new("RGB", (400, 300)), shapes)


def test_shapes_validate_and_round_trip() -> None:
    with pytest.raises(MarkupError, match="超出"):
        Shape(ShapeKind.ARROW, 1.5, 0, 0, 0)
    with pytest.raises(MarkupError, match="最多 20 个字"):
        Shape(ShapeKind.LABEL, 0, 0, text="字" * 21)
    assert shapes_from_json([s.as_json() for s in SHAPES]) == SHAPES


def test_a_marked_up_version_keeps_the_original_and_starts_from_it(workspace: Workspace) -> None:
    photo = workspace.photos.import_bytes(sample_photo_bytes(7, (800, 600)), "a.jpg")
    original_bytes = workspace.photos.path_of(photo.sha256).read_bytes()
    with workspace.db.transaction() as session:
        session.add(PhotoRow(sha256=photo.sha256, width=800, height=600, size_bytes=photo.size_bytes))
    first = workspace.photo_versions.mark_up(photo.sha256, SHAPES[:1])
    second = workspace.photo_versions.mark_up(first.sha256, SHAPES[1:])  # marked up again, from the version
    assert workspace.photos.path_of(photo.sha256).read_bytes() == original_bytes
    assert len({photo.sha256, first.sha256, second.sha256}) == 3
    assert workspace.photo_versions.shown([photo.sha256]) == [second.sha256]
    drawing = workspace.photo_versions.drawing(second.sha256)
    assert drawing.original_sha256 == photo.sha256
    assert drawing.shapes == SHAPES[1:]
    with Image.open(io.BytesIO(workspace.photos.path_of(second.sha256).read_bytes())) as image:
        assert image.size == (800, 600)
