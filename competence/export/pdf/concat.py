"""Joining and splitting the batch's PDFs at the object level, without drawing anything again.

reportlab cannot read PDFs, and drawing every plan twice (once alone, once in the combined file)
would double a batch's time. The batch draws each chunk of plans as one document (so a chunk shares
one embedded font subset) and then:

* **splits** it into one file per person: each file gets the objects its pages reach (contents,
  fonts, images), renumbered, with its own page tree, catalog and metadata;
* **joins** the chunks into the combined file: each chunk's page tree becomes a branch of one
  tree, and every person gets a bookmark at their first page.

Both work on reportlab's own output (a classic cross-reference table, objects one after another,
no object streams); anything else is refused with :class:`NotJoinable`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from competence.files import private_output

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_HEAD = re.compile(rb"xref\s+0\s+(\d+)\s+")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_REF = re.compile(rb"(\d+) 0 R\b")
_OBJ_HEAD = re.compile(rb"^\s*(\d+) 0 obj\s*")
_STREAM = re.compile(rb"\bstream\r?\n")
_PARENT = re.compile(rb"/Parent\s+\d+ 0 R")


class NotJoinable(ValueError):
    """The file is not a PDF as this program writes them."""


@dataclass(frozen=True)
class DocInfo:
    title: str
    author: str
    subject: str


@dataclass(frozen=True)
class _Source:
    objects: dict[int, bytes]
    root: int
    info: int | None
    pages: int
    page_refs: tuple[int, ...]


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
    pages = _ref_after(objects.get(root, b""), b"/Pages")
    if pages is None or pages not in objects:
        raise NotJoinable("no page tree")
    kids = re.search(rb"/Kids\s*\[([^\]]*)\]", objects[pages])
    if kids is None:
        raise NotJoinable("page tree without kids")
    page_refs = tuple(int(m.group(1)) for m in _REF.finditer(kids.group(1)))
    if not page_refs or any(b"/Type /Pages" in objects.get(p, b"") for p in page_refs):
        raise NotJoinable("empty or nested page tree")
    return _Source(objects, root, info, pages, page_refs)


def _ref_after(data: bytes, key: bytes) -> int | None:
    match = re.search(re.escape(key) + rb"\s+(\d+) 0 R", data)
    return int(match.group(1)) if match else None


def _split_stream(body: bytes) -> tuple[bytes, bytes]:
    """An object's dictionary part and its stream part (never searched for references)."""
    stream = _STREAM.search(body)
    return (body[: stream.start()], body[stream.start() :]) if stream else (body, b"")


def _renumber(body: bytes, mapping: dict[int, int]) -> bytes:
    head, rest = _split_stream(body)
    return _REF.sub(lambda m: b"%d 0 R" % mapping[int(m.group(1))], head) + rest


def pdf_text_string(text: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte-order mark, as hex (æøå survive)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _info_dict(info: DocInfo) -> bytes:
    return (
        b"<< /Title "
        + pdf_text_string(info.title)
        + b" /Author "
        + pdf_text_string(info.author)
        + b" /Subject "
        + pdf_text_string(info.subject)
        + b" /Creator "
        + pdf_text_string("Kompetanseregister")
        + b" >>"
    )


class _Writer:
    """Objects numbered 1.. in the order they are added, then the table and trailer."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"]
        self.offsets: list[int] = []
        self.size = len(self.chunks[0])

    def add(self, number: int, body: bytes) -> None:
        if number != len(self.offsets) + 1:
            raise AssertionError("objects must be added in order")
        piece = b"%d 0 obj\n" % number + body + b"\nendobj\n"
        self.offsets.append(self.size)
        self.chunks.append(piece)
        self.size += len(piece)

    def save(self, out: Path, root: int, info: int) -> None:
        xref = [b"xref\n0 %d\n" % (len(self.offsets) + 1), b"0000000000 65535 f \n"]
        xref += [b"%010d 00000 n \n" % offset for offset in self.offsets]
        trailer = b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            len(self.offsets) + 1,
            root,
            info,
            self.size,
        )
        with private_output(out) as tmp, tmp.open("wb") as fh:
            fh.writelines(self.chunks)
            fh.writelines(xref)
            fh.write(trailer)


def split_pdf(
    data: bytes, segments: Sequence[tuple[int, int]], outputs: Sequence[tuple[Path, DocInfo]]
) -> None:
    """Write pages ``[first, first + count)`` of ``data`` into each output file, with its metadata."""
    source = _parse(data)
    for (first, count), (path, info) in zip(segments, outputs, strict=True):
        pages = source.page_refs[first : first + count]
        if len(pages) != count or count == 0:
            raise NotJoinable("segment outside the document")
        reached: list[int] = []
        seen: set[int] = set()
        todo = list(pages)
        while todo:
            number = todo.pop(0)
            if number in seen:
                continue
            seen.add(number)
            reached.append(number)
            head, _ = _split_stream(source.objects[number])
            if number in pages:
                head = _PARENT.sub(b"", head)
            todo.extend(int(m.group(1)) for m in _REF.finditer(head) if int(m.group(1)) not in seen)
        mapping = {old: new for new, old in enumerate(reached, start=1)}
        tree, catalog, info_no = len(reached) + 1, len(reached) + 2, len(reached) + 3
        writer = _Writer()
        for old in reached:
            body = source.objects[old]
            if old in pages:
                body = _renumber(_PARENT.sub(b"", body), mapping).replace(
                    b"<<", b"<< /Parent %d 0 R" % tree, 1
                )
            else:
                body = _renumber(body, mapping)
            writer.add(mapping[old], body)
        kids = b" ".join(b"%d 0 R" % mapping[p] for p in pages)
        writer.add(tree, b"<< /Type /Pages /Kids [ " + kids + b" ] /Count %d >>" % count)
        writer.add(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
        writer.add(info_no, _info_dict(info))
        writer.save(path, catalog, info_no)


def join_pdfs(parts: Sequence[tuple[Path, Sequence[tuple[str, int]]]], out: Path, info: DocInfo) -> int:
    """Write the PDFs of ``parts`` one after another into ``out``; returns the number of pages.

    Each part comes with its bookmarks: (title, page index in that part).
    """
    sources = [_parse(path.read_bytes()) for path, _ in parts]
    root_pages, outlines = 1, 2
    next_free = 3
    bases = []
    for source in sources:
        bases.append(next_free - 1)
        next_free += max(source.objects)
    marks = [
        (title, source.page_refs[index] + base)
        for source, base, (_, part_marks) in zip(sources, bases, parts, strict=True)
        for title, index in part_marks
    ]
    first_item = next_free
    catalog = first_item + len(marks)
    info_no = catalog + 1
    total = sum(len(s.page_refs) for s in sources)
    writer = _Writer()
    branches = b" ".join(b"%d 0 R" % (s.pages + base) for s, base in zip(sources, bases, strict=True))
    writer.add(root_pages, b"<< /Type /Pages /Kids [ " + branches + b" ] /Count %d >>" % total)
    if marks:
        writer.add(
            outlines,
            b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
            % (first_item, catalog - 1, len(marks)),
        )
    else:
        writer.add(outlines, b"<< /Type /Outlines /Count 0 >>")
    for source, base in zip(sources, bases, strict=True):
        skip = {source.root, source.info}
        mapping = {n: n + base for n in range(1, max(source.objects) + 1)}
        for number in range(1, max(source.objects) + 1):
            body = source.objects.get(number)
            if body is None or number in skip:
                writer.add(number + base, b"null")  # keeps the numbering dense; nothing refers to it
                continue
            body = _renumber(body, mapping)
            if number == source.pages:
                body = body.replace(b"<<", b"<< /Parent %d 0 R" % root_pages, 1)
            writer.add(number + base, body)
    for i, (title, page) in enumerate(marks):
        item = first_item + i
        links = b""
        if i > 0:
            links += b" /Prev %d 0 R" % (item - 1)
        if i + 1 < len(marks):
            links += b" /Next %d 0 R" % (item + 1)
        writer.add(
            item,
            b"<< /Title "
            + pdf_text_string(title)
            + b" /Parent %d 0 R" % outlines
            + links
            + b" /Dest [ %d 0 R /Fit ] >>" % page,
        )
    writer.add(
        catalog,
        b"<< /Type /Catalog /Pages %d 0 R /Outlines %d 0 R /PageMode /UseOutlines >>"
        % (root_pages, outlines),
    )
    writer.add(info_no, _info_dict(info))
    writer.save(out, catalog, info_no)
    return total
