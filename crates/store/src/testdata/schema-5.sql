CREATE TABLE IF NOT EXISTS articles (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    language TEXT NOT NULL,
    published TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    origin TEXT NOT NULL,
    text TEXT NOT NULL,
    figures TEXT NOT NULL DEFAULT '[]',
    -- The article whose events this one gives too, not read again (a reprint); NULL when read.
    reprint_of INTEGER
);
-- A new text under a known URL replaces the article; most articles have no URL.
CREATE INDEX IF NOT EXISTS articles_by_url ON articles(url) WHERE url IS NOT NULL;
CREATE TABLE IF NOT EXISTS events (
    key INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    -- The article's key (its events are deleted with it, by the store: no foreign key to
    -- check on each insert).
    article INTEGER NOT NULL,
    -- The merged event this event is a source of.
    merged INTEGER,
    -- The sub-event type, as its place in SubEventType::ALL.
    kind INTEGER NOT NULL,
    place_key TEXT NOT NULL,
    -- Days as numbers (days from the common era): compact, and ordered as the days are.
    date_start INTEGER,
    date_end INTEGER,
    event_date INTEGER,
    time_precision INTEGER NOT NULL,
    actor1 TEXT,
    actor1_id TEXT,
    assoc_actor_1 TEXT,
    actor2 TEXT,
    actor2_id TEXT,
    assoc_actor_2 TEXT,
    location TEXT NOT NULL,
    mention TEXT NOT NULL,
    geonameid INTEGER,
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER NOT NULL,
    admin1 TEXT,
    admin2 TEXT,
    admin3 TEXT,
    pcode TEXT,
    country TEXT NOT NULL,
    iso INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    civilian_fatalities INTEGER,
    child_fatalities INTEGER,
    injuries INTEGER,
    control_gained TEXT,
    control_lost TEXT,
    control_extent TEXT,
    language TEXT NOT NULL,
    -- NULL when it is the article's text between the offsets, as it nearly always is.
    evidence TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    confidence REAL NOT NULL,
    trigger TEXT NOT NULL,
    claimed_by TEXT
);
CREATE INDEX IF NOT EXISTS events_by_article ON events(article);
-- A block's events by their windows: a save merges again only the days it reaches.
CREATE INDEX IF NOT EXISTS events_by_block ON events(kind, place_key, date_start, date_end);
-- The sources of a merged event.
CREATE INDEX IF NOT EXISTS events_by_merged ON events(merged);
CREATE INDEX IF NOT EXISTS events_by_id ON events(key >> 16, event_id);
CREATE TABLE IF NOT EXISTS merged_events (
    key INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    -- The member whose fields it carries (the most precise), and what the merge changed.
    best INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    place_key TEXT NOT NULL,
    date_start INTEGER,
    date_end INTEGER,
    event_date INTEGER,
    time_precision INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    confidence REAL NOT NULL,
    -- The sum of its members' shares (frontline_merge::member_share), which gives its id.
    share_sum INTEGER NOT NULL,
    -- The whole record, only when a merge gave fields no member has.
    record TEXT
);
CREATE INDEX IF NOT EXISTS merged_by_id ON merged_events(key >> 16, event_id);
-- The longest date window of each block's events (never lowered): an event that overlaps a
-- day starts at most that many days before it, which bounds what a save reads.
CREATE TABLE IF NOT EXISTS block_windows (
    kind INTEGER NOT NULL,
    place_key TEXT NOT NULL,
    longest_days INTEGER NOT NULL,
    PRIMARY KEY (kind, place_key)
) WITHOUT ROWID;
-- Earlier texts of articles: a report corrected under the same id or URL is a new version,
-- and the one it replaced is kept here (its events are not: they were read from the old text).
CREATE TABLE IF NOT EXISTS article_versions (
    id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    language TEXT NOT NULL,
    published TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    origin TEXT NOT NULL,
    text TEXT NOT NULL,
    replaced_by TEXT NOT NULL,
    replaced_at TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (id, content_hash)
);
-- Near-duplicate recognition: each read article's MinHash band keys (see near.rs).
CREATE TABLE IF NOT EXISTS near_keys (
    key INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (key, article)
) WITHOUT ROWID;
