"""Photo captions left in the stored body of clean_text, on pages whose annotated body omits
them. The captions are read from the page's HTML (<figcaption>, elements whose class or
itemprop names a caption), independently of the text rules that look for them.

    .venv/bin/python -m bench.cleanup_captions /work/shared/data/cleanup [--list 10]

It also counts, on the same pages, the summaries (the default summarizer, 3 sentences) whose
first sentence is one of the page's captions and not a sentence of the annotated body (a
page may print its lede again as a photo's caption).
"""

from __future__ import annotations

import argparse
import re

from lxml import html as lxml_html

from bench.cleanup_quality import Case, load, read_html
from briefing.summarizers import summarize
from index.errors import InputError
from index.extract import clean_text

_WORD = re.compile(r"\w+")
_CAPTION_XPATH = (
    "//figcaption | //*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"
    " | //*[@itemprop='caption']"
)
_MIN_WORDS = 5  # shorter caption elements are labels ("Photo", "Enlarge") not captions


def normal(text: str) -> str:
    """Lowercase words joined by single spaces, for substring tests."""
    return " ".join(_WORD.findall(text.lower()))


def html_captions(case: Case) -> list[str]:
    """The distinct caption texts the page's HTML marks up, normalised."""
    root = lxml_html.fromstring(read_html(case).encode("utf-8"))
    seen: list[str] = []
    for element in root.xpath(_CAPTION_XPATH):
        text = normal(element.text_content())
        if len(text.split()) >= _MIN_WORDS and text not in seen:
            seen.append(text)
    # Keep the innermost: a caption wrapper holds the caption and its credit.
    return [t for t in seen if not any(t != o and o in t for o in seen)]


def _starts_with_caption(body: str, title: str, captions: list[str], truth: str) -> bool:
    summary = summarize(body, title=title, sentences=3)
    first = normal(summary[0]) if summary else ""
    return bool(first) and first not in truth and any(
        first in caption or caption in first for caption in captions)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", help="folder holding dev.jsonl and html/")
    parser.add_argument("--list", type=int, default=0, help="print N captions left in bodies")
    args = parser.parse_args(argv)
    pages = captions = in_body = in_part = caption_led = 0
    left: list[str] = []
    for case in load(__import__("pathlib").Path(args.data_dir)):
        truth = normal(case.truth)
        found = [c for c in html_captions(case) if c in normal(case.text)]
        if not found or any(c in truth for c in found):
            continue  # no caption in the text, or the annotation keeps captions
        try:
            result = clean_text(case.text, url=case.url)
        except InputError:
            continue
        body, parts = normal(result.body), normal(" ".join(result.captions))
        pages += 1
        captions += len(found)
        caption_led += _starts_with_caption(result.body, result.title, found, truth)
        for caption in found:
            if caption in body:
                in_body += 1
                left.append(f"{caption[:90]}  {case.url[:60]}")
            in_part += caption in parts
    print(f"pages whose annotated body omits their captions: {pages}")
    print(f"captions on them (from the HTML, present in the text): {captions}")
    print(f"left in the stored body: {in_body}")
    print(f"stored as captions: {in_part}")
    print(f"summaries that start with a caption: {caption_led} of {pages}")
    for line in left[: args.list]:
        print(f"  left: {line}")


if __name__ == "__main__":
    main()
