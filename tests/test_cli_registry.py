"""The command registry: every command module is listed, each registers exactly the names listed
for it, and a command imports no other command's module."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.cli.main import build_parser, first_pass
from inspector.cli.registry import COMMANDS

CLI = Path(__file__).resolve().parents[1] / "inspector" / "cli"


def test_every_command_module_is_in_the_registry() -> None:
    modules = {f"inspector.cli.{p.stem}" for p in CLI.glob("*_command.py")}
    assert modules == set(COMMANDS.values())


@pytest.mark.parametrize("module", sorted(set(COMMANDS.values())))
def test_each_module_registers_the_names_listed_for_it(module: str) -> None:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command")
    importlib.import_module(module).register(commands)
    assert set(commands.choices) == {name for name, path in COMMANDS.items() if path == module}


def test_first_pass_finds_the_command_behind_the_global_options() -> None:
    known = first_pass(["--data-dir", "x", "stats", "--json", "-h"])
    assert (known.command, known.data_dir, known.help) == ("stats", "x", False)
    assert first_pass(["--self-test"]).command is None
    assert first_pass(["-h"]).help


def test_a_partial_parser_keeps_every_name_a_valid_choice() -> None:
    parser = build_parser(["stats"])
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(action.choices) == set(COMMANDS)
    assert action.choices["stats"].get_default("run") is not None  # the real one, not a placeholder


def _modules_after(argv: list[str], tmp_path: Path) -> set[str]:
    code = (
        "import sys, json, contextlib, io\n"
        "from inspector.launcher import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_version_imports_no_command_and_no_storage(tmp_path: Path) -> None:
    loaded = _modules_after(["--version"], tmp_path)
    assert not {m for m in loaded if m.endswith("_command")}
    assert not {m for m in loaded if m.split(".")[0] in ("sqlalchemy", "PySide6", "PIL")}


def test_a_command_imports_only_its_own_module(tmp_path: Path) -> None:
    loaded = _modules_after(["--data-dir", str(tmp_path / "d"), "forms", "list"], tmp_path)
    assert {m for m in loaded if m.endswith("_command")} == {"inspector.cli.forms_command"}
