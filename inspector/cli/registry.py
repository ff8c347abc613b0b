"""Which module holds each `inspector` subcommand: command name → module path.

A command's module is imported only when that command runs (or for the full `inspector --help`),
so adding a command costs other commands nothing. A new command adds one line here; a module
that registers two names (backup and restore) is listed under both. tests/test_cli_registry.py
checks that every *_command module is listed and registers exactly the names listed for it.
"""

from __future__ import annotations

COMMANDS: dict[str, str] = {
    "demo": "inspector.cli.demo_command",
    "stats": "inspector.cli.stats_command",
    "forms": "inspector.cli.forms_command",
    "enterprises": "inspector.cli.enterprises_command",
    "training": "inspector.cli.training_command",
    "hazards": "inspector.cli.hazards_command",
    "notices": "inspector.cli.notices_command",
    "backup": "inspector.cli.backup_command",
    "restore": "inspector.cli.backup_command",
    "grading": "inspector.cli.grading_command",
    "coverage": "inspector.cli.coverage_command",
    "dashboard": "inspector.cli.coverage_command",
    "sync": "inspector.cli.sync_command",
    "central": "inspector.cli.central_command",
    "keys": "inspector.cli.keys_command",
    "verify": "inspector.cli.verify_command",
    "report": "inspector.cli.report_command",
}


def modules_for(names: list[str] | None) -> list[str]:
    """The modules to import, each once, in registry order: those of `names`, or all (None)."""
    wanted = COMMANDS.values() if names is None else [COMMANDS[n] for n in names if n in COMMANDS]
    return list(dict.fromkeys(wanted))
