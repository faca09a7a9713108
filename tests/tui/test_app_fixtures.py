"""A small fictional library for the reader's tests, snapshots and demos (no tests here)."""

from __future__ import annotations

import json
from pathlib import Path

from index.library import Library

# (id, title, outlet, author, published, url, tags, read, starred, in_basket, paragraphs)
SAMPLES: list[tuple] = [
    ("a001", "Convoy of pickups seen near the Qaim crossing", "Border Wire", "Dana Reyes",
     "2024-03-27T06:10:00", "https://borderwire.example/qaim-convoy", ["iraq-syria"],
     False, True, True,
     ["About twenty pickup trucks moved toward the Qaim crossing late on Tuesday, two "
      "residents said by phone, in the largest movement seen in the district this year.",
      "Local officials said the vehicles carried the flags of a militia that withdrew from "
      "the area last spring. Border guards closed the crossing for six hours.",
      "A spokesman for the provincial council asked residents to stay indoors and promised "
      "a statement once the convoy had been identified."]),
    ("a002", "Qaim crossing reopens after six-hour closure", "Desk Daily", "Omar Haddad",
     "2024-03-27T14:30:00", "https://deskdaily.example/qaim-reopens", ["iraq-syria"],
     False, False, False,
     ["The Qaim crossing reopened on Wednesday afternoon after a six-hour closure that "
      "left hundreds of lorries queuing on the highway.",
      "Drivers said guards searched every vehicle. Traders in the market complained that "
      "fresh produce had spoiled in the heat while they waited."]),
    ("a003", "Harbour workers vote to extend strike", "Harbour Times", "Lena Marsh",
     "2024-03-26T18:00:00", "", ["ports", "labour"], True, False, False,
     ["Dock workers at the northern harbour voted by a wide margin to extend their strike "
      "into a third week, their union said on Monday evening.",
      "Shipping agents said more than forty vessels were waiting at anchor. The port "
      "authority called the vote disappointing and invited the union back to talks."]),
    ("a004", "Council approves new water tariff", "Riverside Post", "",
     "2024-03-25T09:15:00", "", ["water"], True, True, False,
     ["The city council approved a new water tariff on Monday that raises prices for the "
      "largest users while freezing them for households.",
      "Farmers' groups said the change would hurt irrigation in a dry year; the council "
      "replied that the reservoir stood at its lowest level in a decade."]),
    ("a005", "Militia commander denies role in Qaim movement", "Border Wire", "Dana Reyes",
     "2024-03-28T08:45:00", "https://borderwire.example/commander-denies", ["iraq-syria"],
     False, False, True,
     ["A commander of the militia named by residents denied on Thursday that his fighters "
      "had taken part in Tuesday's convoy near the Qaim crossing.",
      "In a recorded message he said his group had no vehicles in the district and accused "
      "rivals of spreading rumours to provoke a confrontation."]),
    ("a006", "Grain prices climb as river levels fall", "Plains Courier", "Ivo Brandt",
     "2024-03-24T12:00:00", "", ["water", "markets"], True, False, False,
     ["Wholesale grain prices rose for a fourth week as low river levels slowed barges "
      "carrying wheat to the coast.",
      "Millers said stocks would last a month. Forecasters expect rain in the hills next "
      "week, but said the river would take longer to recover."]),
    ("a007", "Election commission publishes candidate list", "Capital Gazette", "",
     "2024-03-23T10:00:00", "", ["elections"], True, False, False,
     ["The election commission published the final list of candidates on Saturday, "
      "rejecting eleven applications over missing signatures.",
      "Two of the rejected candidates said they would appeal to the constitutional court."]),
    ("a008", "Ferry service suspended by harbour strike", "Harbour Times", "Lena Marsh",
     "2024-03-27T07:20:00", "", ["ports"], False, False, False,
     ["The island ferry service was suspended on Wednesday as the harbour strike reached "
      "the passenger terminal.",
      "Islanders said supplies of fuel and medicine were running short, and the regional "
      "government promised an emergency boat by the weekend."]),
    ("a009", "Drone strike reported on desert road", "Desk Daily", "Omar Haddad",
     "2024-03-26T22:40:00", "https://deskdaily.example/desert-drone", ["iraq-syria"],
     False, False, False,
     ["A drone struck a vehicle on the desert road south of the border late on Tuesday, "
      "according to a monitoring group that tracks attacks in the area.",
      "There was no claim of responsibility. The monitoring group said two people in the "
      "vehicle were killed and that their identities were not yet known."]),
    ("a010", "Textile exports rebound in first quarter", "Evening Ledger", "",
     "2024-03-22T16:00:00", "", ["markets"], True, False, False,
     ["Textile exports rose by a fifth in the first quarter compared with a year earlier, "
      "trade ministry figures showed on Friday.",
      "Manufacturers credited new orders from northern buyers and a weaker currency."]),
    ("a011", "Power cuts return to the eastern districts", "Northern Standard", "",
     "2024-03-21T19:30:00", "", ["energy"], True, False, False,
     ["Scheduled power cuts returned to the eastern districts on Thursday after a turbine "
      "at the main plant failed.",
      "The utility said repairs would take ten days and published a rota of four-hour cuts."]),
    ("a012", "Residents describe night of gunfire in border town", "Riverside Post", "",
     "2024-03-28T20:05:00", "", ["iraq-syria"], False, False, False,
     ["Residents of a small border town described hours of gunfire overnight, as security "
      "forces said they had repelled an attack on a checkpoint.",
      "A teacher said families sheltered in the school basement until dawn. The army said "
      "the attackers fled toward the desert and that a search was under way."]),
    ("a013", "Harbour talks resume under mediator", "Evening Ledger", "Ruth Okafor",
     "2024-03-28T11:00:00", "", ["ports", "labour"], False, True, False,
     ["Talks between the harbour union and the port authority resumed on Thursday under "
      "a mediator appointed by the labour ministry.",
      "Both sides said the first session had been constructive, but neither gave details."]),
    ("a014", "Council debates bus lane plan", "Capital Gazette", "",
     "2024-03-20T15:00:00", "", [], True, False, False,
     ["Councillors debated a plan for bus lanes on the ring road, with shopkeepers "
      "warning that parking losses would hurt trade.",
      "A vote is expected next month after a public consultation."]),
    ("a015", "Aid convoy reaches camp after delays at border", "Plains Courier", "Ivo Brandt",
     "2024-03-28T16:20:00", "", ["iraq-syria", "aid"], False, False, False,
     ["An aid convoy of twelve lorries reached the displacement camp on Thursday after "
      "three days of delays at the border.",
      "Camp managers said the food would last three weeks and warned that medicine was "
      "still short."]),
    ("a016", "Qaim convoy: residents say trucks carried militia flags", "Northern Standard", "",
     "2024-03-27T09:00:00", "https://northernstandard.example/qaim", ["iraq-syria"],
     False, False, False,
     ["About twenty pickup trucks moved toward the Qaim crossing late on Tuesday, two "
      "residents said by phone, in the largest movement seen in the district this year.",
      "Local officials said the vehicles carried the flags of a militia that withdrew from "
      "the area last spring. Border guards closed the crossing for six hours.",
      "A spokesman for the provincial council asked residents to stay indoors and promised "
      "a statement once the convoy had been identified."]),
]


def sample_lines() -> list[str]:
    """The samples as export-format JSON lines (fixed ids and dates: deterministic views)."""
    lines = []
    for aid, title, outlet, author, published, url, tags, read, star, basket, paras in SAMPLES:
        lines.append(json.dumps({
            "id": aid, "title": title, "outlet": outlet, "author": author,
            "published": published + "+00:00", "added": "2024-03-29T07:00:00+00:00",
            "url": url, "tags": tags, "read": read, "starred": star, "in_basket": basket,
            "body": "\n\n".join(paras),
        }))
    return lines


def build_sample_library(root: Path) -> Path:
    """A library folder holding the samples; returns its path."""
    with Library(root) as library:
        results = list(library.import_jsonl(sample_lines(), "samples"))
        assert all(r.status in ("added", "duplicate") for r in results), results
    return root
