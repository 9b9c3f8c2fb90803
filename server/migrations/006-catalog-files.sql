-- Form templates (mẫu đơn, tờ khai) attached to procedures' required documents (issue 4). The bytes live on disk
-- (config CATALOG_FILES_DIR); a document refers to a file by its name (ProcedureInput documents[].formFile).
CREATE TABLE catalog_files (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,   -- the download name, Vietnamese, with its extension
  stored       TEXT NOT NULL UNIQUE,   -- file name on disk (random, ASCII)
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  uploaded_at  INTEGER NOT NULL,
  uploaded_by  INTEGER REFERENCES users(id)
) STRICT;
