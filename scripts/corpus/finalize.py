#!/usr/bin/env python3
"""Builds corpus/articles.jsonl from the coders' staging files and checks the whole corpus.

usage: python3 scripts/corpus/finalize.py [--check]

- adds the reports of corpus/staging/*.jsonl (one line a report, written by each coder while
  coding) to corpus/articles.jsonl, sorted by id, with each report's split
  (docs/annotation.md §9);
- checks every report: its text and gold files exist, its date and language, its gold lines
  (types, actor ids, dates, points, required fields);
- locates each gold event's evidence_text in the text (white space compared loosely) and
  writes its character offsets as `evidence`;
- prints the counts the corpus issue asks for: reports per language and split, reports per
  sub-event type, reports without events, years, governorates-as-sources, outlets.
With --check nothing is written: it exits 1 when anything is wrong (CI runs it that way).
"""
import collections, datetime, glob, hashlib, html, json, os, re, sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "corpus"))
TYPES = {
    "Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Government regains territory",
    "Non-state actor overtakes territory", "Non-violent transfer of territory", "Attack",
    "Remote explosive/landmine/IED", "Suicide bomb", "Abduction/forced disappearance", "Disrupted weapons use",
    "Arrests", "Looting/property destruction", "Peaceful protest", "Protest with intervention", "Agreement",
    "Displacement", "Other",
}
ACTORS = {"SYR_GOV", "RUS", "HTS", "OPP", "TUR", "IRN", "HEZ", "ISIS", "SDF", "USA", "ISR", "CIV", "SCD", "PROT", None}
LANGUAGES = {"ar", "fr", "en"}
INDEX_KEYS = ("id", "file", "language", "published", "source", "url", "split")


def split_of(article_id):
    head = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:8], 16)
    return "dev" if head % 100 < 70 else "test"


def is_date(s):
    try:
        return isinstance(s, str) and len(s) == 10 and bool(datetime.date.fromisoformat(s))
    except ValueError:
        return False


def locate(text, quote, is_html=False):
    """Character offsets [start, end) of `quote` in `text`, white space matched loosely, or None.
    In a web page the quote is looked for as the page escapes it (`>>` as `&gt;&gt;`)."""
    if is_html:
        quote = html.escape(quote, quote=False)
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, text)
    if not m:
        # Typographic quotes and apostrophes copied as straight ones, or the reverse.
        loose = pattern
        for a, b in (("'", "['’‘]"), ("’", "['’‘]"), ('"', '["“”«»]'), ("“", '["“”]'), ("”", '["“”]')):
            loose = loose.replace(re.escape(a), b)
        m = re.search(loose, text)
    return [m.start(), m.end()] if m else None


def load_rows():
    """The index as it stands, then the lines of new reports in staging/ (one file a coder)."""
    rows, seen_ids, seen_urls, problems, rows_by_id = [], set(), {}, [], {}
    index = os.path.join(ROOT, "articles.jsonl")
    paths = ([index] if os.path.isfile(index) else []) + sorted(glob.glob(os.path.join(ROOT, "staging", "*.jsonl")))
    for path in paths:
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{path}:{n}: not JSON: {e}")
                continue
            if row.get("id") in seen_ids:
                if path != index and row.get("url") != rows_by_id.get(row.get("id"), {}).get("url"):
                    problems.append(f"{path}:{n}: id {row.get('id')} given twice; the later is dropped")
                continue
            url = (row.get("url") or "").strip()
            if url in seen_urls:
                problems.append(f"{path}:{n}: {row.get('id')} repeats the url of {seen_urls[url]}; dropped")
                continue
            seen_ids.add(row.get("id"))
            seen_urls[url] = row.get("id")
            rows.append(row)
            rows_by_id[row.get("id")] = row
    return rows, problems


def check_gold(article, text, problems):
    """The gold lines of one report, with evidence offsets filled in."""
    path = os.path.join(ROOT, "gold", f"{article['id']}.jsonl")
    if not os.path.isfile(path):
        problems.append(f"{path}: missing")
        return None
    events = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            g = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not JSON: {e}")
            continue
        if g.get("article") != article["id"]:
            problems.append(f"{where}: article {g.get('article')!r} is not {article['id']!r}")
        types = g.get("sub_event_type")
        for t in types if isinstance(types, list) else [types]:
            if t not in TYPES:
                problems.append(f"{where}: unknown sub_event_type {t!r}")
        actors = g.get("actor1_id")
        if not isinstance(actors, list) or not actors:
            problems.append(f"{where}: actor1_id must be a non-empty list")
        else:
            for a in actors:
                if a not in ACTORS:
                    problems.append(f"{where}: unknown actor id {a!r}")
        actor2 = g.get("actor2_id")
        if any(a not in ACTORS for a in (actor2 if isinstance(actor2, list) else [actor2])):
            problems.append(f"{where}: unknown actor2_id {actor2!r}")
        if not (is_date(g.get("date_start")) and is_date(g.get("date_end"))) or g["date_start"] > g["date_end"]:
            problems.append(f"{where}: bad window {g.get('date_start')}..{g.get('date_end')}")
        elif g["date_end"] > article["published"]:
            problems.append(f"{where}: window ends after publication ({g['date_end']} > {article['published']})")
        if (g.get("lat") is None) != (g.get("lon") is None):
            problems.append(f"{where}: lat and lon must be both given or both null")
        elif g.get("lat") is not None and not (32.0 <= g["lat"] <= 37.6 and 35.5 <= g["lon"] <= 42.5):
            problems.append(f"{where}: point {g['lat']},{g['lon']} is not in Syria")
        if not isinstance(g.get("required"), bool):
            problems.append(f"{where}: required must be true or false")
        if not g.get("location"):
            problems.append(f"{where}: no location")
        quotes = g.get("evidence_text") or []
        if isinstance(quotes, str):
            quotes = [quotes]
        spans = []
        for q in quotes:
            span = locate(text, q, article["file"].endswith(".html"))
            if span is None:
                problems.append(f"{where}: evidence not found in the text: {q[:80]!r}")
            else:
                spans.append(span)
        if not quotes:
            problems.append(f"{where}: no evidence_text")
        g["evidence_text"] = quotes
        g["evidence"] = spans
        events.append(g)
    return events


def main():
    check_only = "--check" in sys.argv
    rows, problems = load_rows()
    index, golds = [], {}
    for row in rows:
        aid = row.get("id", "")
        if not re.fullmatch(r"[a-z]{2}-\d{4}-\d{2}-\d{2}-[a-z0-9-]+", aid or ""):
            problems.append(f"staging: bad id {aid!r}")
        if row.get("language") not in LANGUAGES:
            problems.append(f"{aid}: language {row.get('language')!r}")
        if not is_date(row.get("published")):
            problems.append(f"{aid}: publication date {row.get('published')!r}")
            continue
        if not row.get("url") or not row.get("source"):
            problems.append(f"{aid}: url and source are required")
        text_path = os.path.join(ROOT, row.get("file", ""))
        if not os.path.isfile(text_path):
            problems.append(f"{text_path}: missing")
            continue
        text = open(text_path, encoding="utf-8").read()
        article = {k: row.get(k) for k in INDEX_KEYS}
        article["split"] = split_of(aid)
        for k in ("date_from", "note"):
            if row.get(k):
                article[k] = row[k]
        gold = check_gold(article, text, problems)
        if gold is None:
            continue
        index.append(article)
        golds[aid] = gold
    index.sort(key=lambda a: a["id"])
    report(index, golds)
    for p in problems:
        print("problem:", p)
    if check_only:
        sys.exit(1 if problems else 0)
    with open(os.path.join(ROOT, "articles.jsonl"), "w", encoding="utf-8") as out:
        for a in index:
            out.write(json.dumps(a, ensure_ascii=False) + "\n")
    for aid, gold in golds.items():
        with open(os.path.join(ROOT, "gold", f"{aid}.jsonl"), "w", encoding="utf-8") as out:
            for g in gold:
                out.write(json.dumps(g, ensure_ascii=False) + "\n")
    print(f"wrote {len(index)} reports to corpus/articles.jsonl; {len(problems)} problems")


def report(index, golds):
    by_lang = collections.Counter((a["language"], a["split"]) for a in index)
    print("reports:", len(index))
    for lang in sorted(LANGUAGES):
        print(f"  {lang}: {by_lang[(lang, 'dev')] + by_lang[(lang, 'test')]} (dev {by_lang[(lang, 'dev')]}, test {by_lang[(lang, 'test')]})")
    per_type = collections.Counter()
    events = collections.Counter()
    for aid, gold in golds.items():
        kinds = set()
        for g in gold:
            t = g["sub_event_type"]
            for x in (t if isinstance(t, list) else [t]):
                kinds.add(x)
                events[x] += 1
        per_type.update(kinds)
    print("reports containing each sub-event type (events):")
    for t in sorted(TYPES):
        print(f"  {t:40} {per_type[t]:4} ({events[t]})")
    print("reports with no event:", sum(1 for g in golds.values() if not g))
    print("gold events:", sum(len(g) for g in golds.values()))
    years = collections.Counter(a["published"][:4] for a in index)
    print("years:", " ".join(f"{y}:{n}" for y, n in sorted(years.items())))
    sources = collections.Counter(a["source"] for a in index)
    print("outlets:", len(sources))


if __name__ == "__main__":
    main()
