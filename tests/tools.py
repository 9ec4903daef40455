"""Command-line tools the suite uses (poppler's pdftotext, pdfinfo, pdffonts, pdftoppm)."""

import re
import shutil
import subprocess
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree

import pytest

from tests.databases import running_in_ci

XHTML = "{http://www.w3.org/1999/xhtml}"


def require_tool(name: str) -> str:
    """The tool's path; missing, the test skips here and fails in CI."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (Debian package poppler-utils)"
        if running_in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path


def run_tool(name: str, *arguments: str, stdin: bytes | None = None) -> str:
    result = subprocess.run(
        [require_tool(name), *arguments], input=stdin, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8", errors="replace")


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    return run_tool("pdftotext", "-layout", str(path), "-")


def pdf_info(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    return run_tool("pdfinfo", str(path))


def pdf_fonts(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    return run_tool("pdffonts", str(path))


def pdf_structure(pdf: bytes, tmp_path) -> str:
    """The tagged structure tree with the text of each element, as pdfinfo -struct-text prints
    it: one element or text a line, indented by depth."""
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    return run_tool("pdfinfo", "-struct-text", str(path))


def pdf_metadata(pdf: bytes, tmp_path) -> str:
    """The XMP metadata, as pdfinfo -meta prints it."""
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    return run_tool("pdfinfo", "-meta", str(path))


def pdf_objects(pdf: bytes) -> bytes:
    """The file's bytes with each compressed stream decompressed, where the structure
    elements, the catalogue and its viewer preferences are written."""
    parts = [pdf]
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(stream[1]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def pdf_language(pdf: bytes) -> str | None:
    """The catalogue's /Lang (WeasyPrint writes <html lang>), read in its compressed streams."""
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            content = zlib.decompress(stream[1])
        except zlib.error:
            continue
        found = re.search(rb"/Lang \(([^)]*)\)", content)
        if found:
            return found[1].decode("ascii")
    return None


@dataclass(frozen=True)
class PdfWord:
    """A word as pdftotext -bbox places it, in points from the page's top left corner."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class PdfPage:
    """A page's size and its words in reading order."""

    width: float
    height: float
    words: list[PdfWord]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def pdf_pages(pdf: bytes, tmp_path) -> list[PdfPage]:
    """Every page with its words' boxes, read with pdftotext -bbox."""
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    document = ElementTree.fromstring(run_tool("pdftotext", "-bbox", str(path), "-"))
    pages = []
    for page in document.iter(f"{XHTML}page"):
        words = [
            PdfWord(
                word.text or "",
                *(float(word.get(edge)) for edge in ("xMin", "yMin", "xMax", "yMax")),
            )
            for word in page.iter(f"{XHTML}word")
        ]
        pages.append(PdfPage(float(page.get("width")), float(page.get("height")), words))
    return pages


def pdf_page_images(pdf: bytes, tmp_path, resolution: int = 60) -> list[bytes]:
    """Each page as a PNG, drawn by pdftoppm."""
    folder = tmp_path / "page-images"
    folder.mkdir(exist_ok=True)
    path = folder / "document.pdf"
    path.write_bytes(pdf)
    run_tool("pdftoppm", "-png", "-r", str(resolution), str(path), str(folder / "page"))
    return [image.read_bytes() for image in sorted(folder.glob("page-*.png"))]
