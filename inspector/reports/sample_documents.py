"""A sample inspection to print: for docs/samples, benchmarks/report_speed.py and the tests.

Everything goes through the services, as a user's work would: an enterprise with a long name,
an inspection with failed and partly met items, hazards with generated photos (labelled 示例照片,
never passed off as real), three signatures, finalization, one amendment and a notice (the
office's first document: a union's 监督意见书, or an authority's 责令限期整改指令书).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFont

from inspector.core.checklist import Result
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.paths import resources_dir
from inspector.photos.markup import Shape, ShapeKind
from inspector.photos.photo_store import StoredPhoto
from inspector.services.hazards import NewHazard
from inspector.services.notices import OrderType
from inspector.services.signatures import SignatureRole

if TYPE_CHECKING:
    from inspector.workspace import Workspace

LONG_NAME = "平湖市当湖街道示范精密机械制造与新材料科技股份有限公司经济开发区第二分公司"
INSPECTORS = ("王建国", "李明")
PERMITS = ("示例-0101", "示例-0102")  # 监督证 numbers of the sample's inspectors, labelled as samples
SIGNER = "周主席"  # the sample's 签发人
REPRESENTATIVE = "张伟"
SAMPLE_MARKUP = [
    Shape(ShapeKind.CIRCLE, 0.30, 0.25, 0.62, 0.70),
    Shape(ShapeKind.ARROW, 0.85, 0.15, 0.63, 0.42),
    Shape(ShapeKind.LABEL, 0.60, 0.06, text="压力不足"),
]
FAILED = ("C-3", "I-2", "D-2")  # a key item (caps at C), two ordinary ones
PARTIAL = ("B-1", "G-1")
LOCATIONS = ("一号车间东侧安全出口", "二号仓库北墙配电箱", "危化品仓库门口", "食堂燃气灶台下方", "三号车间冲床工位")


def _signature(seed: int) -> list[list[list[float]]]:
    """A scribble that looks handwritten enough on paper."""
    rng = random.Random(seed)
    strokes = []
    x = 0.08
    for _ in range(3):
        points = []
        for step in range(14):
            points.append([min(0.95, x + step * 0.018), 0.5 + 0.25 * rng.uniform(-1, 1)])
        strokes.append(points)
        x += 0.3
    return strokes


def sample_photo_bytes(seed: int, size: tuple[int, int] = (1280, 960)) -> bytes:
    """A JPEG of a made-up scene with a label, distinct for each seed."""
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size, tuple(rng.randrange(110, 210) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(14):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(width // 20, width // 3), rng.randrange(height // 20, height // 3)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.rectangle((x, y, x + w, y + h), fill=colour, outline="black", width=max(2, width // 300))
    font = ImageFont.truetype(str(resources_dir() / "fonts" / "wqy-microhei.ttc"), max(16, height // 16))
    draw.rectangle((0, height * 5 // 6, width, height), fill="white")
    draw.text((width // 40, height * 5 // 6 + height // 40), f"示例照片 {seed}", font=font, fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


@dataclass(frozen=True)
class SampleInspection:
    inspection_id: str
    enterprise_id: str
    hazard_ids: tuple[str, ...]
    notice_id: str | None
    notice_number: str | None
    enterprise_name: str


def make_sample_inspection(
    ws: Workspace,
    *,
    hazards: int = 3,
    photos_per_hazard: int = 2,
    photo_size: tuple[int, int] = (1280, 960),
    name: str = LONG_NAME,
    seed: int = 1,
    finalize: bool = True,
    amend: bool = True,
    notice: bool = True,
    item_photos: bool = True,
    mark_up: bool = True,
) -> SampleInspection:
    """Build the sample in `ws` (an empty or a demo data folder) and return its ids."""
    template_id = ws.default_template_id()
    inspector_ids = [
        ws.roster.add(person, permit_no=permit) for person, permit in zip(INSPECTORS, PERMITS, strict=True)
    ]
    if SIGNER not in {person.name for person in ws.roster.active()}:
        ws.roster.add(SIGNER)
    enterprise_id = ws.enterprises.add(
        Enterprise(name, with_check_digit(f"913304820{seed:08d}"), "当湖街道", address="平湖市当湖街道新华北路 1288 号")
    )
    day = ws.today()
    inspection_id = ws.inspections.start(enterprise_id, template_id, day, inspector_ids)
    template = ws.inspections.template_of(inspection_id)
    for item in template.items:
        result = Result.FAIL if item.code in FAILED else Result.PARTIAL if item.code in PARTIAL else Result.PASS
        note = "现场检查发现问题，已拍照留存" if result is not Result.PASS else None
        ws.inspections.answer(inspection_id, item.code, result, note)
    if item_photos:  # a photo taken at a partly met item, printed under 检查项照片
        photo = ws.photos.import_bytes(sample_photo_bytes(seed * 1000 + 999, photo_size), "IMG_item.jpg")
        ws.inspections.attach_photo(inspection_id, PARTIAL[0], photo)

    hazard_ids: list[str] = []
    photo_seed = seed * 1000
    for number in range(hazards):
        code = FAILED[number % len(FAILED)]
        draft = ws.inspections.hazard_draft_for_item(inspection_id, code, day)
        photos: list[StoredPhoto] = []
        for _ in range(photos_per_hazard):
            photo_seed += 1
            photos.append(ws.photos.import_bytes(sample_photo_bytes(photo_seed, photo_size), f"IMG_{photo_seed}.jpg"))
        new = NewHazard(
            **{
                **draft.__dict__,
                "location": LOCATIONS[number % len(LOCATIONS)],
                "responsible_person": "赵安全（安全主管）",
                "deadline": day + timedelta(days=7 + number % 3 * 7),
            }
        )
        hazard_ids.append(ws.hazards.raise_hazard(new, photos))
        if mark_up and number == 0 and photos:  # the first hazard's photo, circled and labelled
            ws.photo_versions.mark_up(photos[0].sha256, SAMPLE_MARKUP)

    ws.inspections.complete(inspection_id)
    if finalize:
        ws.signatures.sign(inspection_id, SignatureRole.INSPECTOR_1, INSPECTORS[0], _signature(1))
        ws.signatures.sign(inspection_id, SignatureRole.INSPECTOR_2, INSPECTORS[1], _signature(2))
        ws.signatures.sign(inspection_id, SignatureRole.ENTERPRISE, REPRESENTATIVE, _signature(3))
        ws.signatures.finalize_signed(inspection_id)
        if amend:
            ws.amendments.amend_answer(
                inspection_id, "D-2", Result.PASS, "复核现场照片，该项实际符合要求，录入有误", INSPECTORS[0]
            )

    notice_id = notice_number = None
    if notice and hazard_ids:
        view = ws.notices.issue(
            hazard_ids,
            order_type=OrderType.DEADLINE,
            issued_by=list(INSPECTORS),
            signed_by=SIGNER,
            recheck_on=day + timedelta(days=15),
            inspection_id=inspection_id,
        )
        notice_id, notice_number = view.id, view.number
    return SampleInspection(inspection_id, enterprise_id, tuple(hazard_ids), notice_id, notice_number, name)
