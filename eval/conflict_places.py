"""Spot check of place resolution on conflict news: towns under the spellings wire copy uses.

Each town of eval/data/conflict_places.tsv is put into three sentences we wrote: one that names its
country ("Fighting was reported in Hassakeh, Syria, ..."), one with no context ("Government forces shelled
Hassakeh on Monday ..."), where only the name itself and the verb of war say place, and one with no cue at
all ("Residents said Hassakeh was calm on Monday."), where only the name does. A town is
right when the mention resolves within --km of its point. --all adds eight more sentences (MORE_SENTENCES,
ADJECTIVE_SENTENCE): after a verb the small model mistags ("The army retook X"), opening a sentence, after
"residents of" and "the outskirts of", after "fled", in a list, and after the country's adjective ("the
northern Syrian town of X"). Prints the share right per sentence and the misses; no gold data from
../shared is used.

Usage: python eval/conflict_places.py [FILE] [--km 60] [--quiet] [--all]
(FILE defaults to eval/data/conflict_places.tsv; eval/data/conflict_places_holdout.tsv was a held-out set
until its misses were studied; eval/data/conflict_places_holdout2.tsv is the held-out set now)
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from wirecoder.coding.places import PlaceFinder
from wirecoder.nlp.pipeline import load_nlp
from wirecoder.resources.sphere import haversine_km

DATA = Path(__file__).resolve().parent / "data" / "conflict_places.tsv"
SENTENCES = {
    "with country": "Fighting was reported in {name}, {country}, on Tuesday, officials said.",
    "no context": "Government forces shelled {name} on Monday, residents said.",
    "no cue": "Residents said {name} was calm on Monday.",
}
# The same towns in the other places wire copy puts them (--all): after a verb the small model mistags,
# opening a sentence, after a noun whose "of" names a place, and in a list.
MORE_SENTENCES = {
    "retook": "The army retook {name} on Saturday from the rebels, a military spokesman said in the capital.",
    "opening": "Fighting went on. {name} was shelled overnight, the governor said.",
    "opening, calm": "Fighting went on. {name} was calm on Monday after a night of fighting.",
    "residents of": "Residents of {name} said the power had been cut for three days.",
    "outskirts": "Fighting raged on the outskirts of {name} on Wednesday.",
    "fled": "Thousands of families have fled {name} since the fighting began, aid agencies said.",
    "listed": "Air strikes hit {name} and nearby villages, a monitoring group said.",
}

# "the Syrian town of X": the adjective form of each country the lists name (--all)
ADJECTIVES = {
    "Syria": "Syrian", "Ukraine": "Ukrainian", "Iraq": "Iraqi", "Sudan": "Sudanese", "Yemen": "Yemeni",
    "Libya": "Libyan", "Afghanistan": "Afghan", "Myanmar": "Myanmar", "Congo": "Congolese", "Nigeria": "Nigerian",
    "the Gaza Strip": "Palestinian", "the West Bank": "Palestinian", "Somalia": "Somali", "Lebanon": "Lebanese",
    "Ethiopia": "Ethiopian", "Mali": "Malian", "South Sudan": "South Sudanese", "Pakistan": "Pakistani",
    "Burkina Faso": "Burkinabe", "Mozambique": "Mozambican", "Israel": "Israeli", "Niger": "Nigerien",
    "the Central African Republic": "Central African", "Azerbaijan": "Azerbaijani", "Russia": "Russian",
    "Haiti": "Haitian", "the Philippines": "Philippine", "Georgia": "Georgian", "Turkey": "Turkish",
    "Iran": "Iranian",
}
ADJECTIVE_SENTENCE = ("adjective", "The northern {adjective} town of {name} came under fire on Monday, the army said.")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DATA, help="towns to check (default: %(default)s)")
    ap.add_argument("--km", type=float, default=60.0, help="largest error that counts as right (default 60)")
    ap.add_argument("--quiet", action="store_true", help="figures only, no list of misses")
    ap.add_argument("--all", action="store_true", help="also the sentences of MORE_SENTENCES")
    args = ap.parse_args(argv)
    lines = [ln for ln in args.file.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    nlp, finder = load_nlp(), PlaceFinder.load()
    sentences = SENTENCES | MORE_SENTENCES | dict([ADJECTIVE_SENTENCE]) if args.all else SENTENCES
    for label, template in sentences.items():
        right = 0
        for row in rows:
            text = template.format(name=row["name"], country=row["country"],
                                   adjective=ADJECTIVES.get(row["country"], row["country"]))
            found = [p for p in finder.find(nlp(text)) if p.text == row["name"] and p.lat is not None]
            km = haversine_km(float(row["lat"]), float(row["lon"]), found[0].lat, found[0].lon) if found else None
            if km is not None and km <= args.km:
                right += 1
            elif not args.quiet:
                where = f"{found[0].name} ({found[0].country}) {km:.0f} km" if found else "not found"
                print(f"  {label}: {row['name']} -> {where}")
        print(f"{label}: {right}/{len(rows)} = {right / len(rows):.1%} within {args.km:.0f} km")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
