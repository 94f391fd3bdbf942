"""Table definitions shared by DuckDB and PostgreSQL (only portable types and syntax).

documents        one row per input item (RawDocument.key): status done | skipped | failed, with the reason;
                 what makes runs resumable and `--retry-failed` possible
articles         canonical articles (Article.id is a content hash), with their MinHash signature
article_sources  every input that carried a canonical article: itself and its exact/near copies
lsh_bands        MinHash LSH band keys of canonical articles, so later runs find near copies
events           one row per Event; lists and nested objects as JSON text, filter fields as columns
actors           event actors and recipients, normalised (role actor | recipient, position idx)
mentions         evidence mentions of an event: article, sentence and character span
places           every toponym mention of an article (resolved or not)
"""

from __future__ import annotations

SCHEMA_VERSION = 1

DDL: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS wirecoder_meta (
        name TEXT PRIMARY KEY, value TEXT)""",
    """CREATE TABLE IF NOT EXISTS documents (
        key TEXT PRIMARY KEY, status TEXT NOT NULL, reason TEXT, stage TEXT, article_id TEXT,
        updated_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY, key TEXT, url TEXT, title TEXT, published DATE, source TEXT, lang TEXT,
        text TEXT NOT NULL, n_events INTEGER, signature TEXT, ingested_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS article_sources (
        article_id TEXT NOT NULL, key TEXT NOT NULL, copy_id TEXT, url TEXT, source TEXT, title TEXT,
        published DATE, similarity DOUBLE PRECISION, PRIMARY KEY (article_id, key))""",
    """CREATE TABLE IF NOT EXISTS lsh_bands (
        band TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, article_id))""",
    """CREATE TABLE IF NOT EXISTS events (
        id TEXT PRIMARY KEY, article_id TEXT NOT NULL, url TEXT, source TEXT, sentence TEXT NOT NULL,
        char_start INTEGER, char_end INTEGER, event_type TEXT NOT NULL, mode TEXT, context TEXT,
        quad_class INTEGER, cameo_root TEXT, plover_score DOUBLE PRECISION, acled TEXT,
        location TEXT, loc_country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, geonameid BIGINT,
        date TEXT, date_precision TEXT, date_text TEXT, attribution TEXT, modality TEXT,
        confidence DOUBLE PRECISION, trigger TEXT)""",
    """CREATE TABLE IF NOT EXISTS actors (
        event_id TEXT NOT NULL, role TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT, name TEXT,
        country TEXT, sectors TEXT, wikidata TEXT, PRIMARY KEY (event_id, role, idx))""",
    """CREATE TABLE IF NOT EXISTS mentions (
        event_id TEXT NOT NULL, article_id TEXT NOT NULL, sentence TEXT, char_start INTEGER NOT NULL,
        char_end INTEGER, PRIMARY KEY (event_id, article_id, char_start))""",
    """CREATE TABLE IF NOT EXISTS places (
        article_id TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT, char_start INTEGER, char_end INTEGER,
        name TEXT, geonameid BIGINT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, country TEXT, admin1 TEXT,
        precision TEXT, feature TEXT, score DOUBLE PRECISION, PRIMARY KEY (article_id, idx))""",
    "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
    "CREATE INDEX IF NOT EXISTS events_type ON events (event_type)",
    "CREATE INDEX IF NOT EXISTS events_date ON events (date)",
    "CREATE INDEX IF NOT EXISTS actors_country ON actors (country)",
    "CREATE INDEX IF NOT EXISTS documents_status ON documents (status)",
)
