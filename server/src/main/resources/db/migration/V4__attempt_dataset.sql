-- An attempt's own imported points (issue 19 on issue 18's datasets): the canonical CSV text
-- (DatasetCsv) when the attempt trained on points other than its challenge's, NULL otherwise,
-- which every attempt stored before this migration is.
ALTER TABLE challenge_attempts ADD COLUMN dataset TEXT;
