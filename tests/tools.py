"""Command-line tools the suite uses (poppler's pdftotext, pdfinfo, pdffonts, pdftoppm)."""

import re
import shutil
import subprocess
import zlib

import pytest

from tests.databases import running_in_ci


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
