"""Fictional sample articles for briefing tests (invented text, no published material)."""

from __future__ import annotations

import json
from pathlib import Path

from index.library import Library
from tests.conftest import write_article

FOOTER = "Share this article\n\nSign up for our newsletter\n\nMost read"
CAPTION = "Pictured: a checkpoint sign beside the river road. (Photo: Staff)"

# (file, tags, headline, outlet, author, date, paragraphs)
ARTICLES: list[tuple[str, tuple[str, ...], str, str, str, str, tuple[str, ...]]] = [
    ("convoy.txt", ("iraq-syria",), "Convoy halted at northern crossing", "Border Monitor",
     "Lina Haddad", "19-11-2026, 08:30", (
         "A supply convoy of twelve trucks was stopped at the northern crossing on Wednesday "
         "after guards reported a dispute over permits, according to two drivers.",
         "The drivers said the convoy carried flour and medical supplies bound for villages on "
         "the far side of the river, and that they had waited for more than nine hours.",
         "A local administrator said the permits would be reviewed by the end of the week.")),
    ("mortar.txt", ("iraq-syria", "security"), "Mortar fire reported near desert outpost",
     "Frontier Daily", "Omar Saleh", "20-11-2026, 06:15", (
         "Residents of two hamlets near the desert outpost reported mortar fire for about an "
         "hour before dawn on Thursday, the third such night this month.",
         "No casualties were reported, but a water tank serving forty households was damaged "
         "and repair crews were told to wait until the area was declared safe.",
         "A militia commander denied that his unit was involved and blamed a rival group.")),
    ("drones.txt", ("security",), "Drone sightings prompt curfew in border town",
     "Frontier Daily", "Omar Saleh", "18-11-2026, 21:40", (
         "Authorities in the border town imposed an overnight curfew on Tuesday after residents "
         "reported small drones circling the market district for several evenings.",
         "Shop owners said the curfew would cost them their busiest trading hours, and several "
         "asked the council to shorten it before the weekend.",
         "Police said they had recovered the wreckage of one drone in a field east of town.")),
    ("pipeline.txt", ("energy",), "Pipeline repairs delay oil exports",
     "Gulf Energy Wire", "Sara Nouri", "17-11-2026, 12:00", (
         "Oil exports through the northern pipeline were delayed for a second week as engineers "
         "replaced a damaged section near the pumping station.",
         "Traders said the delay had lifted regional prices slightly, although storage tanks at "
         "the coast were still about half full.",
         "The operator expects to restart pumping on Monday if pressure tests succeed.")),
    ("grid.txt", ("energy",), "Power cuts spread across eastern districts",
     "Gulf Energy Wire", "Karim Aziz", "16-11-2026, 17:25", (
         "Power cuts lasting up to ten hours a day spread across the eastern districts this week "
         "as demand outstripped the output of two ageing plants.",
         "Hospitals switched to generators, and the health ministry asked fuel suppliers to "
         "prioritise deliveries to clinics and water pumping stations.",
         "The electricity ministry blamed the shortfall on delayed gas shipments.")),
    ("talks.txt", ("diplomacy",), "Envoys meet to discuss crossing agreement",
     "Capital Herald", "Maya Fares", "15-11-2026, 10:10", (
         "Envoys from both governments met in the capital on Sunday to discuss reopening the "
         "southern crossing to commercial traffic under a joint inspection scheme.",
         "Officials familiar with the talks said the sides agreed on inspection hours but not on "
         "who would pay for the new scanners.",
         "A second round of talks is planned for early next month.")),
    ("aid.txt", ("diplomacy", "iraq-syria"), "Aid agencies call for safe corridor",
     "Capital Herald", "Maya Fares", "14-11-2026, 09:00", (
         "Three aid agencies called on Friday for a safe corridor to reach displaced families "
         "camped along the river, warning that winter rains would soon flood the camps.",
         "The agencies said about two thousand people were living in tents without heating, "
         "and that food stocks would last only another fortnight.",
         "Neither government has yet replied to the request in public.")),
    ("market.txt", (), "Currency slips as traders await budget",
     "Capital Herald", "Yusuf Adel", "13-11-2026, 15:45", (
         "The local currency slipped against the dollar on Thursday as traders waited for the "
         "delayed budget to be presented to parliament.",
         "Money changers in the central market said demand for dollars had doubled since the "
         "start of the month.",
         "The central bank said its reserves were sufficient to steady the rate.")),
    ("schools.txt", (), "Schools reopen after flood repairs", "Frontier Daily", "Huda Ali",
     "12-11-2026, 08:05", (
         "Twenty schools in the river valley reopened on Wednesday after repairs to buildings "
         "damaged by last month's floods.",
         "Teachers said attendance was lower than usual because some families had not yet "
         "returned to their villages.",
         "The education office said the remaining schools would reopen within two weeks.")),
    ("smuggling.txt", ("security",), "Customs officers seize smuggled fuel",
     "Border Monitor", "Lina Haddad", "11-11-2026, 19:30", (
         "Customs officers seized four tankers of smuggled fuel on a desert track on Monday, the "
         "largest seizure this year, according to a customs statement.",
         "The statement said the drivers had tried to avoid the main checkpoint by crossing "
         "dry riverbeds at night.",
         "Smuggling has grown as the price gap between the two countries widened.")),
    ("wells.txt", ("energy", "iraq-syria"), "Farmers dig deeper wells as river drops",
     "Border Monitor", "Lina Haddad", "10-11-2026, 11:20", (
         "Farmers along the border are digging wells twice as deep as a decade ago as the river "
         "falls to its lowest autumn level in years, local officials said.",
         "Several farmers said the cost of drilling had forced them to sell livestock, and "
         "others have left wheat fields unplanted this season.",
         "Officials said a water-sharing agreement was on the agenda of the next talks.")),
]

# The convoy story again, saved from another outlet's page with different boilerplate.
COPY = ("convoy-copy.txt", "Convoy halted at northern crossing - Valley Times", "Rami Khoury",
        "19-11-2026, 10:00", "Advertisement",
        "Related stories\n\nComments are closed\n\nFollow us on social media")


def article_path(folder: Path, entry: tuple) -> Path:  # type: ignore[type-arg]
    """Write one sample entry as a scraped page and return its path."""
    name, _tags, title, outlet, author, date, paragraphs = entry
    return write_article(folder, name, f"{title} - {outlet}", f"By {author} | {date}",
                         CAPTION, *paragraphs, footer=FOOTER)


def build_sample_library(library: Library, folder: Path, *, copy: bool = True) -> dict[str, str]:
    """Add every sample (and the near-duplicate copy); returns file name -> article id."""
    ids: dict[str, str] = {}
    for entry in ARTICLES:
        for result in library.add([str(article_path(folder, entry))], tags=entry[1]):
            ids[entry[0]] = result.id
    if copy:
        name, head, author, date, header, footer = COPY
        path = write_article(folder, name, head, f"By {author} | {date}", header,
                             *ARTICLES[0][6], footer=footer)
        for result in library.add([str(path)], tags=("iraq-syria",)):
            ids[name] = result.id
    return ids


def import_article(library: Library, folder: Path, **fields: object) -> str:
    """Import one article from a JSON line (the only way to give a URL without fetching)."""
    line = json.dumps({"title": "Untitled", "outlet": "Test Wire", **fields})
    (result,) = list(library.import_jsonl([line], origin=str(folder / "import.jsonl")))
    return result.id
