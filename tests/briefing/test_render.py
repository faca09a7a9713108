"""Rendering briefings: PDF contents, user templates, and untrusted article text."""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from pypdf import PdfReader

from briefing.build import Selection, write_briefing
from briefing.outputs import Rendered
from briefing.registry import FORMATS, OutputFormat
from briefing.render import md_escape, render_pdf, template_folder
from index.errors import NewsdeskError
from index.library import Library
from tests.briefing.samples import build_sample_library, import_article


def _pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server on 127.0.0.1 that records every request it gets."""
    requests: list[str] = []
    handler = type("Handler", (_Recorder,), {"requests": requests})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def test_pdf_has_headline_key_points_and_page_numbers(library: Library, tmp_path: Path) -> None:
    build_sample_library(library, tmp_path / "src")
    files = write_briefing(library, Selection(tags=("iraq-syria", "energy", "security")),
                           outputs={"pdf": tmp_path / "b.pdf", "markdown": tmp_path / "b.md"})
    assert "pdf" in files.paths and "markdown" in files.paths
    pages, text = _pdf_text(files.paths["pdf"])
    # masthead, contents, key points, three short sections and the sources flow on
    assert 2 <= pages <= 4
    flat = " ".join(text.split())
    assert "Briefing \u2014" in flat and "Key points" in flat and "CONTENTS" in flat
    assert "Convoy halted at northern crossing" in flat
    assert "Valley Times" in flat
    for number in range(1, pages + 1):
        assert f"{number} / {pages}" in flat
    key_point = files.paths["markdown"].read_text().split("## Key points")[1].splitlines()[2]
    assert " ".join(key_point[2:].split(" \\[")[0].split()[:8]) in flat
    assert not list(tmp_path.glob(".*.part"))


def test_user_template_folder(library: Library, tmp_path: Path) -> None:
    build_sample_library(library, tmp_path / "src", copy=False)
    mine = tmp_path / "mine"
    shutil.copytree(template_folder(), mine, ignore=shutil.ignore_patterns("__*"))
    md = (mine / "briefing.md.j2").read_text()
    (mine / "briefing.md.j2").write_text(md.replace("## Key points", "## Bottom line up front"))
    (mine / "extra.css").write_text('h1::before { content: "RESTRICTED " }\n')
    css = (mine / "briefing.css").read_text()
    (mine / "briefing.css").write_text('@import "extra.css";\n' + css)
    files = write_briefing(library, Selection(tags=("energy",)), template_dir=mine,
                           outputs={"pdf": tmp_path / "b.pdf", "markdown": tmp_path / "b.md"})
    assert "markdown" in files.paths and "pdf" in files.paths
    assert "## Bottom line up front" in files.paths["markdown"].read_text()
    _, text = _pdf_text(files.paths["pdf"])
    assert "RESTRICTED" in text  # a file next to the templates may be loaded
    assert "Bottom line up front" in text


def test_article_text_cannot_make_requests(
    library: Library, tmp_path: Path, http_server: tuple[str, list[str]]
) -> None:
    base, requests = http_server
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETVALUE\n")
    body = "\n\n".join([
        f'Officials said the report was posted online. <img src="{base}/img.png"> was attached.',
        f"The page also loaded <link rel=stylesheet href={base}/style.css> for its layout.",
        f"A script tag <script src='{base}/x.js'>alert(1)</script> appeared in the page.",
        f"An image was embedded as ![map]({base}/map.png) in the middle of the text.",
        f"Readers were told to open file://{secret} to see the full list of names.",
    ])
    import_article(library, tmp_path, title=f'Leak <img src="{base}/title.png">', body=body,
                   url=f"{base}/article", tags=["leaks"])
    outputs = {"pdf": tmp_path / "b.pdf", "markdown": tmp_path / "b.md",
               "html": tmp_path / "b.html"}
    files = write_briefing(library, Selection(tags=("leaks",)), outputs=outputs, sentences=10)
    assert "pdf" in files.paths and "html" in files.paths
    html = files.paths["html"].read_text()
    assert "<img" not in html and "<script" not in html and "<link rel=stylesheet" not in html
    assert "&lt;img" in html
    _, text = _pdf_text(files.paths["pdf"])
    packed = "".join(text.split())  # long tokens may wrap anywhere
    for shown in ('<imgsrc="', "![map](", f"file://{secret}", "<script"):
        assert shown in packed
    assert "TOPSECRETVALUE" not in text
    assert requests == []


def test_fetcher_refuses_everything_outside_the_templates(
    tmp_path: Path, http_server: tuple[str, list[str]]
) -> None:
    base, requests = http_server
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETVALUE")
    html = (f'<html><head><link rel="stylesheet" href="{base}/s.css"></head><body>'
            f'<img src="{base}/i.png"><img src="{secret.as_uri()}">'
            f'<iframe src="{secret.as_uri()}"></iframe><object data="{secret.as_uri()}"></object>'
            f'<img src="../../../../etc/passwd"><p>visible</p></body></html>')
    pdf = tmp_path / "direct.pdf"
    pdf.write_bytes(render_pdf(html, template_folder()))
    _, text = _pdf_text(pdf)
    assert "visible" in text and "TOPSECRETVALUE" not in text
    assert requests == []


def test_markdown_escaping() -> None:
    assert md_escape("<b>x</b>") == "\\<b\\>x\\</b\\>"
    assert md_escape("- not a list") == "\\- not a list"
    assert md_escape("1. not a list") == "1\\. not a list"
    assert md_escape("a\n\n# mid-line, harmless") == "a # mid-line, harmless"
    assert md_escape("# heading") == "\\# heading"


def plain_text(rendered: Rendered) -> bytes:
    """An output format registered by the test below: the Markdown without its marks."""
    return rendered.markdown.replace("#", "").encode()


def test_an_output_format_is_one_registry_line(library: Library, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    build_sample_library(library, tmp_path / "src")
    line = OutputFormat("txt", ("--text",), "Plain text.", f"{__name__}:plain_text",
                        ("briefing.md.j2",))
    monkeypatch.setitem(FORMATS, "text", line)
    files = write_briefing(library, Selection(tags=("energy",)),
                           outputs={"text": tmp_path / "b.txt"})
    assert list(files.paths) == ["text"]
    text = (tmp_path / "b.txt").read_text()
    assert "Briefing" in text and "#" not in text
    with pytest.raises(NewsdeskError, match="unknown output format 'odt'"):
        write_briefing(library, Selection(tags=("energy",)), outputs={"odt": tmp_path / "b.odt"})


def test_the_brief_command_has_an_option_per_output_format() -> None:
    from click.testing import CliRunner

    from tui.cli import main

    shown = CliRunner().invoke(main, ["brief", "--help"]).output
    assert all(f"{kind.options[-1]} FILE" in shown or f"{kind.options[0]} FILE" in shown
               for kind in FORMATS.values())


def test_the_running_header_names_the_section_the_page_starts_in(
        library: Library, tmp_path: Path) -> None:
    # A page that continues a section is headed by that section, not by one that starts
    # lower down the page (it used to say SOURCES above the end of the last section).
    build_sample_library(library, tmp_path / "src")
    files = write_briefing(library, Selection(tags=("iraq-syria", "energy", "security")),
                           outputs={"pdf": tmp_path / "b.pdf"})
    sections = ("Iraq-Syria", "Energy", "Security", "Sources")
    current = ""
    for page in PdfReader(files.paths["pdf"]).pages[1:]:
        lines = page.extract_text().splitlines()
        header = next(line for line in lines if line.startswith("Briefing \u2014"))
        first = lines[0].strip()
        expected = first if first in sections else current
        assert header.endswith(expected.upper()), (header, expected)
        current = next((line.strip() for line in reversed(lines) if line.strip() in sections),
                       current)
