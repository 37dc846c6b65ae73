#!/usr/bin/env python3
"""Look a place up for annotation: prints candidate points from the OCHA community table,
GeoNames cities500 and the Syrian Archive list, so a coder can pin a gold event.

usage: python3 scripts/corpus/place.py NAME [NAME...] [--admin1 Idlib]
Matching is by folded name (case, accents, the article al-/el-, hyphens, Arabic letter
variants) and by prefix; Arabic names are matched too. Reads ../shared/data where it lies.
"""
import csv, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data"))
AR = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ـ": None})
SUBS = [("kfar", "kafr"), ("tell", "tal"), ("ou", "u"), ("ee", "i"), ("ch", "sh"), ("q", "k"), ("dh", "d"),
        ("dayr", "deir"), ("jebel", "jabal"), ("ei", "i"), ("ai", "a"), ("aa", "a"), ("e", "a"), ("o", "u"), ("y", "i")]


def fold(s):
    s = "".join(c for c in unicodedata.normalize("NFKD", s or "") if not unicodedata.combining(c))
    s = s.translate(AR).lower()
    s = re.sub(r"[`'’‘ʿʾ\-_.,()]", " ", s)
    s = re.sub(r"\b(al|el|an|ar|as|ash|at|ad|az|ath)\s+", "", s)
    s = re.sub(r"^ال", "", s)
    s = re.sub(r"\s+ال", " ", s)
    for a, b in SUBS:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1", r"\1", s)
    return re.sub(r"\s+", "", s).strip()


def rows():
    with open(os.path.join(DATA, "ocha-syria", "syr_communities.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            names = [r["name_en"], r["name_ar"], r["osm_name_en"], r["osm_name_ar"]] + r["alt_names"].split(";")
            yield dict(src="ocha", id=r["pcode"], name=r["name_en"], ar=r["name_ar"], names=names,
                       lat=r["lat"], lon=r["lon"], admin=f"{r['admin1_en']}/{r['admin2_en']}/{r['admin3_en']}",
                       conf=r["confidence"])
    with open(os.path.join(DATA, "geonames", "SY-cities500.txt"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            yield dict(src="geonames", id=c[0], name=c[1], ar="", names=[c[1], c[2]] + c[3].split(","),
                       lat=c[4], lon=c[5], admin=f"admin1 code {c[10]}", conf=f"pop {c[14]}")
    with open(os.path.join(DATA, "syrian-archive", "locations.json"), encoding="utf-8") as f:
        for r in json.load(f):
            yield dict(src="syrian-archive", id=str(r.get("id")), name=(r.get("name") or "").strip(),
                       ar=(r.get("arabic_name") or "").strip(), names=[r.get("name"), r.get("arabic_name")],
                       lat=r.get("latitude"), lon=r.get("longitude"), admin=(r.get("region") or "").strip(), conf="")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    admin = None
    if "--admin1" in sys.argv:
        admin = sys.argv[sys.argv.index("--admin1") + 1].lower()
        args = [a for a in args if a.lower() != admin]
    table = list(rows())
    for q in args:
        fq = fold(q)
        exact, prefix = [], []
        for r in table:
            keys = {fold(n) for n in r["names"] if n}
            if fq in keys:
                exact.append(r)
            elif len(fq) >= 4 and any(k.startswith(fq) for k in keys):
                prefix.append(r)
        hits = exact or prefix[:15]
        if admin:
            hits = [r for r in hits if admin in r["admin"].lower()] or hits
        print(f"== {q} ({'exact' if exact else 'prefix' if prefix else 'nothing'})")
        for r in hits[:25]:
            print(f"  {r['src']:15} {r['id']:8} {r['name']} {r['ar']}  lat={r['lat']} lon={r['lon']}  {r['admin']} {r['conf']}")


if __name__ == "__main__":
    main()
