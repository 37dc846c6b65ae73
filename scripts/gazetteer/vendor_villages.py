#!/usr/bin/env python3
"""Trims the village tables of ../shared/data into crates/gazetteer/data/villages/, the copy
built into frontline's default gazetteer.

usage: python3 scripts/gazetteer/vendor_villages.py [SHARED_DATA_DIR]

Keeps the OCHA communities that have coordinates, with only the columns the gazetteer reads,
and the Syrian Archive locations with only their names, governorate and point.

A community's table joined other sources to it by name (its README, "Method"). Where the
source's own point lies more than DOUBTFUL_JOIN_KM from the community's, the join named two
different places (the Arabic name of Hama given to the hamlet Humi, 66 km away): the names
and the GeoNames link that join brought are not kept, and the other source's place stays a
place of its own. Run it again
when the shared tables change; the licences are in crates/gazetteer/data/villages/README.md.
"""
import csv, json, math, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "crates", "gazetteer", "data", "villages")
COLUMNS = ["pcode", "name_en", "name_ar", "osm_name_en", "osm_name_ar", "admin1_en", "admin2_en", "admin3_en",
           "lat", "lon", "other_source_id", "alt_names"]

# Two points of one village, taken by different surveys, lie within a few km of each other.
DOUBTFUL_JOIN_KM = 5.0


def km(a, b):
    rad = math.pi / 180
    h = (math.sin((b[0] - a[0]) * rad / 2) ** 2
         + math.cos(a[0] * rad) * math.cos(b[0] * rad) * math.sin((b[1] - a[1]) * rad / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))


def point(lat, lon):
    try:
        return float(lat), float(lon)
    except ValueError:
        return None


def fold(name):
    return " ".join(name.lower().replace("-", " ").split())


def drop_doubtful_joins(row, archive, geonames):
    """Removes from a community the names and link of a joined source whose point is far."""
    here = point(row["lat"], row["lon"])
    source, _, ident = row["other_source_id"].partition(":")
    there = None
    if source == "syrianarchive" and ident.isdigit() and int(ident) in archive:
        loc = archive[int(ident)]
        there = point(loc["latitude"], loc["longitude"])
        borrowed = {fold(loc["name"]), fold(loc["arabic_name"])}
    elif source == "geonames" and ident in geonames:
        there, borrowed = geonames[ident]
    if here is None or there is None or km(here, there) <= DOUBTFUL_JOIN_KM:
        return 0
    if source == "syrianarchive" and row["name_ar_source"] == "syrian_archive":
        row["name_ar"] = ""
    row["alt_names"] = ";".join(a for a in row["alt_names"].split(";") if fold(a) not in borrowed)
    row["other_source_id"] = ""
    return 1


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "data")
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(shared, "ocha-syria", "syr_communities.csv"), newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["lat"].strip() and r["lon"].strip()]
    with open(os.path.join(shared, "syrian-archive", "locations.json"), encoding="utf-8") as f:
        locations = json.load(f)
    archive = {loc["id"]: loc for loc in locations if isinstance(loc.get("id"), int)}
    geonames = {}
    with open(os.path.join(shared, "geonames", "SY-cities500.txt"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            names = {fold(cols[1]), fold(cols[2])} | {fold(a) for a in cols[3].split(",") if a}
            geonames[cols[0]] = (point(cols[4], cols[5]), names)
    dropped = sum(drop_doubtful_joins(r, archive, geonames) for r in rows)
    with open(os.path.join(OUT, "syr_communities.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow([r[c].strip() for c in COLUMNS])
    kept = [{k: str(loc.get(k, "")).strip() for k in ("name", "arabic_name", "region", "latitude", "longitude")}
            for loc in locations]
    with open(os.path.join(OUT, "syrian_archive.json"), "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(k, ensure_ascii=False) for k in kept) + "\n]\n")
    print(f"{len(rows)} communities ({dropped} doubtful joins undone), {len(kept)} Syrian Archive locations "
          f"written to {OUT}")


if __name__ == "__main__":
    main()
