"""Errors the domain raises. Their messages are for people: one clear sentence, Chinese first."""

from __future__ import annotations


class DomainError(ValueError):
    """A rule of the domain was broken; the message says which and why.

    The message is what the window shows, so where it tells a person what to do next it names
    the place in the window (设置 → 发证单位密钥), never a command-line option. A message whose
    next step differs at the command line carries that wording as `command_line`; the CLI prints
    `for_command_line()`. tests/test_gui_messages.py keeps command-line options out of the rest.
    """

    def __init__(self, *args: object, command_line: str | None = None) -> None:
        super().__init__(*args)
        self.command_line = command_line

    def for_command_line(self) -> str:
        return self.command_line or str(self)


class ValidationError(DomainError):
    """One or more fields are invalid. `problems` maps a field (or item code) to its message."""

    def __init__(self, problems: dict[str, str] | list[str], subject: str = "") -> None:
        if isinstance(problems, dict):
            self.problems = dict(problems)
            lines = [f"{field}: {msg}" for field, msg in self.problems.items()]
        else:
            self.problems = {str(i): msg for i, msg in enumerate(problems)}
            lines = list(problems)
        head = f"{subject}: " if subject else ""
        super().__init__(head + "; ".join(lines))


class TransitionRefused(DomainError):
    """A hazard or inspection transition that the lifecycle does not allow."""


class Cancelled(DomainError):
    """The person stopped a long operation; whatever it was writing is left as it was before."""

    def __init__(self, message: str = "已取消") -> None:
        super().__init__(message)
