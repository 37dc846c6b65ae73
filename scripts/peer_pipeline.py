#!/usr/bin/env python3
"""The peer system for scripts/peer-bench.sh: spaCy's small English model (NER, GPE/LOC
entities) plus geotext's city list, run over the same text frontline reads.

usage:
  peer_pipeline.py throughput CORPUS.jsonl --model NAME [--limit N]
      times the peer over the articles' "text" (JSON Lines as frontline-bench generates
      them) and prints {"articles", "text_bytes", "cpu_s", "wall_s"} as JSON.
  peer_pipeline.py recall PLACES.jsonl GOLD_DIR SCORE_PY --model NAME
      PLACES.jsonl is `frontline-bench places` output (article id, language, text and the
      places frontline found); prints, for frontline and for the peer, the share of gold
      locations each found in the article text, names folded as score.py folds them.
"""
import argparse
import glob
import importlib.util
import json
import os
import sys
import time


def load_model(name):
    import spacy

    # Only the entity recogniser: the fastest configuration that still finds GPE/LOC.
    nlp = spacy.load(name, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    return nlp


def peer_places(nlp, texts):
    """Per text, the GPE/LOC entities spaCy finds plus the cities geotext finds."""
    from geotext import GeoText

    out = []
    for doc, text in zip(nlp.pipe(texts, batch_size=32), texts):
        names = [e.text for e in doc.ents if e.label_ in ("GPE", "LOC")]
        names += GeoText(text).cities
        out.append(names)
    return out


def throughput(args):
    texts = []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            a = json.loads(line)
            if a.get("text") is None:
                continue
            texts.append(a["text"])
            if len(texts) >= args.limit:
                break
    from geotext import GeoText

    nlp = load_model(args.model)
    # Warm up on one article so that lazy loading is not timed.
    peer_places(nlp, texts[:1])
    cpu0, wall0 = time.process_time(), time.perf_counter()
    found = peer_places(nlp, texts)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    # The two parts apart, to see which costs what.
    cpu1 = time.process_time()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    cpu2 = time.process_time()
    for t in texts:
        GeoText(t)
    cpu3 = time.process_time()
    print(json.dumps(dict(
        articles=len(texts),
        text_bytes=sum(len(t.encode("utf-8")) for t in texts),
        places=sum(len(p) for p in found),
        cpu_s=cpu,
        wall_s=wall,
        spacy_cpu_s=cpu2 - cpu1,
        geotext_cpu_s=cpu3 - cpu2,
    )))


def recall(args):
    spec = importlib.util.spec_from_file_location("score", args.score_py)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    fold = score.fold

    articles = {}
    with open(args.places, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                articles[a["article"]] = a
    gold = []
    for path in sorted(glob.glob(os.path.join(args.gold, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            gold += [json.loads(l) for l in f if l.strip()]
    wanted = {}  # article -> folded gold locations (each counted once)
    for g in gold:
        wanted.setdefault(g["article"], {})[fold(g["location"])] = g["location"]
    ids = sorted(a for a in wanted if a in articles)
    missing = sorted(a for a in wanted if a not in articles)
    nlp = load_model(args.model)
    peer = dict(zip(ids, peer_places(nlp, [articles[a]["text"] for a in ids])))
    result = {"articles": {}, "missing_articles": missing}
    totals = {"frontline": 0, "peer": 0, "gold": 0}
    for a in ids:
        ours = {fold(p) for p in articles[a]["places"]}
        theirs = {fold(p) for p in peer[a]}
        locations = wanted[a]
        hit_ours = sorted(n for k, n in locations.items() if k in ours)
        hit_theirs = sorted(n for k, n in locations.items() if k in theirs)
        result["articles"][a] = dict(
            language=articles[a]["language"],
            gold_locations=len(locations),
            frontline=len(hit_ours),
            peer=len(hit_theirs),
            frontline_missed=sorted(n for k, n in locations.items() if k not in ours),
            peer_missed=sorted(n for k, n in locations.items() if k not in theirs),
        )
        totals["gold"] += len(locations)
        totals["frontline"] += len(hit_ours)
        totals["peer"] += len(hit_theirs)
    result["frontline_recall"] = totals["frontline"] / totals["gold"] if totals["gold"] else 0.0
    result["peer_recall"] = totals["peer"] / totals["gold"] if totals["gold"] else 0.0
    result["gold_locations"] = totals["gold"]
    print(json.dumps(result, ensure_ascii=False))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("throughput")
    t.add_argument("corpus")
    t.add_argument("--model", required=True)
    t.add_argument("--limit", type=int, default=200)
    r = sub.add_parser("recall")
    r.add_argument("places")
    r.add_argument("gold")
    r.add_argument("score_py")
    r.add_argument("--model", required=True)
    args = parser.parse_args()
    {"throughput": throughput, "recall": recall}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
