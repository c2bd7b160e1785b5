"""The README against the program: every command and argument of ``kompetanse`` is in its table, the
commands it gives exist, and "For developers" gives exactly the two commands."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from competence.cli import build_parser
from competence.cli.lang import build_in
from tests.test_cli_language import subparsers

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMON = {"-h", "--help", "--db", "--lang"}


def commands() -> dict[str, argparse.ArgumentParser]:
    """Every command a user runs (``frameworks list``, not the ``frameworks`` group), in English."""
    with build_in("en"):
        found = subparsers(build_parser())
    return {
        name: parser
        for name, parser in found.items()
        if not any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
    }


def table_rows() -> dict[str, str]:
    """The command table's rows by command name: the code of the first column."""
    rows: dict[str, str] = {}
    for line in README.splitlines():
        match = re.match(r"\| `kompetanse ([a-z0-9-]+(?: [a-z-]+)?)(.*?)\|", line)
        if match:
            name = match.group(1)
            if name.split()[0] in ("frameworks", "access") or " " not in name:
                rows[name] = line.split("|")[1]
    return rows


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_command_and_argument_is_in_the_readme(name: str) -> None:
    rows = table_rows()
    assert name in rows, f"README's command table has no row for kompetanse {name}"
    row = rows[name]
    for action in commands()[name]._actions:
        if set(action.option_strings) & COMMON:
            continue
        if action.option_strings:
            assert action.option_strings[-1] in row, f"{name}: {action.option_strings[-1]} missing"
            if action.nargs != 0 and action.metavar:
                assert f"{action.option_strings[-1]} {action.metavar}" in row, f"{name}: {action.metavar}"
        else:
            assert str(action.metavar) in row, f"{name}: {action.metavar} missing"


def test_no_row_for_a_command_that_does_not_exist() -> None:
    assert set(table_rows()) <= set(commands())


def test_the_command_line_is_run_as_installed() -> None:
    assert "python -m competence --help" not in README  # fails in a clone without the .venv
    for match in re.finditer(r"python -m competence", README):
        assert README[max(0, match.start() - 10) : match.start()].endswith(("`", ".venv/bin/")), README[
            match.start() - 40 : match.end()
        ]


def test_for_developers_gives_the_two_commands() -> None:
    section = README[README.index("## For developers") :]
    section = section[: section.find("\n## ", 5)] if "\n## " in section[5:] else section
    blocks = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    assert [block.strip() for block in blocks] == ["scripts/start.sh", "scripts/test.sh"]
    for block in blocks:
        assert (ROOT / block.strip()).is_file()


def test_users_come_first() -> None:
    headings = re.findall(r"^## (.+)$", README, re.MULTILINE)
    assert headings[:4] == ["Installing", "First start", "Where your data lives", "Getting help"]
    assert headings.index("For developers") == len(headings) - 1


def test_files_the_readme_names_exist() -> None:
    for path in set(re.findall(r"`((?:scripts|docs|packaging|tests|\.github)/[\w./-]+)`", README)):
        assert (ROOT / path).exists(), path
    for path in set(re.findall(r"\]\(((?:docs/)?[\w./-]+\.(?:md|png))\)", README)):
        assert (ROOT / path).exists(), path
