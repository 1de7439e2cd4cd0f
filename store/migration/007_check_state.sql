-- The last full check (store.Check) that found nothing: the content token
-- (migration 006) it read, the schema version and check rules it applied,
-- the file it read (device and inode, "" where the system has none) and
-- when. The window skips its background full check after open while all
-- of these still hold and the check is recent (store.CleanCheckFor): no
-- content was written since, so the rows it checked are the same rows.
-- Not content: no token trigger, and a project without a row (new, or
-- never checked clean) is simply due for a check.
CREATE TABLE check_state (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    token          BLOB NOT NULL,
    schema_version INTEGER NOT NULL,
    rules          INTEGER NOT NULL,
    file           TEXT NOT NULL,
    checked_at     TEXT NOT NULL
);
