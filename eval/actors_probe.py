"""Run the hand-written actor probe (eval/data/actor_probe.jsonl, our own strings) through the resolver.

Each probe line: {"text", "date", "context"?, "country", "sectors", "note", "group"}; country null and
sectors [] mean the text names no actor. Prints country accuracy, sector accuracy (exact set and any
overlap), no-actor precision/recall, per-group figures and the failures.
Usage: python eval/actors_probe.py [PROBE.jsonl] [-q]   (-q: figures only, no failure list)
eval/data/actor_probe_holdout.jsonl is a second set written after the first round of fixes, to see how
far those fixes carry to strings they were not made for.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from wirecoder.coding.actor_batch import parse_on
from wirecoder.coding.actors import ActorResolver

PROBE = Path(__file__).parent / "data" / "actor_probe.jsonl"


@dataclass(frozen=True)
class Outcome:
    case: dict
    country: str | None
    sectors: tuple[str, ...]

    @property
    def want_none(self) -> bool:
        return self.case["country"] is None and not self.case["sectors"]

    @property
    def got_none(self) -> bool:
        return self.country is None and not self.sectors

    @property
    def country_ok(self) -> bool:
        return self.country == self.case["country"]

    @property
    def exact_ok(self) -> bool:
        return set(self.sectors) == set(self.case["sectors"])

    @property
    def overlap_ok(self) -> bool:
        want = set(self.case["sectors"])
        return bool(want & set(self.sectors)) if want else not self.sectors

    @property
    def ok(self) -> bool:
        return self.country_ok and self.exact_ok


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_probe(cases: list[dict], resolver: ActorResolver | None = None) -> list[Outcome]:
    resolver = resolver or ActorResolver.load()
    out = []
    for c in cases:
        ref = resolver.resolve(c["text"], context=c.get("context"), on=parse_on(c.get("date")))
        out.append(Outcome(c, ref.country if ref else None, tuple(ref.sectors) if ref else ()))
    return out


def _pct(num: int, den: int) -> str:
    return f"{num / den:.1%}" if den else "n/a"


def summarise(outcomes: list[Outcome]) -> dict[str, float]:
    n = len(outcomes)
    pred_none = [o for o in outcomes if o.got_none]
    want_none = [o for o in outcomes if o.want_none]
    both = sum(1 for o in pred_none if o.want_none)
    figs = {
        "cases": n,
        "country": sum(o.country_ok for o in outcomes) / n,
        "sectors_exact": sum(o.exact_ok for o in outcomes) / n,
        "sectors_overlap": sum(o.overlap_ok for o in outcomes) / n,
        "country+sectors": sum(o.ok for o in outcomes) / n,
        "none_precision": both / len(pred_none) if pred_none else 0.0,
        "none_recall": both / len(want_none) if want_none else 0.0,
    }
    print(f"cases: {n}")
    print(f"country accuracy:          {figs['country']:.1%}")
    print(f"sectors exact-set:         {figs['sectors_exact']:.1%}")
    print(f"sectors overlap:           {figs['sectors_overlap']:.1%}")
    print(f"country+sectors exact:     {figs['country+sectors']:.1%}")
    print(f"no-actor precision/recall: {_pct(both, len(pred_none))} / {_pct(both, len(want_none))}"
          f"  (predicted {len(pred_none)}, expected {len(want_none)})")
    groups: dict[str, list[Outcome]] = {}
    for o in outcomes:
        groups.setdefault(o.case.get("group", "-"), []).append(o)
    print(f"{'group':<18}{'n':>5}{'country':>9}{'exact':>8}{'both':>8}")
    for g, rows in sorted(groups.items()):
        k = len(rows)
        print(f"{g:<18}{k:>5}{_pct(sum(o.country_ok for o in rows), k):>9}"
              f"{_pct(sum(o.exact_ok for o in rows), k):>8}{_pct(sum(o.ok for o in rows), k):>8}")
    return figs


def print_failures(outcomes: list[Outcome]) -> None:
    bad = [o for o in outcomes if not o.ok]
    print(f"\nfailures ({len(bad)}):")
    for o in bad:
        c = o.case
        ctx = f" ctx={c['context']}" if c.get("context") else ""
        print(f"  [{c.get('group', '-')}] {c['text']!r} ({c.get('date')}{ctx}) -> {o.country} {list(o.sectors)};"
              f" want {c['country']} {c['sectors']}  {c.get('note', '')}")


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("-")]
    cases = load(Path(args[0]) if args else PROBE)
    outcomes = run_probe(cases)
    summarise(outcomes)
    if "-q" not in argv:
        print_failures(outcomes)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
