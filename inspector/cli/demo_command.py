"""`inspector demo [--enterprises N] [--years K] [--seed S]`."""

from __future__ import annotations

import argparse
import sys

from .common import open_workspace


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("demo", help="在空的数据文件夹中生成演示数据 create demo data")
    parser.add_argument("--enterprises", type=int, default=200, metavar="N", help="企业数（默认 200）")
    parser.add_argument("--years", type=int, default=3, metavar="K", help="年数，截至今年（默认 3）")
    parser.add_argument("--seed", type=int, default=2024, metavar="S", help="随机种子（相同种子生成相同数据）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        from inspector.demo.demo_city import create_demo  # Pillow and the generator load only for demo
        from inspector.demo.generator import DemoSpec

        spec = DemoSpec(enterprises=args.enterprises, years=args.years, seed=args.seed)
        from inspector.reports.plaque_keys import create_demo_office_key

        counts = create_demo(workspace, spec, lambda step: print(f"生成 {step}…", file=sys.stderr))
        demo_key = create_demo_office_key(workspace)  # so the demo's plaques print at once
    print(f"演示数据已写入 {workspace.data_dir}")
    if demo_key is not None:
        print(f"  演示用发证单位密钥 {demo_key.office_code}：指纹 {demo_key.fingerprint[:16]}…（亮牌上注明“演示”）")
    print(
        f"  企业 {counts['enterprises']}，检查 {counts['inspections']}，答案 {counts['answers']}，"
        f"隐患 {counts['hazards']}，照片 {counts['photos']}，亮牌 {counts['plaques']}，亮灯 {counts['lights']}"
    )
    return 0
