"""The pure parts of build_installer.py: arguments, shipped data files, archive names, the .iss text,
the pruning list and the Python-free environment. The real build is CI's smoke test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import build_installer as bi  # noqa: E402

LINUX = bi.Target("linux", "x86_64")
WINDOWS = bi.Target("windows", "x86_64")


def test_arguments() -> None:
    args = bi.parse_args([])
    assert not args.smoke_test and not args.skip_build
    assert args.venv == ROOT / "build" / "venv-runtime"
    args = bi.parse_args(["--skip-build", "--smoke-test"])
    assert args.skip_build and args.smoke_test
    with pytest.raises(SystemExit):
        bi.parse_args(["--skip-build"])  # nothing to do


def test_archive_names_follow_version_and_platform() -> None:
    assert bi.archive_name("0.1.0", LINUX) == "inspector-0.1.0-linux-x86_64.tar.gz"
    assert bi.archive_name("0.1.0", WINDOWS) == "inspector-0.1.0-windows-x86_64.zip"
    assert bi.archive_name("1.2.3", bi.Target("macos", "arm64")) == "inspector-1.2.3-macos-arm64.zip"
    assert bi.read_version() == __import__("inspector").__version__


def test_data_files_ship_resources_forms_and_every_migration() -> None:
    shipped = {(source.relative_to(ROOT).as_posix(), dest) for source, dest in bi.data_files()}
    migrations = sorted(p.name for p in (ROOT / "inspector/db/migrations/versions").glob("*.py"))
    for name in migrations:
        assert (f"inspector/db/migrations/versions/{name}", "inspector/db/migrations/versions") in shipped
    assert ("inspector/db/migrations/env.py", "inspector/db/migrations") in shipped
    assert ("inspector/db/migrations/script.py.mako", "inspector/db/migrations") in shipped
    assert ("resources/fonts/wqy-microhei.ttc", "resources/fonts") in shipped
    assert ("resources/translations/inspector_en.qm", "resources/translations") in shipped
    assert ("forms/general-manufacturing.toml", "forms") in shipped
    for name in ("page.html", "noble-ed25519.js", "noble-ed25519.LICENSE.txt", "sha512.js"):
        assert (f"resources/verify/{name}", "resources/verify") in shipped  # the verification page
    assert not [s for s, _ in shipped if "__pycache__" in s or s.endswith((".pyc", ".ts"))]


def test_pyinstaller_command_line() -> None:
    args = bi.pyinstaller_args(ROOT, LINUX, Path("/d"), Path("/w"))
    assert args[-1].endswith("installer/entry.py") and "--onedir" in args and "--strip" in args
    assert f"{ROOT / 'forms/general-manufacturing.toml'}:forms" in args
    assert "PySide6.QtWebEngineCore" in args and "sqlalchemy.dialects.sqlite" in args
    assert "chinese_calendar" in args  # the official holiday calendar behind working-day deadlines
    windows = bi.pyinstaller_args(ROOT, WINDOWS, Path("/d"), Path("/w"))
    assert "--windowed" in windows and "--strip" not in windows
    assert f"{ROOT / 'forms/general-manufacturing.toml'};forms" in windows


def test_entry_script_calls_the_project_entry_point() -> None:
    assert "from inspector.launcher import main" in (ROOT / "installer/entry.py").read_text(encoding="utf-8")


def test_inno_setup_script() -> None:
    text = bi.iss_text("0.1.0", r"C:\build\dist\inspector", r"C:\build\dist")
    assert "@" not in text.replace("{#", "")  # every placeholder filled
    assert 'AppVersion "0.1.0"' in text
    assert r'Source: "C:\build\dist\inspector\*"' in text
    assert "OutputBaseFilename=inspector-{#AppVersion}-setup" in text
    assert '{group}\\Inspector 安全生产检查"; Filename: "{app}\\{#AppExe}"' in text  # Start-menu shortcut
    assert "{uninstallexe}" in text and "PrivilegesRequired=lowest" in text


def test_prune_keeps_chinese_and_english_qt_translations(tmp_path: Path) -> None:
    internal = tmp_path / "inspector" / "_internal"
    translations = internal / bi.QT_TRANSLATIONS
    translations.mkdir(parents=True)
    for name in ("qt_zh_CN.qm", "qtbase_zh_CN.qm", "qt_en.qm", "qtbase_en.qm", "qt_de.qm", "qt_zh_TW.qm"):
        (translations / name).write_bytes(b"x" * 10)
    lib = internal / "PySide6/Qt/lib"
    lib.mkdir(parents=True)
    (lib / "libQt6Quick.so.6").write_bytes(b"y" * 100)
    (lib / "libQt6Widgets.so.6").write_bytes(b"z")
    (internal / "libQt6Quick.so.6").symlink_to(lib / "libQt6Quick.so.6")
    freed = bi.prune(tmp_path / "inspector")
    assert freed == 120
    assert sorted(p.name for p in translations.iterdir()) == sorted(bi.KEEP_TRANSLATIONS)
    assert [p.name for p in lib.iterdir()] == ["libQt6Widgets.so.6"]
    assert not (internal / "libQt6Quick.so.6").is_symlink()  # the dangling link went too


def test_smoke_test_environment_has_no_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", "/somewhere")
    monkeypatch.setenv("PYTHONHOME", "/elsewhere")
    env = bi.python_free_env(tmp_path / "data")
    assert not [k for k in env if k.startswith("PYTHON")]
    assert env["INSPECTOR_DATA_DIR"] == str(tmp_path / "data") and env["QT_QPA_PLATFORM"] == "offscreen"
    links = tmp_path / "bin"
    links.mkdir()
    bi._hide_python(links)
    assert (links / "ls").exists()
    assert not list(links.glob("python*"))


def test_archive_has_one_versioned_top_folder(tmp_path: Path) -> None:
    import tarfile

    bundle = tmp_path / "inspector"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "inspector").write_text("exe")
    out = bi.write_archive(bundle, tmp_path / "inspector-0.1.0-linux-x86_64.tar.gz")
    with tarfile.open(out) as tar:
        assert {m.name.split("/")[0] for m in tar.getmembers()} == {"inspector-0.1.0-linux-x86_64"}
    assert not list(tmp_path.glob("*.tmp"))


def test_deb_arguments() -> None:
    args = bi.parse_args(["--skip-build", "--deb", "--install-test"])
    assert args.deb and args.install_test and not args.smoke_test
    with pytest.raises(SystemExit):
        bi.parse_args(["--install-test"])  # nothing to install


def _fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "inspector"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    (bundle / "inspector").write_bytes(b"\x7fELF fake")
    (bundle / "inspector").chmod(0o700)
    (bundle / "_internal" / "libfoo.so.1").write_bytes(b"x" * 5000)
    (bundle / "_internal" / "libfoo.so").symlink_to("libfoo.so.1")
    return bundle


@pytest.mark.skipif(not Path("/usr/bin/dpkg-deb").exists(), reason="dpkg-deb is Debian's")
def test_deb_holds_the_bundle_the_command_the_desktop_entry_and_the_icon(tmp_path: Path) -> None:
    import subprocess

    deb = bi.make_deb(_fake_bundle(tmp_path), tmp_path, LINUX)
    assert deb.name == f"inspector_{bi.read_version()}_amd64.deb"
    listing = subprocess.run(["dpkg-deb", "-c", deb], capture_output=True, text=True, check=True).stdout
    entries = {line.split()[5].removeprefix("."): line for line in listing.splitlines()}
    assert entries["/usr/bin/inspector"].split()[-1] == "/opt/inspector/inspector"  # a link onto PATH
    assert entries["/opt/inspector/inspector"].startswith("-rwxr-xr-x root/root")
    assert entries["/opt/inspector/_internal/libfoo.so"].startswith("l")  # links kept as links
    assert "/usr/share/applications/inspector.desktop" in entries
    assert "/usr/share/icons/hicolor/scalable/apps/inspector.svg" in entries
    assert not [name for name in entries if name.startswith("/DEBIAN")]

    def field(name: str) -> str:
        return subprocess.run(["dpkg-deb", "-f", deb, name], capture_output=True, text=True, check=True).stdout.strip()

    assert (field("Package"), field("Version"), field("Architecture")) == ("inspector", bi.read_version(), "amd64")
    assert "libgl1" in field("Depends") and field("Recommends") == "libcups2"
    assert int(field("Installed-Size")) >= 5  # KiB, the bundle's size
    scripts = subprocess.run(["dpkg-deb", "-I", deb], capture_output=True, text=True, check=True).stdout
    assert "postrm" not in scripts and "preinst" not in scripts  # dpkg's file list is the whole uninstall


def test_desktop_entry_starts_the_command_on_path_with_its_icon() -> None:
    text = (ROOT / "installer" / "deb" / "inspector.desktop").read_text(encoding="utf-8")
    fields = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    assert (fields["Type"], fields["Exec"], fields["Icon"], fields["Terminal"]) == (
        "Application",
        "inspector",
        "inspector",
        "false",
    )
    assert fields["Name[zh_CN]"] and fields["Categories"].endswith(";")
    assert (ROOT / "resources" / "icons" / "inspector.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
