"""Norwegian names, places and e-mail addresses for the demo, drawn from the lists in ``data/``.

Names are drawn with weights that fall along each list (common names first), so "Hansen" turns
up far more often than "Storbråten", as in a real roster.
"""

from __future__ import annotations

import itertools
import random
import unicodedata
from functools import cache
from importlib import resources

_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "é": "e", "ś": "s", " ": ".", "'": ""})


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The non-comment lines of ``data/<name>.txt``, NFC-normalised."""
    text = (
        resources.files("competence.demo")
        .joinpath("data")
        .joinpath(f"{name}.txt")
        .read_text(encoding="utf-8")
    )
    lines = (unicodedata.normalize("NFC", line.strip()) for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


class NamePool:
    """Draws first and last names (double first names are in the list); a few get a double last name.

    The first three last names drawn contain æ, ø and å, so even the smallest demo shows that the
    letters survive every screen, export and PDF.
    """

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._first = word_list("first_names")
        self._last = word_list("last_names")
        self._first_cum = _falling_weights(len(self._first))
        self._last_cum = _falling_weights(len(self._last))
        self._showcase = [tuple(n for n in self._last if letter in n.lower()) for letter in "æøå"]

    def _pick(self, names: tuple[str, ...], cum: list[float]) -> str:
        return self._rng.choices(names, cum_weights=cum)[0]

    def person(self) -> tuple[str, str]:
        rng = self._rng
        first = self._pick(self._first, self._first_cum)
        last = rng.choice(self._showcase.pop(0)) if self._showcase else self._pick(self._last, self._last_cum)
        if rng.random() < 0.05:
            other = self._pick(self._last, self._last_cum)
            if other != last:
                last = f"{last} {other}"
        return first, last


def _falling_weights(n: int) -> list[float]:
    """Cumulative weights 1/(i+8): the top of a list is a few times likelier than its tail."""
    return list(itertools.accumulate(1.0 / (i + 8) for i in range(n)))


class EmailBook:
    """``fornavn.etternavn@domain`` in plain ASCII, made unique with a number when taken."""

    def __init__(self, domain: str) -> None:
        self._domain = domain
        self._used: set[str] = set()

    def address(self, first: str, last: str) -> str:
        local = f"{first}.{last}".lower().translate(_ASCII)
        local = unicodedata.normalize("NFKD", local).encode("ascii", "ignore").decode("ascii")
        candidate = local
        for n in itertools.count(2):
            if candidate not in self._used:
                break
            candidate = f"{local}{n}"
        self._used.add(candidate)
        return f"{candidate}@{self._domain}"


class PlaceBook:
    """Unique place names for units; variants ("Øvre Lia", "Lia nord") once the plain ones are used."""

    def __init__(self, rng: random.Random) -> None:
        places = list(word_list("places"))
        rng.shuffle(places)
        variants = [f"{prefix} {p}" for prefix in ("Øvre", "Nedre") for p in places]
        variants += [f"{p} {suffix}" for suffix in ("nord", "sør", "øst", "vest") for p in places]
        self._names = places + variants
        self._next: dict[str, int] = {}

    def take(self, template: str) -> str:
        """The next unused place for units made from ``template``.

        Each template runs through the names from its own starting point, so the first school and
        the first nursing home are not in the same village.
        """
        if template not in self._next:
            self._next[template] = len(self._next) * 17
        i = self._next[template]
        self._next[template] = i + 1
        if i < len(self._names):
            return self._names[i]
        return f"{self._names[i % len(self._names)]} {i // len(self._names) + 1}"
