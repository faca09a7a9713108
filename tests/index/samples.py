"""Small fictional news articles for library tests, in the messy style of scraped pages."""

from __future__ import annotations

import random
from pathlib import Path

MENU = "Skip to content\nHome\nWorld\nMiddle East\nBusiness\nSport\n"
FOOTER = "Share this article\nContinue Reading\n© 2024 Example News. All rights reserved.\n"

BORDER = """\
Accessibility links
Breaking News
Middle East
Militia convoy struck near Al-Qaim crossing as border tensions rise
By Jane Doe |
27-03-2022, 12:45
+A -A
A convoy belonging to an armed group was struck late on Saturday near the Al-Qaim border \
crossing between Iraq and Syria, according to two local officials who spoke on condition \
of anonymity.
The officials said at least four vehicles were destroyed and that the wounded were taken \
to a hospital in the nearby town. No group has claimed responsibility for the strike.
Residents described hearing several loud explosions shortly after midnight, followed by \
the sound of aircraft. Security forces closed the main road leading to the crossing on \
Sunday morning.
Share this article
Trending
Football club sacks coach after cup defeat
© 2022 Example News. All rights reserved.
"""

# The same story saved from another site: other menus and footer, same reporting.
BORDER_ELSEWHERE = """\
Menu
News
Opinion
Militia convoy struck near Al-Qaim crossing as border tensions rise
Published on March 27, 2022
A convoy belonging to an armed group was struck late on Saturday near the Al-Qaim border \
crossing between Iraq and Syria, according to two local officials who spoke on condition \
of anonymity.
The officials said at least four vehicles were destroyed and that the wounded were taken \
to a hospital in the nearby town. No group has claimed responsibility for the strike.
Residents described hearing several loud explosions shortly after midnight, followed by \
the sound of aircraft. Security forces closed the main road leading to the crossing on \
Sunday morning.
Leave a comment
Related stories
Copyright 2022 Desert Courier
"""

GRAIN = """\
Grain prices climb after drought ruins harvest

Farmers across the northern plains reported the worst wheat harvest in a decade, \
pushing grain prices sharply higher in local markets this week.

The agriculture ministry said emergency imports would begin next month to stabilise \
supply, and that bakeries would receive subsidised flour until the spring.

Traders warned that prices could rise further if the rains fail again in the autumn.
"""

WATER = """\
Dam talks resume as river levels fall

Negotiators from three countries met again on Tuesday to discuss water sharing on the \
Euphrates, as river levels downstream fell to their lowest point in forty years.

Engineers said the reservoir behind the dam held less than half its usual volume, and \
farmers along the river have begun digging deeper wells.
"""

WORDS = (  # noqa: SIM905 (a paragraph of words reads better than a list of 50 strings)
    "ministry officials reported convoy border crossing province council market prices "
    "election parliament drought harvest river dam water militia tribal elders governor "
    "airstrike ceasefire negotiations refugees camp hospital school road bridge oil field "
    "pipeline exports customs smuggling checkpoint patrol village district court trial "
    "journalists statement spokesman analysts sanctions embassy delegation summit budget"
).split()


def write(folder: Path, name: str, text: str) -> Path:
    """Write one sample file and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def synthetic(seed: int, paragraphs: int = 4) -> str:
    """A distinct scraped-style article made of random sentences (for volume tests)."""
    rng = random.Random(seed)
    title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize() + f" {seed}"
    paras = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(3):
            words = [rng.choice(WORDS) for _ in range(rng.randint(12, 20))]
            sentences.append(" ".join(words).capitalize() + ".")
        paras.append(" ".join(sentences))
    return MENU + title + "\n" + "\n".join(paras) + "\n" + FOOTER


def corpus(folder: Path, count: int, start: int = 0) -> list[Path]:
    """Write `count` distinct synthetic articles into a folder."""
    return [write(folder, f"article-{i:05d}.txt", synthetic(i)) for i in
            range(start, start + count)]
