"""The README's commands use commands and options the CLI really has."""

import re
import shlex
from pathlib import Path

import click
import pytest

from recordcheck.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
COMMAND = re.compile(r"recordcheck (?:check|audit|evaluate|train)\b[^`\n#]*")


def _readme_commands() -> list[str]:
    return sorted(set(COMMAND.findall(README.read_text(encoding="utf-8"))))


def _known_options(command: click.Command) -> set[str]:
    return {name for param in command.params for name in getattr(param, "opts", [])} | {
        "--help"
    }


def test_readme_shows_commands():
    assert len(_readme_commands()) >= 4


@pytest.mark.parametrize("line", _readme_commands())
def test_readme_command_uses_real_options(line):
    words = shlex.split(line)
    command = main.commands[words[1]]
    used = {word.split("=")[0] for word in words[2:] if word.startswith("-")}

    assert used <= _known_options(command), f"README uses unknown options in: {line}"
