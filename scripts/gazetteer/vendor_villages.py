#!/usr/bin/env python3
"""Trims the village tables of ../shared/data into crates/gazetteer/data/villages/, the copy
built into frontline's default gazetteer.

usage: python3 scripts/gazetteer/vendor_villages.py [SHARED_DATA_DIR]

Keeps the OCHA communities that have coordinates, with only the columns the gazetteer reads,
and the Syrian Archive locations with only their names, governorate and point. Run it again
when the shared tables change; the licences are in crates/gazetteer/data/villages/README.md.
"""
import csv, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "crates", "gazetteer", "data", "villages")
COLUMNS = ["pcode", "name_en", "name_ar", "osm_name_en", "osm_name_ar", "admin1_en", "admin2_en", "admin3_en",
           "lat", "lon", "other_source_id", "alt_names"]


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "data")
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(shared, "ocha-syria", "syr_communities.csv"), newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["lat"].strip() and r["lon"].strip()]
    with open(os.path.join(OUT, "syr_communities.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow([r[c].strip() for c in COLUMNS])
    with open(os.path.join(shared, "syrian-archive", "locations.json"), encoding="utf-8") as f:
        locations = json.load(f)
    kept = [{k: str(loc.get(k, "")).strip() for k in ("name", "arabic_name", "region", "latitude", "longitude")}
            for loc in locations]
    with open(os.path.join(OUT, "syrian_archive.json"), "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(k, ensure_ascii=False) for k in kept) + "\n]\n")
    print(f"{len(rows)} communities, {len(kept)} Syrian Archive locations written to {OUT}")


if __name__ == "__main__":
    main()
