"""The screens of the main window, discovered as ``ui/pages/page_*.py`` modules.

A screen is added by writing one module that defines ``PAGE = PageSpec(...)``; the main window finds
it, puts it in the navigation list (ordered by ``order``) and gives it the shortcut Ctrl+<position>.
Importing a page module must have no side effects.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from ui.context import AppContext
from ui.pages.base import Page


@dataclass(frozen=True)
class PageSpec:
    #: Stable key, remembered as the last page shown and used by ``AppContext.page_requested``.
    key: str
    #: Position in the navigation list (Oversikt 10, Ansatte 20, Enheter 30, Planlegging 35, Rammeverk 40,
    #: Import 50, Rapporter 60, Innstillinger 90).
    order: int
    #: The translated title, called when the navigation is built (so it follows the UI language).
    title: Callable[[], str]
    factory: Callable[[AppContext], Page]


def discover_pages() -> list[PageSpec]:
    specs: list[PageSpec] = []
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("page_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        spec = getattr(module, "PAGE", None)
        if not isinstance(spec, PageSpec):
            raise TypeError(f"{module.__name__} must define PAGE = PageSpec(...)")
        specs.append(spec)
    keys = [s.key for s in specs]
    if len(keys) != len(set(keys)):
        raise ValueError(f"two pages share a key: {sorted(keys)}")
    return sorted(specs, key=lambda s: (s.order, s.key))
