"""The command line does what its own documentation says."""

from __future__ import annotations

import re
import subprocess

import plateformcoop.cli
from plateformcoop.cli import build_parser

from conftest import BIN


def _documented_commands() -> list[str]:
    doc = plateformcoop.cli.__doc__ or ""
    return re.findall(r"``(?:plateformcoop )?([a-z]+)``", doc)


def _parser_commands() -> list[str]:
    parser = build_parser()
    sub = next(action for action in parser._actions if action.dest == "command")
    return list(sub.choices)


def test_docstring_names_exactly_the_subcommands() -> None:
    documented = _documented_commands()
    assert documented, "the module docstring names no command"
    assert sorted(documented) == sorted(_parser_commands())


def test_every_documented_subcommand_has_help() -> None:
    for name in _documented_commands():
        result = subprocess.run([str(BIN / "plateformcoop"), name, "--help"], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"plateformcoop {name} --help: {result.stderr}"
        assert "usage" in result.stdout
