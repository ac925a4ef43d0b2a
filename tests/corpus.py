"""A corpus of broken and hostile inputs, generated into a temporary directory at test time.

Two parts:

* named cases: one file per kind of trouble a user meets (a scanned PDF, an encrypted PDF, a
  Word file or an HTML error page saved as ``.pdf``, a 2,000-page board pack, a decompression
  bomb, an empty file, a directory, text in cp1252 …), each with the error line it must give;
* mutations of the fixture PDFs: truncated at random offsets, random byte flips, streams
  removed, cross-reference tables damaged. These must end in a clear error or in facts.

Everything is seeded, so a failing case can be rebuilt from its name.
"""

from __future__ import annotations

import hashlib
import io
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FIXTURE_PDFS = (
    "barnet_qs_safeguarding_chromium.pdf",
    "camden_cqc_chromium.pdf",
    "barnet_cqc_libreoffice.pdf",
    "barnet_perf_q2_2016_tables_chromium.pdf",
    "barnet_cqc_chromium.pdf",
)
GOOD_FILE = FIXTURES / "barnet_qs_safeguarding.txt"
PASSWORD = "secret"

# A sentence the comparisons parser turns into a fact, so a readable hand-made PDF has one.
SENTENCE = "In Barnet, 46.41% of people who use services felt safe, lower than the England average of 58.77%."


# --- hand-written PDFs ---------------------------------------------------------------------


def pdf_bytes(objects: list[bytes], *, trailer: bytes = b"", root: int = 1) -> bytes:
    """A well-formed PDF: object i+1 is objects[i]; a classic xref table points at each."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s >>\n" % (len(objects) + 1, root, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), entries) + data + b"\nendstream"


def text_content(lines: list[str]) -> bytes:
    """A content stream that shows each line in Helvetica, top to bottom."""
    ops = [b"BT /F1 11 Tf 14 TL 56 780 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("latin-1") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def paged_pdf(contents: list[bytes], *, resources: bytes = b"/Font << /F1 3 0 R >>", filters: bytes = b"") -> bytes:
    """Catalog 1, page tree 2, font 3, then a page and its content stream per entry of ``contents``."""
    n = len(contents)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
        FONT,
    ]
    for i, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents %d 0 R >>"
            % (resources, 5 + 2 * i)
        )
        objects.append(stream(content, filters))
    return pdf_bytes(objects)


def text_pdf(pages: list[list[str]]) -> bytes:
    return paged_pdf([text_content(lines) for lines in pages])


def board_pack(pages: int = 2000) -> bytes:
    """A long PDF of short pages, the last carrying a comparison sentence."""
    texts = [[f"Adults and Health Committee board pack, item {i}.", "Papers to note."] for i in range(1, pages)]
    texts.append(["Performance summary.", SENTENCE])
    return text_pdf(texts)


def image_only_pdf(pages: int = 2) -> bytes:
    """'Scanned' pages (one or two): an image and some vector paths, no text at all."""
    pixels = bytes(random.Random(1).randrange(256) for _ in range(64 * 64))
    image = stream(
        zlib.compress(pixels),
        b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode",
    )
    content = b"q 480 0 0 680 56 80 cm /Im1 Do Q\n0.2 G 2 w 56 60 m 540 60 l S\n56 790 484 -4 re f"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>"
        if pages == 2
        else b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 6 0 R >> >>"
        b" /Contents 4 0 R >>",
        stream(content),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 6 0 R >> >>"
        b" /Contents 4 0 R >>",
        image,
    ]
    return pdf_bytes(objects)


def deeply_nested_pdf(depth: int) -> bytes:
    """A page whose resources hold an array nested ``depth`` deep."""
    nest = b"[" * depth + b"]" * depth
    return paged_pdf([text_content([SENTENCE])], resources=b"/Font << /F1 3 0 R >> /X " + nest)


def page_tree_loop_pdf() -> bytes:
    """A page tree whose second kid is the tree itself."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R 2 0 R] /Count 2 >>",
        FONT,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
        b" /Contents 5 0 R >>",
        stream(text_content([SENTENCE])),
    ]
    return pdf_bytes(objects)


def empty_page_tree_pdf() -> bytes:
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def bomb_pdf(inflated_mb: int) -> bytes:
    """A page whose content stream is ~1 KB of Flate per MB it inflates to (spaces after the text)."""
    head = text_content([SENTENCE]) + b"\n"
    chunk = b" " * (1 << 20)
    # Full flushes make every chunk's compressed block the same bytes, so the bomb is cheap to build.
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.flush()
    checksum = zlib.adler32(head)
    for _ in range(inflated_mb):
        checksum = zlib.adler32(chunk, checksum)
    body = b"\x78\xda" + first + block * inflated_mb + last + struct.pack(">I", checksum)
    return paged_pdf([body], filters=b"/Filter /FlateDecode")


# --- encryption (standard security handler, revision 2: 40-bit RC4) ------------------------

_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")


def rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _padded(password: str) -> bytes:
    return (password.encode("latin-1") + _PAD)[:32]


def encrypted_pdf(lines: list[str], user_password: str = PASSWORD, owner_password: str = "owner") -> bytes:
    """One page of text, encrypted so that opening it needs ``user_password``."""
    doc_id = hashlib.md5(b"lacompare corpus").digest()
    permissions = -4
    owner = rc4(hashlib.md5(_padded(owner_password)).digest()[:5], _padded(user_password))
    key = hashlib.md5(_padded(user_password) + owner + struct.pack("<i", permissions) + doc_id).digest()[:5]
    user = rc4(key, _PAD)

    def object_key(number: int) -> bytes:
        return hashlib.md5(key + struct.pack("<I", number)[:3] + b"\x00\x00").digest()[:10]

    content = rc4(object_key(4), text_content(lines))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        FONT,
        stream(content),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
        % (owner.hex().encode(), user.hex().encode(), permissions),
    ]
    trailer = b"/Encrypt 6 0 R /ID [<%s> <%s>]" % (doc_id.hex().encode(), doc_id.hex().encode())
    return pdf_bytes(objects, trailer=trailer)


# --- other formats saved as .pdf ------------------------------------------------------------


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", f'<?xml version="1.0"?><w:document><w:t>{SENTENCE}</w:t></w:document>')
    return buffer.getvalue()


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00" * 2))
        + chunk(b"IEND", b"")
    )


ERROR_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
    "<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n"
)
LOGIN_PAGE = (
    "\n\n  <html>\n<head><meta charset='utf-8'><title>Sign in</title></head><body><form>Password</form></body></html>"
)

# --- the named cases ------------------------------------------------------------------------

DAMAGED = "the PDF is damaged or truncated"
DAMAGED_HINT = "(download it again; a half-saved file cannot be read)"
NOT_PDF_HINT = "(save the report as PDF, HTML or text and try again)"
SCANNED_HINT = "(the PDF looks scanned; run OCR first, e.g. `ocrmypdf in.pdf out.pdf`)"
ENCRYPTED_HINT = "(pass the password with --password, or save an unprotected copy)"
# The parser either catches MemoryError or dies at the ceiling; both messages name the limit.
DAMAGED_ANY = re.compile(rf"^{re.escape(DAMAGED)}( \([^)]*\))? {re.escape(DAMAGED_HINT)}$")
MEMORY = re.compile(r"\bmemory limit of \d+ MB\b.*raise it with --memory-limit MB")

NAMED_FILES: dict[str, tuple[Callable[[], bytes], str | re.Pattern[str] | None]] = {
    # name: (builder, whole expected error after "Error: <path>: "; None when the file must read cleanly)
    "zero_bytes.pdf": (lambda: b"", "the file is empty (0 bytes) (download it again)"),
    "blank.txt": (lambda: b" \n\n\t\n", "the file is blank (5 bytes of white space) (download it again)"),
    "text_is_binary.txt": (
        lambda: bytes(range(256)) * 8,
        "not a document lacompare can read: it looks like binary data (save the report as PDF, HTML or text)",
    ),
    "scanned.pdf": (image_only_pdf, f"none of its 2 pages has a text layer {SCANNED_HINT}"),
    "scanned_one_page.pdf": (lambda: image_only_pdf(1), f"its only page has no text layer {SCANNED_HINT}"),
    "empty_pages.pdf": (
        lambda: paged_pdf([b"", b" "]),
        "all 2 of its pages are empty (the PDF looks damaged; download it again)",
    ),
    "outlines_only.pdf": (
        lambda: paged_pdf([b"0 0 1 rg 56 700 m 80 740 l 104 700 l h f"]),
        f"its only page has no text layer {SCANNED_HINT}",
    ),
    "encrypted.pdf": (
        lambda: encrypted_pdf(["Protected council paper.", SENTENCE]),
        f"the PDF is encrypted {ENCRYPTED_HINT}",
    ),
    "docx_renamed.pdf": (
        docx_bytes,
        f"not a PDF: it looks like a zip archive (a Word .docx or similar) {NOT_PDF_HINT}",
    ),
    "error_page.pdf": (
        lambda: ERROR_PAGE.encode(),
        f"not a PDF: it looks like an HTML page (a saved error or login page?) {NOT_PDF_HINT}",
    ),
    "login_page.pdf": (
        lambda: LOGIN_PAGE.encode(),
        f"not a PDF: it looks like an HTML page (a saved error or login page?) {NOT_PDF_HINT}",
    ),
    "image_renamed.pdf": (png_bytes, f"not a PDF: it looks like a PNG image {NOT_PDF_HINT}"),
    "text_renamed.pdf": (lambda: SENTENCE.encode(), f"not a PDF: it looks like plain text {NOT_PDF_HINT}"),
    "header_only.pdf": (lambda: b"%PDF-1.7\n", f"{DAMAGED} (data format error) {DAMAGED_HINT}"),
    "no_pages.pdf": (empty_page_tree_pdf, DAMAGED_ANY),
    "cp1252.txt": (lambda: f"Caf\u00e9 \u2013 \u201cservices\u201d.\n{SENTENCE}\n".encode("cp1252"), None),
    "board_pack_2000_pages.pdf": (board_pack, None),
    "small_bomb.pdf": (lambda: bomb_pdf(64), None),
    "bomb.pdf": (lambda: bomb_pdf(4096), MEMORY),
    "undefined_bytes.txt": (lambda: b"Caf\x81 \x8d " + SENTENCE.encode(), None),
    "unknown_encoding.txt": (
        lambda: bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x20]) * 40 + SENTENCE.encode(),
        "text in an unknown encoding: neither UTF-8 nor cp1252 (save it as UTF-8)",
    ),
    "utf16.txt": (lambda: SENTENCE.encode("utf-16"), None),
    "nested.pdf": (lambda: deeply_nested_pdf(100_000), None),
    "lying_page_count.pdf": (
        lambda: text_pdf([[SENTENCE]]).replace(b"/Count 1 ", b"/Count 100000000 "),
        None,
    ),
    "page_tree_loop.pdf": (page_tree_loop_pdf, f"{DAMAGED} (page 2 of 2 cannot be read) {DAMAGED_HINT}"),
}


def write_named(directory: Path, names: list[str] | None = None) -> dict[str, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, (build, _) in NAMED_FILES.items():
        if names is None or name in names:
            path = directory / name
            path.write_bytes(build())
            paths[name] = path
    return paths


# --- mutations of the fixture PDFs ----------------------------------------------------------

_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 4, 16, 64, 512))):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def remove_streams(data: bytes, rng: random.Random) -> bytes:
    """Empty a random share of the stream bodies (their /Length now lies)."""
    share = rng.choice((0.05, 0.3, 1.0))
    return _STREAM.sub(lambda m: b"stream\nendstream" if rng.random() < share else m.group(0), data)


def garble_streams(data: bytes, rng: random.Random) -> bytes:
    """Overwrite the middle of some streams, so Flate data is corrupt but lengths hold."""

    def garble(m: re.Match[bytes]) -> bytes:
        body = m.group(1)
        if len(body) < 8 or rng.random() > 0.3:
            return m.group(0)
        start = rng.randrange(len(body) // 2)
        junk = bytes(rng.randrange(256) for _ in range(min(64, len(body) - start)))
        return b"stream\n" + body[:start] + junk + body[start + len(junk) :] + b"endstream"

    return _STREAM.sub(garble, data)


def damage_xref(data: bytes, rng: random.Random) -> bytes:
    how = rng.randrange(5)
    if how == 0:  # startxref points somewhere else
        return re.sub(rb"startxref\s+\d+", b"startxref\n%d" % rng.randrange(len(data)), data)
    if how == 1:  # no startxref, no trailer
        cut = data.rfind(b"startxref")
        return data[:cut] if cut > 0 else data[: len(data) // 2]
    if how == 2:  # every offset shifted
        return re.sub(rb"(\d{10}) (\d{5}) n", lambda m: b"%010d %s n" % (int(m.group(1)) + 7, m.group(2)), data)
    if how == 3:  # the cross-reference section overwritten with junk
        at = data.rfind(b"xref")
        at = at if at > 0 else len(data) - 200
        return data[:at] + bytes(rng.randrange(256) for _ in range(200)) + data[at + 200 :]
    # objects renumbered: "obj" keywords broken at random
    return re.sub(rb" 0 obj", lambda m: b" 0 ojb" if rng.random() < 0.2 else m.group(0), data)


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncated": truncate,
    "flipped": flip_bytes,
    "nostreams": remove_streams,
    "garbled": garble_streams,
    "xref": damage_xref,
}


def mutants(count: int, seed: int = 7) -> Iterator[tuple[str, bytes]]:
    """``count`` (name, bytes) pairs, cycling through mutations and fixtures."""
    sources = {name: (FIXTURES / name).read_bytes() for name in FIXTURE_PDFS}
    kinds = list(MUTATIONS)
    for i in range(count):
        rng = random.Random(f"{seed}-{i}")
        kind = kinds[i % len(kinds)]
        # the small fixtures most often: they are quick to read, and the damage is the point
        fixture = FIXTURE_PDFS[0] if i % 3 else FIXTURE_PDFS[(i // 3) % len(FIXTURE_PDFS)]
        data = MUTATIONS[kind](sources[fixture], rng)
        if data == sources[fixture]:  # e.g. no classic xref table to damage: cut the file instead
            kind, data = "truncated", truncate(data, rng)
        yield f"{i:04d}_{kind}_{fixture.split('_chromium')[0].split('.')[0]}.pdf", data


def write_mutants(directory: Path, count: int, seed: int = 7) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in mutants(count, seed):
        path = directory / name
        path.write_bytes(data)
        paths.append(path)
    return paths
