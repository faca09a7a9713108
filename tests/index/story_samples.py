"""A small fictional news day for story tests: two strikes in one province, a follow-up, a copy.

Every outlet, person and event here is invented.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

HIT_STRIKE = {
    "id": "hit-levant", "outlet": "Levant Wire", "published": "2026-11-20T08:10:00+00:00",
    "tags": ["iraq-syria"],
    "title": "Drone strike kills three at livestock market in Hit",
    "body": (
        "A drone strike killed three men at the livestock market in Hit, in Iraq's Anbar "
        "province, early on Friday, two police officers and a hospital official said.\n\n"
        "The men were loading sheep onto a pickup truck when the vehicle was hit, said "
        "Captain Salim Rawi of the Hit police. A fourth man, a trader from Haditha, was "
        "wounded and taken to the town hospital.\n\n"
        "No group claimed the strike. Residents said the market, on the western bank of the "
        "Euphrates, had been crowded since dawn because of the coming holiday."
    ),
}

HIT_STRIKE_OTHER_OUTLET = {
    "id": "hit-tigris", "outlet": "Tigris Daily", "published": "2026-11-20T11:30:00+00:00",
    "title": "Three killed as drone hits pickup in Hit market",
    "body": (
        "Three people were killed on Friday when a drone struck a pickup truck at the "
        "crowded livestock market of Hit, west of Ramadi, according to local police.\n\n"
        "Police captain Salim Rawi said a trader from Haditha was wounded in the attack on "
        "the market. Traders said buyers had come from across Anbar ahead of the holiday.\n\n"
        "It was not clear who operated the drone."
    ),
}

HIT_FOLLOW_UP = {
    "id": "hit-funeral", "outlet": "Desert Courier", "published": "2026-11-21T09:00:00+00:00",
    "title": "Hit buries three men killed in market drone strike",
    "body": (
        "Hundreds of mourners gathered in Hit on Saturday to bury the three men killed when a "
        "drone struck the town's livestock market on Friday.\n\n"
        "The trader from Haditha who was wounded in the strike was in a stable condition, "
        "Captain Salim Rawi of the Hit police said. Relatives said the men were shepherds who "
        "had come to sell sheep before the holiday.\n\n"
        "The provincial council called for an investigation of the market attack."
    ),
}

RUTBA_STRIKE = {
    "id": "rutba-levant", "outlet": "Levant Wire", "published": "2026-11-21T07:45:00+00:00",
    "title": "Air strike on farm near Rutba kills two, Anbar officials say",
    "body": (
        "An air strike hit a farmhouse near Rutba, in the far west of Anbar province, late "
        "on Friday, killing two people, district mayor Karim Dulaimi said.\n\n"
        "The farm lies on the highway to the Jordanian border, about 110 kilometres east of "
        "the Trebil crossing. Dulaimi said the dead were guards and that a storage shed was "
        "destroyed.\n\n"
        "The Iraqi military said it was looking into the report."
    ),
}

RUTBA_STRIKE_OTHER_OUTLET = {
    "id": "rutba-euphrates", "outlet": "Euphrates Post", "published": "2026-11-21T10:20:00+00:00",
    "title": "Two guards dead after strike on farmhouse outside Rutba",
    "body": (
        "Two guards were killed when aircraft bombed a farmhouse outside Rutba on the "
        "highway to Trebil late on Friday, Rutba mayor Karim Dulaimi told reporters.\n\n"
        "A storage shed on the farm was destroyed. The mayor said the strike came around "
        "eleven at night.\n\n"
        "The military said it was checking the mayor's account."
    ),
}

HIT_STRIKE_COPY = {
    "id": "hit-copy", "outlet": "Anbar Today", "published": "2026-11-20T09:00:00+00:00",
    "title": "Drone strike kills three at livestock market in Hit",
    "body": HIT_STRIKE["body"] + "\n\nThis article was first published by Levant Wire.",
}

DERBY = {
    "id": "derby", "outlet": "Tigris Daily", "published": "2026-11-21T20:00:00+00:00",
    "title": "Al-Shorta edge Al-Zawraa in Baghdad derby",
    "body": (
        "Al-Shorta beat Al-Zawraa 2-1 in the Baghdad derby on Saturday evening, with a late "
        "header from their captain settling a tense match at Al-Shaab stadium.\n\n"
        "The win lifts Al-Shorta to the top of the Iraqi league, a point ahead of Erbil. "
        "Al-Zawraa's coach said his side had deserved a draw."
    ),
}

TODAY = [HIT_STRIKE, HIT_STRIKE_OTHER_OUTLET, HIT_STRIKE_COPY, RUTBA_STRIKE,
         RUTBA_STRIKE_OTHER_OUTLET, DERBY]


def lines(*articles: dict[str, object]) -> list[str]:
    """The articles as JSON lines in the export format (what `import` reads)."""
    return [json.dumps(a) for a in articles]


def ids(articles: Iterable[dict[str, object]]) -> set[str]:
    """Their ids."""
    return {str(a["id"]) for a in articles}
