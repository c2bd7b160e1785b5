"""Fixed value sets with their stored code and their names in bokmål and English, in one place.

A member is written once as ``NAME = "code", "Navn", "Name"``: the code is what the database stores
(English, lower case), the CHECK constraint of the column is generated from the members
(:meth:`LabelledEnum.check`), and a pick list or a report takes the names from the member
(:meth:`LabelledEnum.label`), so the four never drift apart.
"""

from __future__ import annotations

import enum
from typing import Self


class LabelledEnum(enum.StrEnum):
    """A value set stored as text: ``str(member)`` is the code."""

    nb: str
    en: str

    def __new__(cls, code: str, nb: str = "", en: str = "") -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member.nb = nb
        member.en = en
        return member

    def label(self, lang: str = "nb") -> str:
        """The name in ``lang`` ("en..." for English, anything else bokmål)."""
        return self.en if str(lang).lower().startswith("en") else self.nb

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)

    @classmethod
    def check(cls, column: str) -> str:
        """The SQL of a CHECK constraint that allows the members' codes only."""
        return f"{column} IN (" + ", ".join(f"'{code}'" for code in cls.codes()) + ")"

    @classmethod
    def of(cls, code: object) -> Self | None:
        """The member with ``code``; None for anything else (an unknown or empty code)."""
        try:
            return cls(str(code))
        except ValueError:
            return None
