"""The README's commands use commands and options the CLI really has."""

import re
import shlex
from pathlib import Path

import click
import pytest

from recordcheck.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
COMMAND = re.compile(r"recordcheck (?:check|audit|coach|evaluate|train|serve)\b[^`\n#]*")


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
    # a lone "-" is standard input, not an option
    used = {word.split("=")[0] for word in words[2:] if word.startswith("-") and word != "-"}

    assert used <= _known_options(command), f"README uses unknown options in: {line}"


def _layout_entries() -> list[str]:
    """The files and folders the README's developer layout names under src/recordcheck/."""
    block = README.read_text(encoding="utf-8").split("## For developers", 1)[1].split("```")[1]
    entries = []
    for line in block.splitlines():
        if line.startswith("  ") and not line.startswith("   "):  # an entry, not a wrapped line
            words = line.split()
            # "train.py, evaluate.py" names two entries; otherwise the first word is the entry
            names = [words[0].rstrip(",")] + ([words[1]] if words[0].endswith(",") else [])
            entries += [name for name in names if "<" not in name]
    return entries


def test_readme_layout_is_the_layout_there_is():
    package = README.parent / "src" / "recordcheck"
    entries = _layout_entries()
    assert len(entries) >= 15
    missing = [entry for entry in entries if not (package / entry).exists()]
    assert not missing, f"README names files that do not exist: {missing}"
    listed = {entry.rstrip("/").split("/")[0] for entry in entries}
    unlisted = sorted(
        path.name for path in package.iterdir()
        if (path.suffix == ".py" and path.name not in ("__init__.py", "__main__.py"))
        or (path.is_dir() and (path / "__init__.py").exists())
    )
    assert not set(unlisted) - listed, f"README leaves out: {sorted(set(unlisted) - listed)}"
