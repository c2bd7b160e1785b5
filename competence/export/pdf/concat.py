"""Joining the PDFs of a batch into one file, without drawing them again.

reportlab cannot read PDFs, and rendering every plan twice would double the batch's time. The plans
are reportlab's own output (a classic cross-reference table, objects written one after another, no
object streams), so joining them is a matter of renumbering objects: each plan's page tree becomes a
branch of the combined page tree, and each plan gets a bookmark with the person's name. Only files
this program wrote are joined this way; anything else is refused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_HEAD = re.compile(rb"xref\s+0\s+(\d+)\s+")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_REF = re.compile(rb"(\d+) 0 R\b")
_OBJ_HEAD = re.compile(rb"^\s*(\d+) 0 obj\s*")
_STREAM = re.compile(rb"\bstream\r?\n")


class NotJoinable(ValueError):
    """The file is not a PDF as this program writes them."""


@dataclass(frozen=True)
class _Source:
    objects: dict[int, bytes]
    root: int
    info: int | None
    pages: int
    first_page: int
    page_count: int


def _parse(data: bytes) -> _Source:
    tail = _STARTXREF.search(data[-64:])
    if not data.startswith(b"%PDF-") or tail is None:
        raise NotJoinable("not a PDF with a cross-reference table")
    xref_at = int(tail.group(1))
    head = _XREF_HEAD.match(data, xref_at)
    if head is None:
        raise NotJoinable("cross-reference stream or damaged table")
    count = int(head.group(1))
    offsets: dict[int, int] = {}
    for number, match in enumerate(_ENTRY.finditer(data, head.end(), head.end() + 20 * count)):
        if match.group(3) == b"n":
            offsets[number] = int(match.group(1))
    trailer = data[data.index(b"trailer", head.end()) :]
    root = _ref_after(trailer, b"/Root")
    if root is None:
        raise NotJoinable("no document catalog")
    info = _ref_after(trailer, b"/Info")
    ordered = sorted(offsets.items(), key=lambda kv: kv[1])
    objects: dict[int, bytes] = {}
    for i, (number, start) in enumerate(ordered):
        end = ordered[i + 1][1] if i + 1 < len(ordered) else xref_at
        chunk = data[start:end].rstrip()
        head_match = _OBJ_HEAD.match(chunk)
        if head_match is None or int(head_match.group(1)) != number or not chunk.endswith(b"endobj"):
            raise NotJoinable(f"object {number} is not where the table says")
        objects[number] = chunk[head_match.end() : -len(b"endobj")].rstrip()
    pages = _ref_after(objects[root], b"/Pages")
    if pages is None:
        raise NotJoinable("no page tree")
    kids = re.search(rb"/Kids\s*\[([^\]]*)\]", objects[pages])
    page_count = re.search(rb"/Count\s+(\d+)", objects[pages])
    if kids is None or page_count is None:
        raise NotJoinable("page tree without kids")
    first = _REF.search(kids.group(1))
    if first is None:
        raise NotJoinable("empty page tree")
    return _Source(objects, root, info, pages, int(first.group(1)), int(page_count.group(1)))


def _ref_after(data: bytes, key: bytes) -> int | None:
    match = re.search(re.escape(key) + rb"\s+(\d+) 0 R", data)
    return int(match.group(1)) if match else None


def _renumber(body: bytes, base: int) -> bytes:
    """Shift the object references of an object's dictionary (never inside stream data)."""
    stream = _STREAM.search(body)
    head, rest = (body[: stream.start()], body[stream.start() :]) if stream else (body, b"")
    return _REF.sub(lambda m: b"%d 0 R" % (int(m.group(1)) + base), head) + rest


def pdf_text_string(text: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte-order mark, as hex (æøå survive)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def join_pdfs(parts: Sequence[tuple[str, Path]], out: Path, *, title: str, author: str, subject: str) -> int:
    """Write the PDFs ``parts`` (bookmark title, file) one after another into ``out``.

    Returns the number of pages. Raises :class:`NotJoinable` for a file this module cannot join.
    """
    chunks: list[bytes] = [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"]
    offsets: list[int] = []
    size = len(chunks[0])

    def emit(body: bytes) -> int:
        nonlocal size
        number = len(offsets) + 1
        piece = b"%d 0 obj\n" % number + body + b"\nendobj\n"
        offsets.append(size)
        chunks.append(piece)
        size += len(piece)
        return number

    # numbers known in advance: root pages, outlines, then every source's objects in order
    root_pages, outlines = 1, 2
    next_free = 3
    branches: list[tuple[str, int, int, int]] = []  # title, branch pages object, first page, count
    sources: list[tuple[_Source, int]] = []
    for label, path in parts:
        source = _parse(path.read_bytes())
        base = next_free - 1
        next_free += max(source.objects) if source.objects else 0
        sources.append((source, base))
        branches.append((label, source.pages + base, source.first_page + base, source.page_count))
    first_item = next_free
    catalog = first_item + len(branches)
    info = catalog + 1
    total = sum(b[3] for b in branches)
    kids = b" ".join(b"%d 0 R" % b[1] for b in branches)
    emit(b"<< /Type /Pages /Kids [ " + kids + b" ] /Count %d >>" % total)
    if branches:
        emit(
            b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
            % (first_item, catalog - 1, len(branches))
        )
    else:
        emit(b"<< /Type /Outlines /Count 0 >>")
    for source, base in sources:
        skip = {source.root, source.info}
        for number in range(1, max(source.objects) + 1):
            body = source.objects.get(number)
            if body is None or number in skip:
                body = b"null"  # keeps the numbering dense; nothing refers to it
            else:
                body = _renumber(body, base)
                if number == source.pages:
                    body = body.replace(b"<<", b"<< /Parent %d 0 R" % root_pages, 1)
            emit(body)
    for i, (label, _branch, first_page, _count) in enumerate(branches):
        item = first_item + i
        links = b""
        if i > 0:
            links += b" /Prev %d 0 R" % (item - 1)
        if i + 1 < len(branches):
            links += b" /Next %d 0 R" % (item + 1)
        emit(
            b"<< /Title "
            + pdf_text_string(label)
            + b" /Parent %d 0 R" % outlines
            + links
            + b" /Dest [ %d 0 R /Fit ] >>" % first_page
        )
    emit(
        b"<< /Type /Catalog /Pages %d 0 R /Outlines %d 0 R /PageMode /UseOutlines >>" % (root_pages, outlines)
    )
    emit(
        b"<< /Title "
        + pdf_text_string(title)
        + b" /Author "
        + pdf_text_string(author)
        + b" /Subject "
        + pdf_text_string(subject)
        + b" /Creator "
        + pdf_text_string("Kompetanseregister")
        + b" >>"
    )
    assert len(offsets) == info
    xref = [b"xref\n0 %d\n" % (len(offsets) + 1), b"0000000000 65535 f \n"]
    xref += [b"%010d 00000 n \n" % offset for offset in offsets]
    trailer = b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        catalog,
        info,
        size,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    with tmp.open("wb") as fh:
        fh.writelines(chunks)
        fh.writelines(xref)
        fh.write(trailer)
    tmp.replace(out)
    return total
