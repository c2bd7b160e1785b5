"""UI text built outside the translation system, found in the source (no window needed).

Three ways a text escapes translation, each a test:

* a literal with words handed to a widget (``setText("Leder:")``, ``QLabel("Navn")``, ``addItem``,
  a message box, a table column) without ``self.tr`` / ``QCoreApplication.translate``;
* a ``tr()`` call inside an f-string: pyside6-lupdate does not look inside f-strings, so the text
  never reaches the .ts and stays Norwegian in English (``f"<b>{self.tr('Leder:')}</b>"``);
* any other literal given to ``tr`` / ``translate`` that the .ts does not hold.

The runtime side (the app in English, every page and dialog) is tests/ui/test_english_everywhere.py.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
TS = ROOT / "resources" / "translations" / "kompetanseregister_en.ts"

#: a word: two letters or more (a lone "x", "%" or "–" is not language)
WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜü]{2,}")
MARKUP = re.compile(r"<[^>]*>|&[a-z]+;|\{[^}]*\}")
TRANSLATE = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
#: methods that put text in front of the user, and which of their arguments is the text
TEXT_METHODS = {
    **dict.fromkeys(
        (
            "setText",
            "setWindowTitle",
            "setToolTip",
            "setStatusTip",
            "setWhatsThis",
            "setPlaceholderText",
            "setAccessibleName",
            "setAccessibleDescription",
            "addItem",
            "setTitle",
            "setSubTitle",
            "setLabelText",
            "setHtml",
            "setPlainText",
            "setButtonText",
            "setCancelButtonText",
            "setInformativeText",
            "setDetailedText",
            "setSpecialValueText",
            "setPrefix",
            "setSuffix",
            "showMessage",
            "addRow",
            "addAction",
            "addMenu",
            "addItems",
            "setHeaderLabels",
            "setHorizontalHeaderLabels",
            "setVerticalHeaderLabels",
        ),
        (0,),
    ),
    "insertItem": (1,),
    "setItemText": (1,),
    "setTabText": (1,),
    "addTab": (1,),
    "insertTab": (2,),
}
#: constructors and calls whose first argument (or texts given by keyword) is shown
TEXT_CALLS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QToolButton",
    "QMenu",
    "QTreeWidgetItem",
    "QListWidgetItem",
    "QTableWidgetItem",
    "QStandardItem",
    "QCommandLinkButton",
    "Column",
    "Bar",
    "RadarPoint",
}
MESSAGE_BOX = {"information", "warning", "critical", "question", "about"}
TEXT_KEYWORDS = {"text", "title", "tooltip", "label", "header_tooltip", "empty_text", "placeholder"}


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.what}"


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _words(text: str) -> bool:
    return bool(WORD.search(MARKUP.sub("", text)))


def untranslated(node: ast.expr) -> bool:
    """True when ``node`` builds a text with words of its own, not through the translation."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and _words(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and _words(str(v.value)) for v in node.values)
    if isinstance(node, ast.BinOp):
        return untranslated(node.left) or untranslated(node.right)
    if isinstance(node, ast.IfExp):
        return untranslated(node.body) or untranslated(node.orelse)
    if isinstance(node, ast.List | ast.Tuple):
        return any(untranslated(e) for e in node.elts)
    if isinstance(node, ast.Lambda):
        return untranslated(node.body)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "join")
    ):
        # "...".format(...): the literal is the text
        return untranslated(node.func.value) or any(untranslated(a) for a in node.args)
    return False


def _shown_arguments(call: ast.Call) -> Iterator[ast.expr]:
    name = _name(call.func)
    if name in TEXT_METHODS and isinstance(call.func, ast.Attribute):
        if _name(call.func.value) in ("log", "logger", "logging", "parser", "p"):
            return
        for index in TEXT_METHODS[name]:
            if index < len(call.args):
                yield call.args[index]
    elif name in TEXT_CALLS:
        if call.args:
            yield call.args[0]
        yield from (k.value for k in call.keywords if k.arg in TEXT_KEYWORDS)
    elif name in MESSAGE_BOX and _name(getattr(call.func, "value", call.func)) == "QMessageBox":
        yield from call.args[1:3]


def _sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(UI.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def literal_texts_outside_tr() -> list[Finding]:
    found = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for argument in _shown_arguments(node):
                    if untranslated(argument):
                        found.append(Finding(path, node.lineno, ast.unparse(argument)[:100]))
    return found


def _translated_literal(call: ast.Call) -> str | None:
    """The source text of a ``tr("...")`` / ``translate("ctx", "...")`` call, when a literal."""
    name = _name(call.func)
    if name not in TRANSLATE:
        return None
    index = 0 if name in ("tr", "QT_TR_NOOP") else 1
    if len(call.args) > index and isinstance(call.args[index], ast.Constant):
        value = call.args[index].value
        return value if isinstance(value, str) else None
    return None


def tr_inside_fstrings() -> list[Finding]:
    found = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and _translated_literal(inner) is not None:
                        found.append(
                            Finding(path, inner.lineno, f"tr() in an f-string: {ast.unparse(inner)}")
                        )
    return found


def _translated_with_context(tree: ast.Module) -> Iterator[tuple[int, str | None, str]]:
    """(line, context, text) of every literal given to the translation: a ``self.tr`` has its
    class as context (as lupdate files it), ``translate("ctx", ...)`` names its own."""

    def visit(node: ast.AST, cls: str | None) -> Iterator[tuple[int, str | None, str]]:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call) and (text := _translated_literal(child)) is not None:
                context = cls
                if _name(child.func) in ("translate", "QT_TRANSLATE_NOOP"):
                    first = child.args[0]
                    context = first.value if isinstance(first, ast.Constant) else None
                yield child.lineno, context, text
            yield from visit(child, inner)

    yield from visit(tree, None)


def texts_missing_from_ts() -> list[Finding]:
    held = {
        (context.findtext("name", ""), m.findtext("source", ""))
        for context in ET.parse(TS).getroot().iter("context")
        for m in context.iter("message")
    }
    sources = {text for _, text in held}
    found = []
    for path, tree in _sources():
        for line, context, text in _translated_with_context(tree):
            if (context, text) not in held if context is not None else text not in sources:
                where = f"{context}: " if context else ""
                found.append(Finding(path, line, f"not in the .ts: {where}{text!r}"))
    return found


def test_no_widget_is_given_a_text_that_bypasses_the_translation() -> None:
    found = literal_texts_outside_tr()
    assert not found, "texts shown without tr():\n" + "\n".join(map(str, found))


def test_no_tr_call_hides_inside_an_f_string() -> None:
    found = tr_inside_fstrings()
    assert not found, "lupdate cannot see these:\n" + "\n".join(map(str, found))


def test_every_text_given_to_tr_is_in_the_translation_file() -> None:
    found = texts_missing_from_ts()
    assert not found, "run scripts/build_translations.py:\n" + "\n".join(map(str, found))


def test_the_checks_see_what_they_look_for() -> None:
    """The checker itself: the shapes of the escapes it exists for."""
    cases = {
        'w.setText("Leder:")': True,
        'w.setText(self.tr("Leder:"))': False,
        "w.setText(f\"{self.tr('Leder:')} {name}\")": False,  # caught by the f-string check instead
        'w.setText(f"Leder: {name}")': True,
        'w.setText(self.tr("A") + " (kritisk)")': True,
        'w.setText("<b>" + name + "</b>")': False,
        'w.setText("{a} · {b}".format(a=x, b=y))': False,
        'w.setText("{a} og {b}".format(a=x, b=y))': True,
        "w.setText(name)": False,
    }
    for source, expected in cases.items():
        call = ast.parse(source).body[0].value  # type: ignore[attr-defined]
        assert any(untranslated(a) for a in _shown_arguments(call)) is expected, source
    tree = ast.parse("f\"<b>{self.tr('Leder:')}</b>\"")
    assert any(isinstance(n, ast.Call) and _translated_literal(n) == "Leder:" for n in ast.walk(tree))
