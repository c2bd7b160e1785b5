"""The command line's language: its help texts and argparse's own words, in bokmål or English.

Bokmål is the default; ``--lang en`` (anywhere on the command line) gives English. The command
modules write each help text in both languages with :func:`h`, which picks the language
:func:`build_in` was given; argparse's own headings and error messages ("usage:", "options:",
"the following arguments are required", ...) go through :data:`ARGPARSE_NB` while the parser is
built and used, so ``--help`` and a usage error read as one language.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Sequence

LANGUAGES = ("nb", "en")
_current = "nb"

#: argparse's messages (Python 3.11 to 3.13) in bokmål; a message not listed is shown as it is.
ARGPARSE_NB: dict[str, str] = {
    "usage: ": "bruk: ",
    "positional arguments": "posisjonsargumenter",
    "options": "valg",
    "optional arguments": "valg",
    "show this help message and exit": "vis denne hjelpeteksten og avslutt",
    "show program's version number and exit": "vis versjonsnummeret og avslutt",
    "%(prog)s: error: %(message)s\n": "%(prog)s: feil: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "ukjente argumenter: %s",
    "the following arguments are required: %s": "disse argumentene mangler: %s",
    "one of the arguments %s is required": "ett av argumentene %s må være med",
    "not allowed with argument %s": "kan ikke brukes sammen med argumentet %s",
    "ignored explicit argument %r": "argumentet %r ble ikke brukt",
    "expected one argument": "ventet ett argument",
    "expected at most one argument": "ventet høyst ett argument",
    "expected at least one argument": "ventet minst ett argument",
    "expected %s argument": "ventet %s argument",
    "expected %s arguments": "ventet %s argumenter",
    "ambiguous option: %(option)s could match %(matches)s": "tvetydig valg: %(option)s kan bety %(matches)s",
    "unexpected option string: %s": "uventet valg: %s",
    "invalid %(type)s value: %(value)r": "ugyldig verdi (%(type)s): %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "ugyldig valg: %(value)r (velg blant %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "ukjent kommando %(parser_name)r (velg blant "
    "%(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan ikke åpne «%(filename)s»: %(error)s",
}


def requested_language(argv: Sequence[str]) -> str:
    """The language ``--lang`` asks for in ``argv`` (bokmål when absent or not one of ours), read
    before parsing so that the help and the usage errors are in that language too."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    return "nb"


def h(nb: str, en: str) -> str:
    """A help text in the language the parser is being built in."""
    return en if _current == "en" else nb


def current() -> str:
    return _current


def _translate_nb(message: str) -> str:
    return ARGPARSE_NB.get(message, message)


def _ngettext_nb(singular: str, plural: str, n: int) -> str:
    return _translate_nb(singular if n == 1 else plural)


def _same(message: str) -> str:
    return message


def _ngettext_en(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


@contextlib.contextmanager
def build_in(lang: str) -> Iterator[None]:
    """Within the block, :func:`h` answers in ``lang`` and argparse speaks it.

    argparse looks its messages up through the module's ``_`` and ``ngettext`` each time it formats
    one, so replacing them for the block (and putting them back after) covers every heading and
    error. The command line is single-threaded; the block is the whole of parsing.
    """
    global _current
    module = vars(argparse)  # argparse's globals: "_" and "ngettext" are not in its type stubs
    previous = _current, module["_"], module["ngettext"]
    _current = lang if lang in LANGUAGES else "nb"
    if _current == "nb":
        module["_"], module["ngettext"] = _translate_nb, _ngettext_nb
    else:
        module["_"], module["ngettext"] = _same, _ngettext_en
    try:
        yield
    finally:
        _current, module["_"], module["ngettext"] = previous
