-- Imported points beside the spec (issue 18): the canonical CSV text (DatasetCsv), NULL for an
-- experiment on the spec's own data, which every row saved before this migration is.
ALTER TABLE experiments ADD COLUMN dataset TEXT;
