#!/usr/bin/env python3
"""Build the Inspector application for field laptops: a one-folder PyInstaller bundle, packed as
dist/inspector-<version>-<platform>.tar.gz (Linux) or .zip (Windows, macOS), plus on Windows an
Inno Setup script (and setup.exe when `iscc` is on PATH).

    python build_installer.py                 # build and pack
    python build_installer.py --smoke-test    # ... then run the built program without Python
    python build_installer.py --skip-build --smoke-test   # smoke-test an existing build

The bundle is made from a clean virtual environment (build/venv-runtime) holding only the
runtime dependencies (`pip install .[build]`: the project plus PyInstaller), so test tools never
end up in it. Only the standard library is used here: this script runs before any venv exists.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
APP_NAME = "inspector"
ENTRY = ROOT / "installer" / "entry.py"  # calls inspector.launcher:main, the [project.scripts] entry
ISS_TEMPLATE = ROOT / "installer" / "inspector.iss.in"

# Alembic runs env.py and the version scripts from files: their imports are invisible to
# PyInstaller's analysis. Keyring picks its backend through entry points at run time.
HIDDEN_IMPORTS = (
    "inspector.db.migrations",
    "alembic.op",
    "alembic.context",
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg",
    "psycopg_binary",
    "keyring",
    "keyring.backends",
    "keyring.backends.SecretService",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.fail",
    "keyring.backends.null",
    "cryptography.hazmat.primitives.asymmetric.ed25519",
    "cryptography.hazmat.backends.openssl",
    "pillow_heif",
    "openpyxl",
    "tzdata",
    "chinese_calendar",  # working-day deadlines: its holiday tables are plain modules
)
# Whole packages whose submodules are loaded by name: our own (the CLI registers some command
# modules through importlib), zoneinfo data, keyring backends, Alembic operations.
COLLECT_SUBMODULES = ("inspector", "alembic", "keyring.backends", "tzdata")
COLLECT_DATA = ("tzdata", "reportlab")
COLLECT_BINARIES = ("pillow_heif",)

# Qt modules and other packages Inspector never uses; keeping them out is most of the size.
EXCLUDED_MODULES = (
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQml",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.QtDataVisualization",
    "PySide6.QtLocation",
    "PySide6.QtPositioning",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtTextToSpeech",
    "PySide6.QtHttpServer",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtNetworkAuth",
    "tkinter",
    "pytest",
    "hypothesis",
    "IPython",
    "numpy",
    "PIL._avif",  # AVIF support (5 MB of libavif): photos come as JPEG, PNG or HEIC
    "PIL.AvifImagePlugin",
)

# Files PyInstaller's Qt hook collects that Inspector does not need, removed from the bundle
# after the build (paths inside _internal/, glob patterns). The virtual-keyboard input plugin
# alone drags in QtQml and QtQuick (17 MB); Qt's own translations are kept for Chinese and English.
PRUNE = (
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/lib/libQt6VirtualKeyboard*",
    "PySide6/Qt/lib/libQt6Qml*",
    "PySide6/Qt/lib/libQt6Quick*",
    "PySide6/Qt/lib/libQt6EglFS*",
    "PySide6/Qt/lib/libQt6EglFsKms*",
    "PySide6/Qt/plugins/egldeviceintegrations",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
)
QT_TRANSLATIONS = "PySide6/Qt/translations"
KEEP_TRANSLATIONS = ("qt_zh_CN.qm", "qtbase_zh_CN.qm", "qt_en.qm", "qtbase_en.qm")


@dataclass(frozen=True)
class Target:
    """The platform a build is for: names the archive and the path separator of --add-data."""

    system: str  # "linux", "windows" or "macos"
    machine: str  # "x86_64", "arm64"…

    @classmethod
    def current(cls) -> Target:
        system = {"Linux": "linux", "Windows": "windows", "Darwin": "macos"}.get(platform.system(), platform.system())
        machine = platform.machine().lower()
        machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
        return cls(system.lower(), machine)

    @property
    def archive_suffix(self) -> str:
        return ".tar.gz" if self.system == "linux" else ".zip"

    @property
    def executable(self) -> str:
        return f"{APP_NAME}.exe" if self.system == "windows" else APP_NAME

    @property
    def data_separator(self) -> str:
        return ";" if self.system == "windows" else ":"


def read_version(root: Path = ROOT) -> str:
    """The version from inspector/__init__.py, read as text so no project import is needed."""
    text = (root / "inspector" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise SystemExit("inspector/__init__.py 中没有 __version__")
    return match.group(1)


def archive_name(version: str, target: Target) -> str:
    return f"{APP_NAME}-{version}-{target.system}-{target.machine}{target.archive_suffix}"


def data_files(root: Path = ROOT) -> list[tuple[Path, str]]:
    """(source, destination folder inside the bundle) for every shipped data file.

    Found at run time under sys._MEIPASS by inspector.paths (forms/, resources/) and beside the
    frozen inspector.db package (the Alembic migrations, which Alembic loads from files).
    Listed file by file so a stray cache or editor file never ships.
    """
    pairs: list[tuple[Path, str]] = []

    def add(folder: str, patterns: Sequence[str]) -> None:
        base = root / folder
        for pattern in patterns:
            for path in sorted(base.glob(pattern)):
                if path.is_file() and "__pycache__" not in path.parts:
                    pairs.append((path, path.parent.relative_to(root).as_posix()))

    add("resources", ["fonts/*", "icons/*", "translations/*.qm", "verify/*"])
    add("forms", ["*.toml", "*.md"])
    add("inspector/db/migrations", ["*.py", "script.py.mako", "versions/*.py"])
    return pairs


def pyinstaller_args(root: Path, target: Target, dist: Path, work: Path) -> list[str]:
    """The PyInstaller command line (after `python -m PyInstaller`)."""
    args = [
        "--noconfirm",
        "--clean",
        "--onedir",
        "--name",
        APP_NAME,
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        "--paths",
        str(root),
    ]
    # Windows and macOS: a GUI program without a console window (the command line still works
    # from a terminal, but prints nothing on Windows). Linux keeps stdout for the CLI.
    args.append("--windowed" if target.system in ("windows", "macos") else "--console")
    if target.system == "linux":
        args.append("--strip")  # symbol tables: libpython alone shrinks from 23 to 6 MB
    for source, dest in data_files(root):
        args += ["--add-data", f"{source}{target.data_separator}{dest}"]
    for name in HIDDEN_IMPORTS:
        args += ["--hidden-import", name]
    for name in COLLECT_SUBMODULES:
        args += ["--collect-submodules", name]
    for name in COLLECT_DATA:
        args += ["--collect-data", name]
    for name in COLLECT_BINARIES:
        args += ["--collect-binaries", name]
    for name in EXCLUDED_MODULES:
        args += ["--exclude-module", name]
    args.append(str(root / "installer" / "entry.py"))
    return args


def iss_text(version: str, bundle_dir: str, output_dir: str, template: Path = ISS_TEMPLATE) -> str:
    """The Inno Setup script: installs the bundle per user, Start-menu shortcut, uninstaller."""
    text = template.read_text(encoding="utf-8")
    for key, value in {
        "@VERSION@": version,
        "@BUNDLE_DIR@": bundle_dir,
        "@OUTPUT_DIR@": output_dir,
        "@APP_EXE@": f"{APP_NAME}.exe",
    }.items():
        text = text.replace(key, value)
    return text


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="构建 Inspector 安装包 build the Inspector bundle and archive")
    parser.add_argument(
        "--smoke-test", action="store_true", help="构建后在没有 Python 的环境中运行 --version 和 --self-test"
    )
    parser.add_argument("--skip-build", action="store_true", help="不构建，只检查已有的 dist/inspector")
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "venv-runtime", help="构建用的干净虚拟环境")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="输出文件夹")
    args = parser.parse_args(argv)
    if args.skip_build and not args.smoke_test:
        parser.error("--skip-build 只能与 --smoke-test 一起使用")
    return args


# --- the steps that touch the machine ----------------------------------------------------


def _run(command: Sequence[str | Path], **kwargs: object) -> None:
    print("+", " ".join(str(c) for c in command), flush=True)
    subprocess.run([str(c) for c in command], check=True, **kwargs)  # type: ignore[call-overload]


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def make_runtime_venv(venv: Path) -> Path:
    """A venv with the project's runtime dependencies and PyInstaller, nothing else.

    Made afresh when pyproject.toml is newer, so a removed dependency does not linger.
    """
    python = venv_python(venv)
    if python.exists() and venv.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime:
        shutil.rmtree(venv)
    if not python.exists():
        _run([sys.executable, "-m", "venv", venv])
        venv.touch()
    # pip's cache makes a repeated build fast; the project itself is always reinstalled.
    _run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"{ROOT}[build]"])
    return python


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def prune_list(internal: Path, patterns: Sequence[str] = PRUNE) -> list[Path]:
    """What prune() deletes: the PRUNE patterns and Qt translations other than Chinese and English."""
    paths = [path for pattern in patterns for path in sorted(internal.glob(pattern))]
    translations = internal / QT_TRANSLATIONS
    if translations.is_dir():
        paths += [p for p in sorted(translations.iterdir()) if p.name not in KEEP_TRANSLATIONS]
    return paths


def prune(bundle: Path, patterns: Sequence[str] = PRUNE) -> int:
    """Delete unneeded files (see prune_list) and the links left pointing at them; returns bytes freed."""
    internal = bundle / "_internal"
    freed = 0
    for path in prune_list(internal, patterns):
        if path.exists() or path.is_symlink():
            if path.is_dir() and not path.is_symlink():
                freed += folder_size(path)
                shutil.rmtree(path)
            else:
                freed += 0 if path.is_symlink() else path.stat().st_size
                path.unlink()
    for link in internal.iterdir():  # PyInstaller links Qt libraries into _internal/ as well
        if link.is_symlink() and not link.exists():
            link.unlink()
    return freed


def write_archive(bundle: Path, out: Path) -> Path:
    """Pack dist/inspector as one archive whose top folder is inspector-<version>/; atomic."""
    top = out.name.removesuffix(".tar.gz").removesuffix(".zip")
    tmp = out.with_name(out.name + ".tmp")
    if out.name.endswith(".tar.gz"):
        with tarfile.open(tmp, "w:gz", compresslevel=6) as tar:
            tar.add(bundle, arcname=top)
    else:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(bundle.rglob("*")):
                archive.write(path, f"{top}/{path.relative_to(bundle).as_posix()}")
    os.replace(tmp, out)
    return out


def build(args: argparse.Namespace, target: Target) -> Path:
    version = read_version()
    started = time.monotonic()
    python = make_runtime_venv(args.venv)
    work = ROOT / "build" / "pyinstaller"
    _run([python, "-m", "PyInstaller", *pyinstaller_args(ROOT, target, args.dist, work)], cwd=ROOT)
    bundle = args.dist / APP_NAME
    print(f"去掉不需要的文件 pruned: {prune(bundle) / 1e6:.1f} MB")
    archive = write_archive(bundle, args.dist / archive_name(version, target))
    if target.system == "windows":
        make_windows_setup(version, bundle, args.dist)
    print(f"构建用时 build time: {time.monotonic() - started:.0f} s")
    print(f"解压后大小 unpacked: {folder_size(bundle) / 1e6:.1f} MB  ({bundle})")
    print(f"压缩包大小 archive: {archive.stat().st_size / 1e6:.1f} MB  ({archive})")
    return bundle


def make_windows_setup(version: str, bundle: Path, dist: Path) -> None:
    iss = dist / f"{APP_NAME}-{version}.iss"
    iss.write_text(iss_text(version, str(bundle), str(dist)), encoding="utf-8")
    print(f"Inno Setup 脚本: {iss}")
    iscc = shutil.which("iscc")
    if iscc:
        _run([iscc, iss])
    else:
        print("未找到 iscc（Inno Setup），只生成了 .iss 脚本 — iscc not on PATH, setup.exe not built")


def python_free_env(data_dir: Path) -> dict[str, str]:
    """The environment of a machine without Python: PATH holds only system folders, and any
    folder there that has a python executable is dropped; no PYTHON* variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    if os.name == "nt":
        folders = [os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32")]
    else:
        folders = ["/usr/bin", "/bin"]
    env["PATH"] = os.pathsep.join(folders)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["INSPECTOR_DATA_DIR"] = str(data_dir)
    return env


def _hide_python(folder: Path) -> Path:
    """A folder of links to /usr/bin minus anything named python*: PATH without Python."""
    for entry in Path("/usr/bin").iterdir():
        if not entry.name.startswith("python"):
            (folder / entry.name).symlink_to(entry)
    return folder


def smoke_test(bundle: Path, target: Target) -> None:
    executable = bundle / target.executable
    if not executable.exists():
        raise SystemExit(f"找不到已构建的程序 {executable}（先不带 --skip-build 运行）")
    with tempfile.TemporaryDirectory(prefix="inspector-smoke-") as tmp:
        env = python_free_env(Path(tmp) / "data")
        if os.name != "nt":
            links = Path(tmp) / "bin"
            links.mkdir()
            env["PATH"] = str(_hide_python(links))
        cwd = Path(tmp)  # not the checkout: nothing may be imported from the source tree
        for argv, expect in (
            (["--version"], f"inspector {read_version()}"),
            (["--self-test"], "self-test ok"),
            (["demo", "--enterprises", "3", "--years", "1"], "演示数据已写入"),
            (["stats", "--json"], '"enterprises": 3'),
            (["notices", "awaiting"], "没有待书面答复的文书"),  # the holiday calendar is bundled
            (["keys", "create"], "已创建发证单位"),
            (["keys", "publish-page", "--out", str(Path(tmp) / "site")], "已写出亮牌核验网页"),  # resources/verify
            (["--self-test"], "self-test ok"),
        ):
            started = time.monotonic()
            result = subprocess.run(
                [str(executable), *argv], env=env, cwd=cwd, capture_output=True, text=True, timeout=300
            )
            took = time.monotonic() - started
            output = result.stdout + result.stderr
            ok = result.returncode == 0 and (target.system == "windows" or expect in output)
            print(f"{'ok ' if ok else 'FAIL'} {' '.join(argv)}  ({took:.2f} s)")
            if not ok:
                print(output)
                raise SystemExit(f"冒烟测试失败：{' '.join(argv)} 退出码 {result.returncode}")
    print("冒烟测试通过 smoke test passed")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    target = Target.current()
    bundle = args.dist / APP_NAME
    if not args.skip_build:
        bundle = build(args, target)
    if args.smoke_test:
        smoke_test(bundle, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
