"""A story's sentences in a briefing: the key point tells the story its headline names."""

from __future__ import annotations

from briefing.story_text import Ledger, story_sentences
from index.models import Article

WATER = Article(id="water", title="Euphrates falls to a record low", body=(
    "The level of the Euphrates at the border fell to its lowest point in years this week, "
    "officials in Anbar said on Friday.\n\nFarmers said their fields had dried out."))
TALKS = Article(id="talks", title="Coalition talks stall", body=(
    "Negotiations in Baghdad to form a governing coalition of 12 parties stalled on Monday over "
    "the interior and defence ministries, according to Ahmed Karim and Sara Haddad.\n\n"
    "A second round of talks is planned for next month in Erbil and Basra."))


def test_the_key_point_comes_from_the_lead_article_whose_headline_the_story_bears() -> None:
    refs = {"water": 1, "talks": 2}
    for members in ([WATER, TALKS], [TALKS, WATER]):
        point, rest = story_sentences(members, refs, Ledger(), 2, "story")
        assert point is not None and refs[members[0].id] in point.refs
        assert point not in rest
