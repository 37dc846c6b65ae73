#!/usr/bin/env bash
# Load test of the API on loopback with wrk: starts the release demo server over a fresh
# store, posts the sample reports, ../shared/corpus (when present) and a synthetic feed of
# short reports (fixed seed), then runs wrk for DURATION (default 10s) against a few reads.
#
#   bash crates/api/bench/wrk.sh            # from the repository root; needs wrk and python3
#   DURATION=5s CONNECTIONS=8 bash crates/api/bench/wrk.sh
#
# Traffic goes to 127.0.0.1 only, bounded by wrk's duration.
set -euo pipefail
cd "$(dirname "$0")/../../.."

duration="${DURATION:-10s}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-2}"
articles="${ARTICLES:-400}"
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)" >&2; exit 1; }

target="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
cargo build --release -p frontline-api --example demo_server >&2
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -INT "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$target/release/examples/demo_server" --db "$work/bench.db" --addr 127.0.0.1:0 >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 1 600); do
  grep -q "listening on" "$work/server.out" 2>/dev/null && break
  sleep 0.1
done
base="$(sed -n 's#^listening on \(http://[^/]*\)/$#\1#p' "$work/server.out")"
[ -n "$base" ] || { echo "the server did not start" >&2; cat "$work/server.err" >&2; exit 1; }

# The feed: samples, the shared corpus, and synthetic reports over 2020-2024.
python3 - "$work/feed.jsonl" "$articles" <<'EOF'
import datetime, json, os, random, sys
out, count = sys.argv[1], int(sys.argv[2])
lines = []
for folder in ["crates/cli/samples", "../shared/corpus", "../shared/corpus/unlabeled"]:
    index = os.path.join(folder, "articles.jsonl")
    if not os.path.exists(index):
        continue
    for line in open(index, encoding="utf-8"):
        if line.strip():
            meta = json.loads(line)
            text = open(os.path.join(folder, meta["file"]), encoding="utf-8").read()
            lines.append({"id": meta["id"], "text": text, "language": meta.get("language"),
                          "published": meta.get("published"), "source": meta.get("source")})
towns = ["Ariha", "Sarmin", "Saraqib", "Binnish", "Taftanaz", "Kafranbel", "Khan Shaykhun",
         "Jisr al-Shughur", "Atarib", "Sarmada", "Maarat al-Numan", "Kafr Zita", "Latamneh",
         "Morek", "Anadan", "Hreitan", "Tal Rifaat", "Azaz", "Manbij", "Douma", "Harasta",
         "Bosra", "Nawa", "Talbiseh", "Rastan"]
templates = [
    "Russian warplanes struck the town of {t} on {d}, killing {n} civilians, the White Helmets said.",
    "Regime artillery shelled the town of {t} on {d}, killing {n} people, local sources said.",
    "Syrian government forces on {d} recaptured the town of {t} after heavy fighting with opposition factions, a war monitor said.",
    "Opposition fighters on {d} took control of the town of {t}, the Observatory said.",
]
rng = random.Random(8)
start = datetime.date(2020, 1, 1)
for i in range(count):
    published = start + datetime.timedelta(days=rng.randrange(5 * 365))
    day = (published - datetime.timedelta(days=1)).strftime("%A")
    sentences = [rng.choice(templates).format(t=rng.choice(towns), d=day, n=rng.randrange(1, 30))
                 for _ in range(rng.randrange(1, 3))]
    lines.append({"id": f"synthetic-{i:04d}", "text": " ".join(sentences), "language": "en",
                  "published": published.isoformat(), "source": "synthetic (load test)"})
with open(out, "w", encoding="utf-8") as f:
    for line in lines:
        f.write(json.dumps(line, ensure_ascii=False) + "\n")
EOF
curl -sS -o "$work/ingest.json" -w "ingest: HTTP %{http_code} in %{time_total}s\n" \
  -H 'Content-Type: application/x-ndjson' --data-binary "@$work/feed.jsonl" "$base/api/articles"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("stored", r["stored"], "articles,", r["events"], "events")' "$work/ingest.json"
curl -sS "$base/api/events?limit=1" | python3 -c 'import json,sys; print("events in store:", json.load(sys.stdin)["total"])'
curl -sS "$base/api/events?limit=1&merged=true" | python3 -c 'import json,sys; print("merged events:", json.load(sys.stdin)["total"])'

run() {
  echo
  echo "== GET $1"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$base$1"
}
run "/api/events"
run "/api/events?merged=true&limit=100"
run "/api/events?merged=true&since=2022-01-01&until=2022-12-31&type=Air%2Fdrone%20strike"
run "/api/events?merged=true&limit=100&format=geojson"
run "/api/control?at=2023-06-30"
