#!/usr/bin/env python3
"""Gives part of the corpus the shapes real inputs come in (run once, before coding ends).

A report is chosen by its id's hash, so that the choice is fixed and no one picks:
- about 15 % are hard-wrapped at 72 columns, as a wire feed delivers text (words unchanged);
- about 10 % become web pages: the same text as paragraphs of an <article>, inside a page
  with a site menu, a "read also" list linking other reports' headlines, and a footer, all
  written here, so that a reader must find the main text and ignore the rest.
The report's `file` and `note` in its index (or staging) line are updated. Idempotent: run
`finalize.py` after it.
"""
import glob, hashlib, html, json, os, textwrap

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "corpus"))
READ_ALSO = {"ar": "اقرأ أيضا", "fr": "Lire aussi", "en": "Read also"}
MENU = {"ar": ["الرئيسية", "سوريا", "العالم", "اقتصاد", "رياضة"], "fr": ["Accueil", "Monde", "Moyen-Orient", "Économie", "Sport"],
        "en": ["Home", "World", "Middle East", "Business", "Sport"]}
FOOTER = {"ar": "جميع الحقوق محفوظة", "fr": "Tous droits réservés", "en": "All rights reserved"}


def shape_of(article_id):
    b = hashlib.sha256(article_id.encode("utf-8")).digest()[4]
    return "wrapped" if b < 38 else "html" if b < 64 else "plain"


def wrap(text):
    out = []
    for line in text.split("\n"):
        out.extend(textwrap.wrap(line, 72, break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def breaks_inside_sentences(text):
    """Whether a line after the title ends mid-sentence: no closing mark, and the next line goes
    on with no capital (a lower-case letter, or a letter of a script without capitals)."""
    lines = [l.strip() for l in text.split("\n")][1:]
    return any(
        a and b and a[-1] not in ".!?:؟»\"”)'" and b[0].isalpha() and not b[0].isupper()
        for a, b in zip(lines, lines[1:])
    )


def page(text, language, others):
    lines = [l.strip() for l in text.split("\n") if l.strip()]
    title, body = lines[0], lines[1:]
    direction = ' dir="rtl"' if language == "ar" else ""
    menu = "".join(f'<li><a href="/{i}">{html.escape(m)}</a></li>' for i, m in enumerate(MENU[language]))
    also = "".join(f'<li><a href="/news/{i}">{html.escape(o, quote=False)}</a></li>' for i, o in enumerate(others))
    paragraphs = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in body)
    return (f'<!DOCTYPE html>\n<html lang="{language}"{direction}>\n<head><meta charset="utf-8">'
            f"<title>{html.escape(title, quote=False)}</title></head>\n<body>\n<header><nav><ul>{menu}</ul></nav></header>\n"
            f"<main><article>\n<h1>{html.escape(title, quote=False)}</h1>\n{paragraphs}\n</article>\n"
            f"<aside><h2>{READ_ALSO[language]}</h2><ul>{also}</ul></aside></main>\n"
            f"<footer><p>© {FOOTER[language]}</p></footer>\n</body>\n</html>\n")


def main():
    rows = {}
    paths = [os.path.join(ROOT, "articles.jsonl")] + sorted(glob.glob(os.path.join(ROOT, "staging", "*.jsonl")))
    for path in (p for p in paths if os.path.isfile(p)):
        rows[path] = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    headlines = {}
    for lines in rows.values():
        for r in lines:
            p = os.path.join(ROOT, r["file"])
            if os.path.isfile(p) and p.endswith(".txt"):
                first = next((l.strip() for l in open(p, encoding="utf-8") if l.strip()), "")
                headlines.setdefault(r["language"], []).append((r["id"], first[:120]))
    for path, lines in rows.items():
        for r in lines:
            shape = shape_of(r["id"])
            src = os.path.join(ROOT, r["file"])
            if shape == "plain" or not src.endswith(".txt") or not os.path.isfile(src):
                continue
            text = open(src, encoding="utf-8").read()
            note = r.get("note", "")
            if shape == "wrapped":
                # Wrapped once already: wrapping again may move words and repeat the note.
                if "hard-wrapped here" in note:
                    continue
                wrapped = wrap(text)
                if wrapped != text:
                    open(src, "w", encoding="utf-8").write(wrapped)
                    r["note"] = (note + "; " if note else "") + "hard-wrapped here at 72 columns, as a wire feed gives text (words unchanged)"
            elif breaks_inside_sentences(text):
                # A page makes each line a paragraph: a copy whose lines break inside its
                # sentences would have them split, and its evidence no longer found.
                continue
            else:
                same = [h for i, h in headlines.get(r["language"], []) if i != r["id"]]
                h = int(hashlib.sha256(r["id"].encode()).hexdigest()[8:16], 16)
                others = [same[(h + k * 7919) % len(same)] for k in range(4)] if same else []
                dst = src[:-4] + ".html"
                open(dst, "w", encoding="utf-8").write(page(text, r["language"], others))
                os.remove(src)
                r["file"] = r["file"][:-4] + ".html"
                r["note"] = (note + "; " if note else "") + "served here as a web page: the report's text in an <article>, with a menu, a read-also list of other reports' headlines and a footer written here"
        with open(path, "w", encoding="utf-8") as out:
            for r in lines:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
