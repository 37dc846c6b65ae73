#!/usr/bin/env python3
"""Inter-coder agreement on the reports of corpus/ that were coded twice.

usage: python3 scripts/corpus/agreement.py [--json]

The first coding (corpus/gold/<id>.jsonl) is read as the gold and the second
(corpus/second/<id>.jsonl) as a system's predictions, and they are matched with the matching
of ../shared/tools/score.py itself (same sub-event type, within the gold radius, or naming the
place; overlapping windows). A second-coding event marked `required: false` that matches
nothing is not counted against it. Prints precision, recall and F1 in total and per language,
the accuracy of actor1 (the second coder's first id among the first coder's ids) and of the
toll on matched events, and the disagreements.
"""
import collections, glob, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "corpus"))
sys.path.insert(0, os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "tools")))
from score import matches  # noqa: E402  (the one matching rule, shared with the scorer)


def read(path):
    return [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]


def as_prediction(e):
    """A coded event in the shape score.py expects of a prediction."""
    t = e["sub_event_type"]
    actors = e.get("actor1_id") or [None]
    return dict(sub_event_type=t[0] if isinstance(t, list) else t, latitude=e.get("lat"), longitude=e.get("lon"),
                mention=e.get("mention"), location=e.get("location"), date_start=e["date_start"],
                date_end=e["date_end"], actor1_id=actors[0], fatalities=e.get("fatalities"),
                required=e.get("required", True))


def main():
    languages = {}
    for line in open(os.path.join(CORPUS, "articles.jsonl"), encoding="utf-8"):
        if line.strip():
            a = json.loads(line)
            languages[a["id"]] = a["language"]
    totals = collections.defaultdict(lambda: collections.Counter())
    disagreements = []
    coded = sorted(glob.glob(os.path.join(CORPUS, "second", "*.jsonl")))
    for path in coded:
        aid = os.path.splitext(os.path.basename(path))[0]
        first = read(os.path.join(CORPUS, "gold", f"{aid}.jsonl"))
        second = [as_prediction(e) for e in read(path)]
        used = set()
        c = collections.Counter(reports=1)
        for g in sorted(first, key=lambda g: not g["required"]):
            hit = next((i for i, p in enumerate(second) if i not in used and matches(g, p)), None)
            if hit is None:
                if g["required"]:
                    c["fn"] += 1
                    disagreements.append(f"{aid}: only the first coding has {g['sub_event_type']} @ {g['location']} {g['date_start']}..{g['date_end']}")
                continue
            used.add(hit)
            p = second[hit]
            c["tp" if g["required"] else "optional"] += 1
            c["found"] += 1
            c["actor_ok"] += p["actor1_id"] in g["actor1_id"]
            if g.get("fatalities") is not None and p.get("fatalities") is not None:
                c["toll_checked"] += 1
                c["toll_ok"] += g["fatalities"] == p["fatalities"]
        for i, p in enumerate(second):
            if i not in used and p["required"]:
                c["fp"] += 1
                disagreements.append(f"{aid}: only the second coding has {p['sub_event_type']} @ {p['location']} {p['date_start']}..{p['date_end']}")
        for key in ("all", languages.get(aid, "?")):
            totals[key].update(c)
    out = {}
    for key, c in sorted(totals.items()):
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[key] = dict(reports=c["reports"], tp=c["tp"], fp=c["fp"], fn=c["fn"], precision=round(p, 3),
                        recall=round(r, 3), f1=round(f, 3),
                        actor1_agreement=round(c["actor_ok"] / c["found"], 3) if c["found"] else None,
                        toll_agreement=round(c["toll_ok"] / c["toll_checked"], 3) if c["toll_checked"] else None)
    if "--json" in sys.argv:
        print(json.dumps(dict(agreement=out, disagreements=disagreements), ensure_ascii=False, indent=1))
        return
    for d in disagreements:
        print(d)
    for key, v in out.items():
        print(f"{key:4} reports={v['reports']} tp={v['tp']} fp={v['fp']} fn={v['fn']} precision={v['precision']} "
              f"recall={v['recall']} f1={v['f1']} actor1={v['actor1_agreement']} toll={v['toll_agreement']}")


if __name__ == "__main__":
    main()
