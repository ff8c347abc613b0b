#!/usr/bin/env python3
"""Build the Inspector application for field laptops: a one-folder PyInstaller bundle, packed as
dist/inspector-<version>-<platform>.tar.gz (Linux) or .zip (Windows, macOS), plus on Windows an
Inno Setup script (and setup.exe when `iscc` is on PATH).

    python build_installer.py                 # build and pack
    python build_installer.py --smoke-test    # ... then run the built program without Python
    python build_installer.py --skip-build --smoke-test   # smoke-test an existing build
    python build_installer.py --deb           # ... and a Debian package (统信UOS, 麒麟, Debian, Ubuntu)
    python build_installer.py --skip-build --deb --install-test   # as root: install, run, remove

The .deb puts the bundle in /opt/inspector, `inspector` on PATH (/usr/bin/inspector, a link),
a desktop entry and an icon; dpkg owns every file, so removing the package leaves nothing. The
Windows recipe (Inno Setup, per-user install) is in installer/inspector.iss.in and docs/install.md.

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
DEB_DIR = ROOT / "installer" / "deb"  # control.in and inspector.desktop
DEB_PREFIX = f"opt/{APP_NAME}"  # where the bundle goes on the installed system
ICON = ROOT / "resources" / "icons" / "inspector.svg"

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
    "pi_heif",
    "openpyxl",
    "tzdata",
    "chinese_calendar",  # working-day deadlines: its holiday tables are plain modules
)
# Whole packages whose submodules are loaded by name: our own (the CLI registers some command
# modules through importlib), zoneinfo data, keyring backends, Alembic operations, and
# reportlab's barcode widgets (imported from strings: the plaques' QR codes need them).
COLLECT_SUBMODULES = ("inspector", "alembic", "keyring.backends", "tzdata", "reportlab.graphics.barcode")
COLLECT_DATA = ("tzdata", "reportlab")
COLLECT_BINARIES = ("pi_heif",)

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
    # Python bindings nothing imports: QtCharts needs the QtOpenGL C++ libraries, not their
    # 9 MB binding; Inspector makes no network or D-Bus calls through Qt.
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "pillow_heif",  # a test tool (it writes HEIC); the program reads HEIC with pi_heif, decoder only
    "tkinter",
    "pytest",
    "hypothesis",
    "IPython",
    "numpy",
    "PIL._avif",  # AVIF support (5 MB of libavif): photos come as JPEG, PNG or HEIC
    "PIL.AvifImagePlugin",
)


def _libraries(names: str) -> tuple[str, ...]:
    """Glob patterns of the system libraries PyInstaller copied into _internal/, by library name."""
    return tuple(f"lib{name}.so*" for name in names.split())


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
    "PySide6/Qt/plugins/generic",  # evdev/tuio input: only for the removed EGLFS/linuxfb platforms
    "PySide6/Qt/plugins/networkinformation",  # QtNetwork is not used
    "PySide6/Qt/plugins/tls",
    # python-stdnum's number-range tables of other countries: only cn.uscc (no table) is used.
    "stdnum/*.dat",
    "stdnum/[!c]*/*.dat",
    # The GTK 3 platform theme (native GTK dialogs) brings GTK, GDK, cairo, pango, ATK and their
    # X extensions, ≈ 22 MB; Qt's own dialogs and the XDG desktop portal theme serve instead.
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    *_libraries(
        "gtk-3 gdk-3 gdk_pixbuf-2.0 cairo cairo-gobject pixman-1 epoxy pango-1.0 pangoft2-1.0 "
        "pangocairo-1.0 harfbuzz graphite2 fribidi thai datrie atk-1.0 atk-bridge-2.0 atspi jpeg "
        "Xext Xi Xrender Xrandr Xcursor Xfixes gio-2.0 gobject-2.0 mount blkid selinux"
    ),
    # CUPS: the print plugin stays and uses the system's libcups2, the one that matches the
    # machine's print server (the .deb recommends it). Bundled, libcups brought GnuTLS and
    # its crypto libraries, ≈ 13 MB.
    *_libraries("cups gnutls unistring p11-kit gmp nettle hogweed idn2 tasn1 avahi-client avahi-common bsd md"),
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
    parser.add_argument("--deb", action="store_true", help="另外生成 Debian 软件包（.deb） also make a .deb")
    parser.add_argument(
        "--install-test",
        action="store_true",
        help="以 root 用 apt-get 安装 .deb，运行 inspector --self-test，再卸载并检查无残留",
    )
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "venv-runtime", help="构建用的干净虚拟环境")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="输出文件夹")
    args = parser.parse_args(argv)
    if args.skip_build and not (args.smoke_test or args.deb):
        parser.error("--skip-build 只能与 --smoke-test 或 --deb 一起使用")
    if args.install_test and not args.deb:
        parser.error("--install-test 需要与 --deb 一起使用")
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


def trim_icu(bundle: Path) -> int:
    """ICU's data library keeps the root locale, English and Chinese (installer/icu_data.py)."""
    # installer/ is a folder of build files, not a package (PyPI has one named `installer`).
    if str(ROOT / "installer") not in sys.path:
        sys.path.insert(0, str(ROOT / "installer"))
    from icu_data import trim_library

    return sum(
        trim_library(library, run=lambda command: _run(command))
        for library in sorted((bundle / "_internal").glob("PySide6/Qt/lib/libicudata.so.*"))
        if not library.is_symlink()
    )


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
    if target.system == "linux":
        print(f"ICU 数据只留中文和英文 ICU data trimmed: {trim_icu(bundle) / 1e6:.1f} MB")
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


# --- the Debian package -------------------------------------------------------------------

DEB_ARCH = {"x86_64": "amd64", "arm64": "arm64", "loongarch64": "loong64", "mips64": "mips64el"}


def deb_name(version: str, target: Target) -> str:
    return f"{APP_NAME}_{version}_{DEB_ARCH.get(target.machine, target.machine)}.deb"


def control_text(version: str, target: Target, installed_kb: int, template: Path = DEB_DIR / "control.in") -> str:
    text = template.read_text(encoding="utf-8")
    for key, value in {
        "@VERSION@": version,
        "@ARCH@": DEB_ARCH.get(target.machine, target.machine),
        "@INSTALLED_SIZE@": str(installed_kb),
    }.items():
        text = text.replace(key, value)
    return text


def deb_tree(bundle: Path, root: Path, version: str, target: Target) -> Path:
    """The installed file system of the package under `root`, with DEBIAN/control.

    No maintainer scripts: Debian's desktop-file-utils and hicolor-icon-theme refresh their
    caches through dpkg triggers, and the program writes nothing under /opt (its data folder is
    the user's), so dpkg's own file list is all an uninstall has to remove."""
    app = root / DEB_PREFIX
    shutil.copytree(bundle, app, symlinks=True)
    (root / "usr/bin").mkdir(parents=True)
    # A link, not a wrapper: the bundle finds its _internal folder from /proc/self/exe.
    (root / "usr/bin" / APP_NAME).symlink_to(f"/{DEB_PREFIX}/{APP_NAME}")
    applications = root / "usr/share/applications"
    applications.mkdir(parents=True)
    shutil.copy2(DEB_DIR / "inspector.desktop", applications / f"{APP_NAME}.desktop")
    icons = root / "usr/share/icons/hicolor/scalable/apps"
    icons.mkdir(parents=True)
    shutil.copy2(ICON, icons / f"{APP_NAME}.svg")
    for path in [root, *root.rglob("*")]:  # dpkg-deb wants sane modes whatever the umask was
        if path.is_symlink():
            continue
        executable = path.is_dir() or path.stat().st_mode & 0o111
        path.chmod(0o755 if executable else 0o644)
    control = root / "DEBIAN" / "control"
    control.parent.mkdir(mode=0o755)
    control.write_text(control_text(version, target, folder_size(root) // 1024), encoding="utf-8")
    return root


def make_deb(bundle: Path, dist: Path, target: Target) -> Path:
    version = read_version()
    out = dist / deb_name(version, target)
    with tempfile.TemporaryDirectory(prefix="inspector-deb-", dir=dist) as tmp:
        root = deb_tree(bundle, Path(tmp) / "root", version, target)
        # xz (dpkg's default) is the one every dpkg reads, old UOS and Kylin releases included.
        _run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, out.with_name(out.name + ".tmp")])
    os.replace(out.with_name(out.name + ".tmp"), out)
    print(f"Debian 软件包 package: {out.stat().st_size / 1e6:.1f} MB  ({out})")
    return out


def installed_files(package: str = APP_NAME) -> list[Path]:
    """The paths dpkg lists for an installed package, folders shared with other packages left out."""
    listing = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True, check=True).stdout
    paths = [Path(line) for line in listing.splitlines() if line.startswith("/")]
    return [p for p in paths if not p.is_dir() or p.is_symlink() or str(p).startswith(f"/{DEB_PREFIX}")]


def install_test(deb: Path) -> None:
    """Install the package as a user would (apt-get, so dependencies are checked), run the
    installed program from PATH without Python, check the desktop entry and icon, then purge it
    and check that none of its files is left. Needs root; meant for CI's own machine."""
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        raise SystemExit("安装测试需要 root 权限（apt-get install）")
    apt_env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    _run(["apt-get", "install", "-y", "--no-install-recommends", str(deb.resolve())], env=apt_env)
    files: list[Path] = []
    try:
        files = installed_files()
        launcher = Path("/usr/bin") / APP_NAME
        expected_files = (
            launcher,
            Path(f"/{DEB_PREFIX}/{APP_NAME}"),
            Path("/usr/share/applications/inspector.desktop"),
            Path("/usr/share/icons/hicolor/scalable/apps/inspector.svg"),
        )
        for expected in expected_files:
            if expected not in files:
                raise SystemExit(f"安装后缺少 {expected}")
        with tempfile.TemporaryDirectory(prefix="inspector-installed-") as tmp:
            env = python_free_env(Path(tmp) / "data")
            run_checked([APP_NAME, "--version"], env, Path(tmp), f"inspector {read_version()}")
            run_checked([APP_NAME, "--self-test"], env, Path(tmp), "self-test ok")
    finally:
        _run(["apt-get", "purge", "-y", APP_NAME], env=apt_env)
    left = [p for p in files if p.exists() or p.is_symlink()]
    if left or Path(f"/{DEB_PREFIX}").exists():
        raise SystemExit(f"卸载后仍有残留：{', '.join(map(str, left[:5])) or '/' + DEB_PREFIX}")
    print(f"安装测试通过 install test passed: {len(files)} files installed and removed")


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


SMOKE_PHOTO = ROOT / "installer" / "smoke-photo.heic"  # a phone's default format, read by pi-heif


def run_checked(command: Sequence[str], env: dict[str, str], cwd: Path, expect: str, lenient: bool = False) -> str:
    """Run a built or installed `inspector`; it must exit 0 and print `expect` (unless
    `lenient`: a Windows GUI program prints nothing). Returns what it printed."""
    started = time.monotonic()
    result = subprocess.run(list(command), env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    ok = result.returncode == 0 and (lenient or expect in output)
    print(f"{'ok ' if ok else 'FAIL'} {' '.join(command[1:])}  ({time.monotonic() - started:.2f} s)")
    if not ok:
        print(output)
        raise SystemExit(f"冒烟测试失败：{' '.join(command[1:])} 退出码 {result.returncode}")
    return result.stdout


def smoke_test(bundle: Path, target: Target) -> None:
    executable = bundle / target.executable
    if not executable.exists():
        raise SystemExit(f"找不到已构建的程序 {executable}（先不带 --skip-build 运行）")
    windows = target.system == "windows"
    with tempfile.TemporaryDirectory(prefix="inspector-smoke-") as tmp:
        env = python_free_env(Path(tmp) / "data")
        if os.name != "nt":
            links = Path(tmp) / "bin"
            links.mkdir()
            env["PATH"] = str(_hide_python(links))
        cwd = Path(tmp)  # not the checkout: nothing may be imported from the source tree

        def step(argv: list[str], expect: str) -> str:
            return run_checked([str(executable), *argv], env, cwd, expect, lenient=windows)

        step(["--version"], f"inspector {read_version()}")
        step(["--self-test"], "self-test ok")
        step(["demo", "--enterprises", "3", "--years", "1"], "演示数据已写入")  # JPEG photos
        step(["stats", "--json"], '"enterprises": 3')
        step(["notices", "awaiting"], "没有待书面答复的文书")  # the holiday calendar (chinesecalendar) is bundled
        step(["keys", "create", "--force"], "已创建发证单位")  # the office's own key, after the demo's
        step(["keys", "publish-page", "--out", str(Path(tmp) / "site")], "已写出亮牌核验网页")  # resources/verify
        if not windows:  # the credit code is read from the listing, which a Windows GUI program does not print
            code = step(["enterprises", "list"], "\t").splitlines()[0].split("\t")[1]
            record = ["hazards", "record", "--enterprise", code, "--description", "安全出口堵塞", "--by", "冒烟测试"]
            step([*record, "--photo", str(SMOKE_PHOTO), "--json"], '"id"')  # a HEIC photo imported
        step(["report", "plaques", "--out", str(Path(tmp) / "plaques.pdf"), "--quiet"], "年度亮牌")  # QR codes
        step(["report", "summary", "--out", str(Path(tmp) / "summary.pdf")], "年度工作汇总")  # Chinese text
        for pdf in ("plaques.pdf", "summary.pdf"):
            if not (Path(tmp) / pdf).read_bytes().startswith(b"%PDF-"):
                raise SystemExit(f"冒烟测试失败：{pdf} 不是 PDF 文件")
        step(["--self-test"], "self-test ok")  # every page of the window built on the demo data
    print("冒烟测试通过 smoke test passed")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    target = Target.current()
    bundle = args.dist / APP_NAME
    if not args.skip_build:
        bundle = build(args, target)
    if args.smoke_test:
        smoke_test(bundle, target)
    if args.deb:
        if target.system != "linux":
            raise SystemExit("--deb 只用于 Linux（Windows 用 Inno Setup 安装程序）")
        deb = make_deb(bundle, args.dist, target)
        if args.install_test:
            install_test(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
