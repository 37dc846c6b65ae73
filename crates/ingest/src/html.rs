//! The readable text of a news page: one streaming pass over html5gum's tokens with an
//! explicit, capped stack of open elements (no DOM, no recursion), dropping boilerplate.

use std::mem::take;

use chrono::NaiveDate;
use html5gum::{DefaultEmitter, Emitter, ForwardingEmitter, StartTag, Token, Tokenizer};
use rustc_hash::FxHashMap;

use crate::metadata::{normalise_language, parse_date};

/// What a page yields: its main text, one paragraph a line, and what its markup says of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlDocument {
    pub text: String,
    /// From `<title>`, else the first `<h1>` (preferably one inside `<article>`/`<main>`).
    pub title: Option<String>,
    /// From `<html lang>`, reduced to its primary subtag.
    pub language: Option<String>,
    /// From `article:published_time`, `datePublished` (meta, `<time>` or JSON-LD) or `date`.
    pub published: Option<NaiveDate>,
}

/// Extracts the main text and page metadata. When the class/id rules leave nothing (a site
/// that puts "has-sidebar" on a wrapper of everything), the pass is redone without them:
/// some boilerplate beats losing the article.
pub fn html_main_text(html: &str) -> HtmlDocument {
    let strict = Extractor::new(true).run(html);
    if !strict.text.is_empty() {
        return strict;
    }
    let loose = Extractor::new(false).run(html);
    HtmlDocument { text: loose.text, ..strict }
}

/// Open elements beyond this depth are not tracked: their text still counts, under the
/// deepest tracked element. Keeps memory and sibling searches bounded on hostile input.
const MAX_DEPTH: usize = 512;
/// How far down the stack a start tag looks for an open sibling it implicitly closes.
const MAX_SIBLING_SEARCH: usize = 128;
/// A block whose letters are at least this share link text is a link list or a teaser.
const LINK_SHARE: f64 = 0.9;

/// Elements that are never article text, whatever their content.
const DROPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "figure",
    "figcaption",
];

/// Substrings of class/id values that mark page furniture. Compared after lower-casing and
/// removing '-' and '_', so "read-also", "read_also" and "readAlso" all match "readalso".
const BOILERPLATE_MARKERS: &[&str] = &[
    "comment",
    "menu",
    "nav",
    "share",
    "social",
    "related",
    "sidebar",
    "footer",
    "header",
    "caption",
    "breadcrumb",
    "widget",
    "advert",
    "promo",
    "newsletter",
    "cookie",
    "subscribe",
    "readalso",
    "lireaussi",
];

/// ARIA roles of page furniture, for sites that mark structure with roles instead of tags.
const BOILERPLATE_ROLES: &[&str] = &["navigation", "banner", "contentinfo", "complementary"];

/// Class tokens that describe a state of the page ("has-sidebar", "no-comments") rather
/// than what the element is; they sit on wrappers of the whole article.
const MODIFIER_PREFIXES: &[&str] = &["has-", "no-", "with-", "is-", "has_", "no_", "with_", "is_"];

/// Containers whose class/id is never a reason to drop them: dropping one loses the page.
const NEVER_DROPPED_BY_ATTRIBUTES: &[&str] = &["html", "body", "article", "main"];

/// Elements that end a line of output.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "br",
    "hr",
    "article",
    "section",
    "main",
    "blockquote",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "pre",
    "address",
    "details",
    "summary",
    "body",
    "html",
    "header",
    "footer",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "form",
    "title",
];

/// Elements that never have content or an end tag, so are never pushed.
const VOID_TAGS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"];

/// Phrases that open a "read also" teaser paragraph, which usually holds a single link
/// plus this label (so falls short of the link share on its own).
const TEASER_OPENERS: &[&str] = &[
    "read also",
    "also read",
    "read more",
    "see also",
    "related:",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lire également",
    "à lire également",
    "voir aussi",
    "lesen sie auch",
    "اقرأ أيضا",
    "اقرأ أيضاً",
];

/// One open element.
struct Frame {
    name: String,
    /// This element or an ancestor is boilerplate: its text is not kept.
    skip: bool,
    /// Counts toward `main_depth` (a kept `<article>` or `<main>`).
    main: bool,
}

/// The text gathered since the last line break.
#[derive(Default)]
struct Block {
    text: String,
    letters: usize,
    link_letters: usize,
    /// The block started inside a kept `<article>`/`<main>`.
    in_main: bool,
}

impl Block {
    fn is_link_list(&self) -> bool {
        self.link_letters > 0
            && (self.link_letters as f64 >= LINK_SHARE * self.letters as f64 || starts_with_teaser(&self.text))
    }
}

fn starts_with_teaser(text: &str) -> bool {
    let lower = text.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    TEASER_OPENERS.iter().any(|p| lower.starts_with(p))
}

/// Candidate publication dates, best source first.
#[derive(Default)]
struct Published([Option<NaiveDate>; 3]);

impl Published {
    const OPEN_GRAPH: usize = 0;
    const SCHEMA_ORG: usize = 1;
    const PLAIN: usize = 2;

    fn offer(&mut self, rank: usize, raw: &str) {
        if self.0[rank].is_none() {
            self.0[rank] = parse_date(raw);
        }
    }

    fn best(&self) -> Option<NaiveDate> {
        self.0.iter().flatten().next().copied()
    }
}

struct Extractor {
    class_rules: bool,
    stack: Vec<Frame>,
    /// How many frames of each name are open, so a stray end tag costs no stack search.
    open_counts: FxHashMap<String, usize>,
    /// Open `<a>` elements: text inside counts as link text.
    link_depth: usize,
    /// Open kept `<article>`/`<main>` elements.
    main_depth: usize,
    saw_main: bool,
    block: Block,
    /// Every kept line, each marked when it lies in the main element: one copy of the text,
    /// not one per candidate (a page may be tens of megabytes).
    lines: Vec<(String, bool)>,
    /// Whether any kept line lies in the main element.
    any_main_line: bool,
    /// Collects text while a `<title>` / `<h1>` / JSON-LD script is open.
    title_buf: Option<String>,
    h1_buf: Option<(String, bool)>,
    ld_json_buf: Option<String>,
    title: Option<String>,
    h1_any: Option<String>,
    h1_main: Option<String>,
    language: Option<String>,
    published: Published,
}

impl Extractor {
    fn new(class_rules: bool) -> Self {
        Extractor {
            class_rules,
            stack: Vec::new(),
            open_counts: FxHashMap::default(),
            link_depth: 0,
            main_depth: 0,
            saw_main: false,
            block: Block::default(),
            lines: Vec::new(),
            any_main_line: false,
            title_buf: None,
            h1_buf: None,
            ld_json_buf: None,
            title: None,
            h1_any: None,
            h1_main: None,
            language: None,
            published: Published::default(),
        }
    }

    fn run(mut self, html: &str) -> HtmlDocument {
        // Naive state switching makes the tokenizer read <script>/<style>/<title> bodies as
        // raw text, as a browser would, instead of as markup.
        let mut emitter = DefaultEmitter::default();
        emitter.naively_switch_states(true);
        for token in Tokenizer::new_with_emitter(html, WithoutErrors(emitter)) {
            match token {
                Ok(Token::StartTag(tag)) => self.start_tag(&tag),
                Ok(Token::EndTag(tag)) => self.end_tag(&String::from_utf8_lossy(&tag.name)),
                Ok(Token::String(s)) => self.text(&String::from_utf8_lossy(&s)),
                Ok(_) => {}
                Err(never) => match never {},
            }
        }
        self.finish()
    }

    fn start_tag(&mut self, tag: &StartTag<()>) {
        let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
        self.read_page_metadata(&name, tag);
        if is_block(&name) {
            self.flush();
            self.close_implied(&name);
        } else if name == "td" || name == "th" {
            self.close_implied(&name);
            self.push_space();
        }
        if VOID_TAGS.contains(&name.as_str()) || tag.self_closing {
            return;
        }
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let parent_skip = self.stack.last().is_some_and(|f| f.skip);
        let skip = parent_skip || self.is_boilerplate(&name, tag);
        self.open(name, skip, tag);
    }

    fn open(&mut self, name: String, skip: bool, tag: &StartTag<()>) {
        let main = !skip && (name == "article" || name == "main");
        if main {
            self.main_depth += 1;
            self.saw_main = true;
        }
        match name.as_str() {
            "a" => self.link_depth += 1,
            // An <svg> has <title>s of its own: only a kept one names the page.
            "title" if !skip && self.title.is_none() => self.title_buf = Some(String::new()),
            // The site's logo is often an <h1> in a dropped header, so one is taken anywhere,
            // but a later one inside the article is preferred.
            "h1" if self.h1_buf.is_none()
                && (self.h1_any.is_none() || self.h1_main.is_none() && self.main_depth > 0) =>
            {
                self.h1_buf = Some((String::new(), self.main_depth > 0));
            }
            "script" if attr(tag, "type").is_some_and(|t| t.contains("ld+json")) => {
                self.ld_json_buf = Some(String::new());
            }
            _ => {}
        }
        // Counted under a copy of the name only the first time the page opens such a tag.
        match self.open_counts.get_mut(&name) {
            Some(count) => *count += 1,
            None => {
                self.open_counts.insert(name.clone(), 1);
            }
        }
        self.stack.push(Frame { name, skip, main });
    }

    fn end_tag(&mut self, name: &str) {
        let name = name.to_ascii_lowercase();
        if is_block(&name) {
            self.flush();
        }
        // Only searched when open, and everything above the match is popped with it, so
        // end tags cost amortised constant time however the page nests them.
        if self.open_counts.get(&name).is_some_and(|&n| n > 0) {
            if let Some(index) = self.stack.iter().rposition(|f| f.name == name) {
                self.pop_to(index);
            }
        }
    }

    /// Pops every frame from the top down to `index` inclusive (closing what was left open).
    fn pop_to(&mut self, index: usize) {
        while self.stack.len() > index {
            let Some(frame) = self.stack.pop() else { break };
            self.close(&frame);
        }
    }

    fn close(&mut self, frame: &Frame) {
        if let Some(n) = self.open_counts.get_mut(&frame.name) {
            *n = n.saturating_sub(1);
        }
        if frame.main {
            self.main_depth -= 1;
        }
        match frame.name.as_str() {
            "a" => self.link_depth = self.link_depth.saturating_sub(1),
            "title" => self.finish_title(),
            "h1" => self.finish_h1(),
            "script" => self.finish_ld_json(),
            _ => {}
        }
    }

    /// HTML lets some elements close implicitly: a block start ends an open `<p>`, and a
    /// new `<li>`/`<td>`/`<tr>`/`<dd>`/`<option>` ends its open sibling. Without this an
    /// unclosed `<li>` list nests ever deeper and its items merge into one paragraph.
    fn close_implied(&mut self, name: &str) {
        if self.stack.last().is_some_and(|f| f.name == "p") {
            self.pop_to(self.stack.len() - 1);
        }
        let (siblings, barriers): (&[&str], &[&str]) = match name {
            "li" => (&["li"], &["ul", "ol", "menu"]),
            "td" | "th" => (&["td", "th"], &["tr", "table"]),
            "tr" => (&["tr"], &["table", "thead", "tbody", "tfoot"]),
            "dt" | "dd" => (&["dt", "dd"], &["dl"]),
            "option" => (&["option"], &["select", "datalist"]),
            _ => return,
        };
        let hit = self
            .stack
            .iter()
            .enumerate()
            .rev()
            .take(MAX_SIBLING_SEARCH)
            .take_while(|(_, f)| !barriers.contains(&f.name.as_str()))
            .find(|(_, f)| siblings.contains(&f.name.as_str()))
            .map(|(i, _)| i);
        if let Some(index) = hit {
            self.pop_to(index);
        }
    }

    fn is_boilerplate(&self, name: &str, tag: &StartTag<()>) -> bool {
        if DROPPED_TAGS.contains(&name) || attr(tag, "hidden").is_some() {
            return true;
        }
        if !self.class_rules || NEVER_DROPPED_BY_ATTRIBUTES.contains(&name) {
            return false;
        }
        let role = attr(tag, "role").map(|r| r.to_ascii_lowercase());
        if role.is_some_and(|r| BOILERPLATE_ROLES.contains(&r.as_str())) {
            return true;
        }
        ["class", "id"].iter().filter_map(|a| attr(tag, a)).any(|value| marks_boilerplate(&value))
    }

    fn text(&mut self, text: &str) {
        if let Some(buf) = self.title_buf.as_mut() {
            buf.push_str(text);
            return;
        }
        if let Some(buf) = self.ld_json_buf.as_mut() {
            buf.push_str(text);
            return;
        }
        if let Some((buf, _)) = self.h1_buf.as_mut() {
            buf.push_str(text);
        }
        if self.stack.last().is_some_and(|f| f.skip) {
            return;
        }
        let link = self.link_depth > 0;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // A run of ASCII chars other than spaces, most of a page's text, is appended
            // whole: what `push_char` makes of each of its chars in turn.
            let run = bytes[at..].iter().take_while(|&&b| b.is_ascii() && !char::from(b).is_whitespace()).count();
            if run > 0 {
                self.push_ascii_run(&text[at..at + run], link);
                at += run;
                continue;
            }
            let Some(c) = text[at..].chars().next() else { break };
            self.push_char(c, link);
            at += c.len_utf8();
        }
    }

    /// [`Extractor::push_char`] of each char of a run of ASCII chars that are not spaces.
    fn push_ascii_run(&mut self, run: &str, link: bool) {
        if self.block.text.is_empty() {
            self.block.in_main = self.main_depth > 0;
        }
        self.block.text.push_str(run);
        let letters = run.bytes().filter(u8::is_ascii_alphanumeric).count();
        self.block.letters += letters;
        if link {
            self.block.link_letters += letters;
        }
    }

    /// Appends one character, collapsing whitespace runs (NBSP included) to one space and
    /// dropping invisible characters that would split words for the spotter.
    fn push_char(&mut self, c: char, link: bool) {
        if matches!(c, '\u{00AD}' | '\u{200B}' | '\u{FEFF}') {
            return;
        }
        if c.is_whitespace() {
            self.push_space();
            return;
        }
        if self.block.text.is_empty() {
            self.block.in_main = self.main_depth > 0;
        }
        self.block.text.push(c);
        if frontline_core::chars::is_alphanumeric(c) {
            self.block.letters += 1;
            if link {
                self.block.link_letters += 1;
            }
        }
    }

    fn push_space(&mut self) {
        if !self.block.text.is_empty() && !self.block.text.ends_with(' ') {
            self.block.text.push(' ');
        }
    }

    /// Ends the current line, keeping it unless it is a link list or teaser.
    fn flush(&mut self) {
        let block = take(&mut self.block);
        let line = block.text.trim_end();
        if line.is_empty() || block.is_link_list() {
            return;
        }
        self.any_main_line |= block.in_main;
        self.lines.push((line.to_owned(), block.in_main));
    }

    fn read_page_metadata(&mut self, name: &str, tag: &StartTag<()>) {
        match name {
            "html" if self.language.is_none() => {
                self.language =
                    attr(tag, "lang").or_else(|| attr(tag, "xml:lang")).and_then(|l| normalise_language(&l));
            }
            "meta" => self.read_meta(tag),
            "time" => {
                let published = attr(tag, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                    || attr(tag, "pubdate").is_some();
                if let Some(when) = attr(tag, "datetime").filter(|_| published) {
                    self.published.offer(Published::SCHEMA_ORG, &when);
                }
            }
            _ => {}
        }
    }

    fn read_meta(&mut self, tag: &StartTag<()>) {
        let Some(content) = attr(tag, "content") else {
            return;
        };
        let key = attr(tag, "property")
            .or_else(|| attr(tag, "name"))
            .or_else(|| attr(tag, "itemprop"))
            .map(|k| k.to_ascii_lowercase());
        let rank = match key.as_deref() {
            Some("article:published_time" | "og:published_time") => Published::OPEN_GRAPH,
            Some("datepublished") => Published::SCHEMA_ORG,
            Some("date" | "dc.date" | "dcterms.date" | "pubdate") => Published::PLAIN,
            _ => return,
        };
        self.published.offer(rank, &content);
    }

    fn finish_title(&mut self) {
        if let Some(raw) = self.title_buf.take() {
            self.title = self.title.take().or_else(|| collapse(&raw));
        }
    }

    fn finish_h1(&mut self) {
        if let Some((raw, in_main)) = self.h1_buf.take() {
            let text = collapse(&raw);
            if in_main && self.h1_main.is_none() {
                self.h1_main.clone_from(&text);
            }
            self.h1_any = self.h1_any.take().or(text);
        }
    }

    fn finish_ld_json(&mut self) {
        if let Some(raw) = self.ld_json_buf.take() {
            if let Some(date) = ld_json_date_published(&raw) {
                self.published.offer(Published::SCHEMA_ORG, &date);
            }
        }
    }

    fn finish(mut self) -> HtmlDocument {
        self.flush();
        self.pop_to(0);
        let only_main = self.saw_main && self.any_main_line;
        let kept = |in_main: bool| in_main || !only_main;
        let size: usize = self.lines.iter().filter(|(_, m)| kept(*m)).map(|(l, _)| l.len() + 1).sum();
        let mut text = String::with_capacity(size);
        // Each line is freed once copied, so the page's text is held about once, not twice.
        for (line, in_main) in self.lines {
            if kept(in_main) {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&line);
            }
        }
        HtmlDocument {
            text,
            title: self.title.or(self.h1_main).or(self.h1_any),
            language: self.language,
            published: self.published.best(),
        }
    }
}

fn is_block(name: &str) -> bool {
    BLOCK_TAGS.contains(&name)
}

fn attr(tag: &StartTag<()>, name: &str) -> Option<String> {
    tag.attributes.get(name.as_bytes()).map(|v| String::from_utf8_lossy(v).into_owned())
}

fn marks_boilerplate(value: &str) -> bool {
    value.split_whitespace().any(|token| {
        let token = token.to_lowercase();
        if MODIFIER_PREFIXES.iter().any(|p| token.starts_with(p)) {
            return false;
        }
        let squashed: String = token.chars().filter(|c| !matches!(c, '-' | '_')).collect();
        BOILERPLATE_MARKERS.iter().any(|m| squashed.contains(m))
    })
}

/// Whitespace collapsed and trimmed; `None` if nothing is left.
fn collapse(raw: &str) -> Option<String> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// The first `datePublished` string anywhere in a JSON-LD block, found with an explicit
/// stack (serde_json already caps nesting at parse time).
fn ld_json_date_published(raw: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(raw).ok()?;
    let mut pending = vec![&value];
    while let Some(v) = pending.pop() {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(s)) = map.get("datePublished") {
                    return Some(s.clone());
                }
                pending.extend(map.values());
            }
            serde_json::Value::Array(items) => pending.extend(items),
            _ => {}
        }
    }
    None
}

/// The default emitter, telling the tokenizer it wants no parse errors: the page's text is
/// read from its tags and strings alone (an error token is passed over), and the tokenizer
/// otherwise checks every byte of the page for chars HTML does not allow.
struct WithoutErrors(DefaultEmitter);

impl ForwardingEmitter for WithoutErrors {
    type Token = Token;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.0
    }

    #[inline]
    fn should_emit_errors(&mut self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en-GB">
<head>
  <title>Regime forces retake Maaret al-Numan | Example News</title>
  <meta property="article:published_time" content="2020-01-28T21:15:00+02:00">
  <style>p { color: red }</style>
  <script>var menu = "<p>not text</p>";</script>
</head>
<body class="single has-sidebar">
  <div class="site-menu"><ul><li><a href="/">Home</a></li><li><a href="/syria">Syria</a></li></ul></div>
  <nav><a href="/a">Politics</a> <a href="/b">Security</a></nav>
  <header><h1>Example News</h1></header>
  <article>
    <h1>Regime forces retake Maaret al-Numan</h1>
    <p>Syrian regime forces on Tuesday recaptured most of Maaret al-Numan,
       a monitor said.</p>
    <figure><img src="x.jpg"><figcaption>A rescuer carries a child.</figcaption></figure>
    <div class="photo-caption">Photo courtesy of the Civil Defence</div>
    <p>The town had been held by <a href="/hts">opposition factions</a> since 2012.</p>
    <ul class="links"><li><a href="/1">Turkey sends reinforcements</a></li>
        <li><a href="/2">Talks stall in Geneva</a></li></ul>
    <p><strong>Read also:</strong> <a href="/3">Displacement crisis deepens</a></p>
    <p>Fighting continued south of the town&nbsp;on Wednesday.</p>
    <div id="comments-widget"><p>Great article! Posted by reader.</p></div>
  </article>
  <aside><p>Most read stories of the week.</p></aside>
  <footer><p>Copyright Example News</p></footer>
</body>
</html>"#;

    #[test]
    fn boilerplate_is_removed_and_article_paragraphs_kept() {
        let doc = html_main_text(PAGE);
        assert_eq!(
            doc.text,
            "Regime forces retake Maaret al-Numan\n\
             Syrian regime forces on Tuesday recaptured most of Maaret al-Numan, a monitor said.\n\
             The town had been held by opposition factions since 2012.\n\
             Fighting continued south of the town on Wednesday."
        );
        for gone in [
            "Home",
            "Politics",
            "rescuer",
            "Photo courtesy",
            "Turkey sends",
            "Read also",
            "Great article",
            "Most read",
            "Copyright",
            "not text",
        ] {
            assert!(!doc.text.contains(gone), "{gone:?} should be removed");
        }
    }

    #[test]
    fn page_metadata_is_read() {
        let doc = html_main_text(PAGE);
        assert_eq!(doc.title.as_deref(), Some("Regime forces retake Maaret al-Numan | Example News"));
        assert_eq!(doc.language.as_deref(), Some("en"));
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2020, 1, 28));
    }

    #[test]
    fn without_article_the_whole_body_is_used_and_h1_is_the_title() {
        let doc = html_main_text(
            "<body><div class=\"menu\">Home</div><h1>Clashes near Saraqib</h1>\
             <div>First paragraph.<br>Second line</div><p>Third<p>Fourth</body>",
        );
        assert_eq!(doc.text, "Clashes near Saraqib\nFirst paragraph.\nSecond line\nThird\nFourth");
        assert_eq!(doc.title.as_deref(), Some("Clashes near Saraqib"));
        assert_eq!(doc.language, None);
        assert_eq!(doc.published, None);
    }

    #[test]
    fn unclosed_list_items_stay_separate_and_link_lists_go() {
        let doc = html_main_text(
            "<p>Kept text here.</p><ul><li><a href=1>One link</a><li><a href=2>Two link</a>\
             <li>Plain item with no link</ul>",
        );
        assert_eq!(doc.text, "Kept text here.\nPlain item with no link");
    }

    #[test]
    fn dates_from_json_ld_and_time_elements() {
        let ld = r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-11-28T08:00:00Z"}]}</script><p>Body text.</p>"#;
        assert_eq!(html_main_text(ld).published, NaiveDate::from_ymd_opt(2024, 11, 28));
        let time = r#"<p>Body <time itemprop="datePublished" datetime="2019-05-02">May 2</time></p>"#;
        assert_eq!(html_main_text(time).published, NaiveDate::from_ymd_opt(2019, 5, 2));
        let plain = r#"<meta name="date" content="2018-03-04"><p>Body.</p>"#;
        assert_eq!(html_main_text(plain).published, NaiveDate::from_ymd_opt(2018, 3, 4));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 100_000;
        let html = format!("{}deep text{}", "<div><span>".repeat(depth), "</span></div>".repeat(depth));
        let doc = html_main_text(&html);
        assert_eq!(doc.text, "deep text");
    }

    #[test]
    fn dropped_elements_close_despite_unclosed_or_self_closing_children() {
        let svg = format!("<p>Before.</p><svg>{}</svg><p>After.</p>", "<path d=\"M0\"/>".repeat(300));
        assert_eq!(html_main_text(&svg).text, "Before.\nAfter.");
        let aside = format!("<aside>{}</aside><p>Kept.</p>", "<span>junk ".repeat(300));
        assert_eq!(html_main_text(&aside).text, "Kept.");
    }

    #[test]
    fn class_rules_that_drop_everything_fall_back() {
        let doc = html_main_text("<body><div class=\"page-header-wrapper\"><p>Only text.</p></div></body>");
        assert_eq!(doc.text, "Only text.");
    }

    #[test]
    fn boilerplate_markers_match_tokens_not_modifiers() {
        assert!(marks_boilerplate("entry comments-area"));
        assert!(marks_boilerplate("Read_Also"));
        assert!(marks_boilerplate("lire-aussi"));
        assert!(!marks_boilerplate("has-sidebar entry-content"));
        assert!(!marks_boilerplate("story-body"));
    }
}
