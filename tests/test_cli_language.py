"""``kompetanse --help`` in bokmål, argparse's own words included; ``--lang en`` in English; ``--version``."""

from __future__ import annotations

import argparse
import re

import pytest

from competence import __version__
from competence.cli import build_parser, main
from competence.cli.lang import build_in, requested_language

ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help message", "error:")


def subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Every command's parser, nested ones (``frameworks list``) as "frameworks list"."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[name] = sub
                found.update({f"{name} {k}": v for k, v in subparsers(sub).items()})
    return found


def command_lines() -> list[list[str]]:
    with build_in("nb"):
        return [name.split() for name in subparsers(build_parser())]


def help_text(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main([*argv, "--help"]) == 0
    return capsys.readouterr().out


def test_top_level_help_is_norwegian(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(capsys)
    assert text.startswith("bruk: kompetanse ")
    for heading in ("posisjonsargumenter:", "valg:", "vis denne hjelpeteksten og avslutt", "KOMMANDO"):
        assert heading in text
    for english in ARGPARSE_ENGLISH:
        assert english not in text
    assert "employees" in text and "finn ansatte og ansattnumrene deres" in text


@pytest.mark.parametrize("command", command_lines(), ids=" ".join)
def test_every_command_help_in_both_languages(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    norwegian = help_text(capsys, *command)
    assert norwegian.startswith("bruk: kompetanse " + " ".join(command))
    assert "valg:" in norwegian
    for english in ARGPARSE_ENGLISH:
        assert english not in norwegian
    english_text = help_text(capsys, *command, "--lang", "en")
    assert english_text.startswith("usage: kompetanse " + " ".join(command))
    assert "options:" in english_text and "show this help message and exit" in english_text
    assert not re.search(r"\b(bruk|valg|standard|enhetsnummer|ansattnummer|skriv)\b", english_text)


def test_every_help_text_and_placeholder_has_an_english_version() -> None:
    """A help text written without ``h(...)`` is the same in both languages: found here."""

    def texts(lang: str) -> dict[tuple[str, str], str]:
        with build_in(lang):
            parsers = {"": build_parser(), **subparsers(build_parser())}
        found: dict[tuple[str, str], str] = {}
        for name, parser in parsers.items():
            if parser.description:
                found[(name, "description")] = parser.description
            for action in parser._actions:
                key = "/".join(action.option_strings) or action.dest
                if action.help and action.help != argparse.SUPPRESS:
                    found[(name, key)] = action.help
                if isinstance(action, argparse._SubParsersAction):  # the commands' one-line help
                    for choice in action._choices_actions:
                        found[(name, choice.dest)] = str(choice.help)
                    found[(name, "metavar")] = str(action.metavar)
        return found

    nb, en = texts("nb"), texts("en")
    assert nb.keys() == en.keys()
    same = {key: text for key, text in nb.items() if en[key] == text}
    assert same == {}


def test_usage_errors_are_norwegian_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-plan"]) == 2
    err = capsys.readouterr().err
    assert "bruk: kompetanse export-plan" in err
    assert "kompetanse export-plan: feil: disse argumentene mangler: ANSATTNR, UTFIL.pdf" in err
    assert main(["gap-report", "--window", "mange"]) == 2
    assert "argument --window: ugyldig verdi (int): 'mange'" in capsys.readouterr().err
    assert main(["ukjent"]) == 2
    assert "ugyldig valg: 'ukjent'" in capsys.readouterr().err
    assert main(["--lang", "en", "export-plan"]) == 2
    err = capsys.readouterr().err
    assert "error: the following arguments are required: EMPLOYEE_NO, OUT.pdf" in err


def test_lang_may_come_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert help_text(capsys, "gap-report", "--lang=en").startswith("usage: kompetanse gap-report")
    assert requested_language(["gap-report", "--lang", "en"]) == "en"
    assert requested_language(["gap-report", "--lang", "de"]) == "nb"
    assert requested_language(["import-roster", "--", "--lang", "en"]) == "nb"


def test_argparse_is_left_as_it_was() -> None:
    """The translation is for the command line's own parsing only."""
    before = argparse._  # type: ignore[attr-defined]
    main(["--version"])
    assert argparse._ is before  # type: ignore[attr-defined]
    assert argparse.ArgumentParser(prog="x").format_usage().startswith("usage: x")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"Kompetanseregister {__version__}"
