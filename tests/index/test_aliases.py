"""Aliases: names the articles define, the user's own, and how searches use them."""

from __future__ import annotations

import pytest

from index.aliases import definitions
from index.errors import NotFoundError
from index.library import Library
from tests.index.search_samples import ids, stock


def article(id_: str, body: str) -> dict[str, object]:
    return {"id": id_, "title": f"Report {id_}", "body": body}


GROUP = [
    article("defines-is", "Fighters of the Islamic State (IS) attacked a checkpoint."),
    article("defines-is-again", "The Islamic State (IS) claimed the attack on the road."),
    article("only-name", "The Islamic State said its fighters held the village."),
    article("only-isis", "ISIS fighters were seen near the river."),
    article("odd-is", "Students of Information Systems (IS) sat their exams."),
    article("only-infosys", "Information Systems lecturers went on strike."),
    article("defines-sdf", "The Syrian Democratic Forces (SDF) took the town."),
    article("only-sdf", "SDF commanders met tribal leaders."),
    article("only-daesh", "Daesh cells struck at night."),
    article("central", "US Central Command (CENTCOM) said the strike was precise."),
]


@pytest.fixture
def grouped(library: Library) -> Library:
    return stock(library, GROUP)


@pytest.mark.parametrize(("text", "pairs"), [
    ("the Islamic State (IS) and", {("Islamic State", "IS")}),
    ("Islamic State of Iraq and Syria (ISIS)", {("Islamic State of Iraq and Syria", "ISIS")}),
    ("backed by the Syrian Democratic Forces (SDF).", {("Syrian Democratic Forces", "SDF")}),
    ("US Central Command (CENTCOM)", {("Central Command", "CENTCOM")}),
    ("He said (BBC) and it rained (Reuters)", set()),
    ("in the town (AP)", set()),
])
def test_definitions_found_in_text(text: str, pairs: set[tuple[str, str]]) -> None:
    assert definitions(text) == pairs


def test_learned_alias_widens_an_acronym(grouped: Library) -> None:
    results = grouped.search("IS")
    found = sorted(h.article.id for h in results.hits)
    assert found == ["defines-is", "defines-is-again", "odd-is", "only-name"]
    assert results.expanded == (("IS", ("Islamic State",)),)


def test_one_odd_article_does_not_rewrite_a_name(grouped: Library) -> None:
    assert "only-infosys" not in ids(grouped, "IS")
    learned = {(a.synonym, a.name): a.articles for a in grouped.alias_list()}
    assert learned[("IS", "Islamic State")] == 2
    assert ("IS", "Information Systems") not in learned


def test_name_widens_to_its_acronym(grouped: Library) -> None:
    assert ids(grouped, "Syrian Democratic Forces") == ["defines-sdf", "only-sdf"]


def test_a_quoted_term_is_never_widened(grouped: Library) -> None:
    results = grouped.search('"IS"')
    assert results.expanded == ()
    assert "only-name" not in [h.article.id for h in results.hits]


def test_user_aliases_join_the_learned_ones(grouped: Library) -> None:
    grouped.add_alias("Islamic State", ["Daesh", "ISIS", "ISIL"])
    assert ids(grouped, "ISIL") == ["defines-is", "defines-is-again", "odd-is", "only-daesh",
                                    "only-isis", "only-name"]
    assert "only-daesh" in ids(grouped, "IS")
    listed = {(a.synonym, a.source) for a in grouped.alias_list()}
    assert {("Daesh", "user"), ("IS", "learned")} <= listed


def test_removed_aliases_stay_removed(grouped: Library) -> None:
    grouped.add_alias("Islamic State", ["Daesh"])
    assert grouped.remove_alias("Islamic State", ["Daesh"]) == 1
    assert "only-daesh" not in ids(grouped, "IS")
    assert grouped.remove_alias("IS", ["Islamic State"]) == 1  # a learned one
    stock(grouped, [article("defines-is-third", "Islamic State (IS) fighters withdrew.")])
    # still removed, and the next name defined for IS does not take its place
    assert ids(grouped, "IS") == ["defines-is", "defines-is-again", "defines-is-third", "odd-is"]
    with pytest.raises(NotFoundError):
        grouped.remove_alias("nothing")


def test_deleting_a_defining_article_takes_its_count_back(grouped: Library) -> None:
    grouped.delete(["defines-is"])
    learned = {(a.synonym, a.name): a.articles for a in grouped.alias_list()}
    assert learned[("IS", "Islamic State")] == 1
    grouped.delete(["defines-is-again"])
    learned = {(a.synonym, a.name): a.articles for a in grouped.alias_list()}
    assert ("IS", "Islamic State") not in learned  # no article defines it any more
    assert "only-name" not in ids(grouped, "IS")


def test_a_removed_alias_stays_removed_after_its_articles_go(grouped: Library) -> None:
    grouped.remove_alias("IS")
    grouped.delete(["defines-is", "defines-is-again"])
    stock(grouped, [article("defines-is-3", "The Islamic State (IS) took a town.")])
    assert "only-name" not in ids(grouped, "IS")
