"""Options several commands share, written once with their help in both languages."""

from __future__ import annotations

import argparse

from competence.cli.lang import h


def unit_option(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """``--unit NR``: a unit number, the whole municipality when left out (unless required)."""
    parser.add_argument(
        "--unit",
        metavar=h("NR", "NO"),
        required=required,
        help=h("enhetsnummer", "unit number")
        if required
        else h("enhetsnummer (standard: hele kommunen)", "unit number (default: the whole municipality)"),
    )


def no_subunits_option(parser: argparse.ArgumentParser) -> None:
    """``--no-subunits``: for commands that take the units below the unit too unless told otherwise."""
    parser.add_argument(
        "--no-subunits",
        action="store_true",
        help=h("bare enheten selv, ikke underenhetene", "the unit itself only, not its subunits"),
    )
