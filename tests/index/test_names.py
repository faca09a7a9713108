"""Names as the news writes them: acronyms, Arabic-name particles, transliterations."""

from __future__ import annotations

import pytest

from index.errors import QueryError
from index.library import Library
from tests.index.search_samples import ids, stock


def article(id_: str, title: str, body: str) -> dict[str, object]:
    return {"id": id_, "title": title, "body": body}


NAMES = [
    article("is-group", "Fighters regroup in the desert",
            "Fighters loyal to the IS group were seen moving south, officials said."),
    article("is-word", "What the new budget is for",
            "The budget is large and it is late, the minister said of what it is for."),
    article("us-forces", "Convoy reaches the base",
            "US forces escorted the convoy to the base before dawn."),
    article("us-word", "Farmers tell their story",
            "The farmers told us the harvest failed and asked us to listen."),
    article("who-agency", "Health agency warns of outbreak",
            "The WHO warned of a cholera outbreak in the camps."),
    article("who-word", "Families return home",
            "Families who fled the fighting returned to the town on foot."),
    article("hol-hyphen", "Aid reaches desert camp",
            "Trucks reached the al-Hol camp on Monday with water and flour."),
    article("hol-spaced", "Detainees moved",
            "Guards moved detainees out of Al Hol after the riot."),
    article("hol-variant", "Children stranded",
            "Thousands of children remain in al-Hawl, aid workers say."),
    article("al-others", "Raids in two towns",
            "Troops raided al-Bar and arrested men linked to Al-Qaeda near Al Qaim."),
    article("deir-ez", "Clashes in the east",
            "Clashes broke out in Deir ez-Zor province overnight."),
    article("deir-el", "Oil field attacked",
            "An oil field near Deir el-Zour was attacked by drones."),
    article("deir-al", "Bridge reopens",
            "The bridge over the river in Deir al-Zor reopened to traffic."),
    article("nato", "Alliance meets",
            "NATO ministers met in Brussels to discuss the eastern flank."),
]


@pytest.fixture
def names(library: Library) -> Library:
    return stock(library, NAMES)


@pytest.mark.parametrize(("query", "found"), [
    ("IS", ["is-group"]),
    ("US", ["us-forces"]),
    ("WHO", ["who-agency"]),
    ("US convoy", ["us-forces"]),
    ("nato", ["nato"]),                 # a long acronym is found in lower case too
    ("NATO", ["nato"]),
])
def test_a_query_in_capitals_means_the_acronym(names: Library, query: str,
                                               found: list[str]) -> None:
    assert ids(names, query) == found


def test_the_common_word_is_not_the_acronym(names: Library) -> None:
    with pytest.raises(QueryError):
        names.search("is")
    assert "us-word" in ids(names, "us")
    assert "who-word" not in ids(names, "WHO")


@pytest.mark.parametrize("query", ["al-Hol", '"Al Hol"', "Al Hol", "al-Hawl", "el-Hol",
                                   "Al Hawl"])
def test_particle_name_variants_meet(names: Library, query: str) -> None:
    assert ids(names, query) == ["hol-hyphen", "hol-spaced", "hol-variant"]


def test_a_particle_does_not_match_on_its_own(names: Library) -> None:
    assert "al-others" not in ids(names, "al-Hol camp")
    assert "al-others" not in ids(names, "Al Hol camp")
    with pytest.raises(QueryError):
        names.search("al")


@pytest.mark.parametrize("query", ['"Deir ez-Zor"', '"Deir el-Zour"', '"Deir al-Zor"',
                                   '"Dayr az-Zawr"', "Deir ez-Zor"])
def test_transliterations_of_a_name_meet(names: Library, query: str) -> None:
    assert ids(names, query) == ["deir-al", "deir-el", "deir-ez"]


def test_snippets_mark_acronyms_and_names(names: Library) -> None:
    [hit] = names.search("IS").hits
    assert "**IS**" in hit.snippet
    [hit] = [h for h in names.search('"Deir ez-Zor"').hits if h.article.id == "deir-el"]
    assert "**Zour**" in hit.snippet
