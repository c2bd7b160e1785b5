"""Turning the bytes of a text export (CSV/TSV, an HTML table) into text, whatever its encoding.

HR systems write UTF-8 with or without a byte order mark, UTF-16 (Excel's "Unicode text"), or the
Windows code page 1252 / ISO-8859-1 of older systems; æ, ø and å must come out right in each. The
order: a byte order mark decides; then UTF-16 recognised by its zero bytes; then strict UTF-8 (which
Windows-1252 text with æøå never passes); then a declared charset (HTML); then Windows-1252, with
ISO-8859-1 for the five bytes Windows-1252 leaves undefined.
"""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Names of the encodings as a message shows them.
LABELS = {
    "utf-8-sig": "UTF-8",
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "utf-32": "UTF-32",
    "cp1252": "Windows-1252",
    "latin-1": "ISO-8859-1",
}


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no byte order mark: mostly ASCII, so every other byte is zero."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _is_utf8(data: bytes, *, partial: bool) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=not partial)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(data: bytes, declared: str | None = None, *, partial: bool = False) -> str:
    """The Python codec to decode ``data`` with (see the module's docstring for the order);
    ``partial`` when ``data`` is only the start of the file (it may end inside a character)."""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            return codec
    wide = _utf16_without_bom(data)
    if wide is not None:
        return wide
    if _is_utf8(data, partial=partial):
        return "utf-8"
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = ""
        if codec and codec not in ("utf-8", "utf-16", "utf-32") and "<>".encode(codec) == b"<>":
            return codec
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, codec) of a whole text file. Never fails: a stray undecodable byte becomes U+FFFD."""
    codec = detect_encoding(data, declared)
    return data.decode(codec, errors="replace"), codec


def sniff_text(head: bytes) -> str | None:
    """The first bytes of a file as text when they look like text (printable, no binary zeros);
    None for binary content. A multibyte character cut at the end of ``head`` does not count."""
    codec = detect_encoding(head, partial=True)
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    try:
        text = decoder.decode(head, final=False).removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None
    if not text.strip():
        return None
    printable = sum(ch.isprintable() or ch in "\r\n\t\f" for ch in text)
    return text if printable >= 0.95 * len(text) else None
