-- The province's published procedure catalog (issue 21).
-- Province hub: each edition the province admin published, frozen (the whole catalog in the import format, so a
-- later edit of the province's catalog never changes what an office was sent). version is the edition's id.
CREATE TABLE catalog_publications (
  version        INTEGER PRIMARY KEY,
  decision       TEXT    NOT NULL,          -- "Quyết định số 123/QĐ-UBND"
  effective_date TEXT    NOT NULL,          -- YYYY-MM-DD
  note           TEXT    NOT NULL DEFAULT '',
  snapshot       TEXT    NOT NULL,          -- CatalogFile JSON
  procedures     INTEGER NOT NULL,
  fields         INTEGER NOT NULL,
  published_at   INTEGER NOT NULL,
  published_by   INTEGER REFERENCES users (id)
) STRICT;

-- Office hub: the editions received from its province. The newest one not applied is the pending update; the one
-- applied last is what the public listing follows and the base that tells the office's own changes (overrides)
-- from the province's (see services/catalog-edition-merge.ts).
CREATE TABLE catalog_editions (
  version        INTEGER PRIMARY KEY,
  decision       TEXT    NOT NULL,
  effective_date TEXT    NOT NULL,
  note           TEXT    NOT NULL DEFAULT '',
  snapshot       TEXT    NOT NULL,
  procedures     INTEGER NOT NULL,
  fields         INTEGER NOT NULL,
  published_at   INTEGER NOT NULL,
  received_at    INTEGER NOT NULL,
  applied_at     INTEGER,
  applied_by     INTEGER REFERENCES users (id)
) STRICT;
CREATE INDEX catalog_editions_applied ON catalog_editions (applied_at) WHERE applied_at IS NOT NULL;
