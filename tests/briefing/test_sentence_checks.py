"""The sentence checks read case-blind, as a reader would, whatever shortcut they take."""

from __future__ import annotations

from briefing.summarizers._document import is_prose
from briefing.summarizers._quality import facts, is_caption, is_commentary, is_reported


def test_boilerplate_is_no_prose_in_any_case() -> None:
    assert is_prose("The council voted to close the bridge for repairs on Monday.")
    for line in ("CLICK HERE for the full list of closed roads this week.",
                 "Scroll Down For the video of the flooded bridge.",
                 "Last Updated at 10:32 on the day the bridge closed."):
        assert not is_prose(line), line


def test_links_and_wire_dates_make_captions() -> None:
    assert is_caption("Read the report: https://example.org/report")
    assert is_caption("Firefighters at the scene on Tuesday, Oct. 27, 2009, in Dover.")
    assert not is_caption("Firefighters reached the scene within ten minutes, police said.")


def test_hedges_and_numbers_are_found_in_any_case() -> None:
    assert is_commentary("Prices SHOULD fall once the new harvest arrives.")
    assert not is_commentary("Prices should fall, the minister said.")
    assert facts("Two ferries and 40 buses were cancelled.") == facts(
        "TWO ferries and 40 buses were cancelled.") > 0.25


def test_attribution_is_found_in_any_case() -> None:
    assert is_reported("the ministry SAID so on the radio.")
    assert not is_reported("the ministry kept quiet on the radio.")
    assert not is_commentary("prices should fall, the ministry ANNOUNCED.")
