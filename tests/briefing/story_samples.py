"""Fictional reports of one event by three outlets, laden with captions and credits the way
scraped news pages are (invented text, no published material)."""

from __future__ import annotations

from pathlib import Path

# Captions, credits and furniture: none of these may ever be picked for a summary.
CAPTIONS = (
    "FILE - In this March 3, 2019, file photo, a tanker truck drives past the Harran bridge.",
    "A tanker truck drives past the Harran bridge on Tuesday, Nov. 17, 2026, near the river.",
    "Firefighters spray water on the burning depot near the Harran bridge. (Photo: Karim Aziz)",
    "Smoke rises over the depot at the Harran bridge. Getty Images",
    "[CTS] Workers inspect the damage at the fuel depot beside the Harran bridge.",
    "Image copyright Frontier Daily Image caption The depot supplies most of the district.",
    "Sign up for our newsletter to get the day's top stories from the border region.",
)

STORY = {
    "frontier.txt": (
        "Fire destroys fuel depot at Harran bridge, two workers killed",
        "Frontier Daily",
        "20-11-2026, 09:00",
        (
            "A fire destroyed the main fuel depot at the Harran bridge on Thursday, killing two "
            "workers and cutting fuel supplies to 40 villages, the district governor said.",
            CAPTIONS[0],
            "Governor Adel Mansour said the fire started in a pump house at about 3 a.m. and "
            "spread to four storage tanks before crews from Harran brought it under control.",
            CAPTIONS[2],
            "He said an investigation would look at whether the pumps had been serviced.",
            "The depot holds about 2 million litres of diesel and petrol for the district.",
            CAPTIONS[6],
        ),
    ),
    "ledger.txt": (
        "Two dead as blaze guts Harran fuel depot",
        "Northern Ledger",
        "20-11-2026, 11:30",
        (
            CAPTIONS[1],
            "Two workers were killed when fire swept through the fuel depot at the Harran "
            "bridge early on Thursday, officials said, leaving 40 villages without fuel.",
            CAPTIONS[3],
            "Queues formed at the few filling stations still open in Harran as drivers feared "
            "shortages, and prices for a 20-litre can of diesel doubled by midday.",
            CAPTIONS[4],
            "The district council said emergency deliveries from Qasr depot would begin on "
            "Saturday.",
        ),
    ),
    "courier.txt": (
        "Harran depot fire: fuel shortages feared in 40 villages",
        "Desert Courier",
        "21-11-2026, 07:45",
        (
            CAPTIONS[5],
            "Fuel shortages are expected in 40 villages after Thursday's fire at the Harran "
            "bridge depot, which killed two workers, aid groups warned on Friday.",
            "Governor Adel Mansour said the fire started in a pump house at about 3 a.m. and "
            "spread to four storage tanks before crews from Harran brought it under control.",
            "Clinics in the area rely on diesel generators and have enough fuel for five days, "
            "the Harran health office said.",
        ),
    ),
}


def write_story(folder: Path) -> list[Path]:
    """Write the three reports as scraped-style text files; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (title, outlet, date, paragraphs) in STORY.items():
        path = folder / name
        header = f"{outlet}\nHome\nWorld\nVideo\n\n{title}\n\nBy Staff Reporter\n\n{date}"
        path.write_text(header + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
