-- Challenges (issue 19): immutable once written, content-addressed like experiments. The body is
-- the challenge's canonical JSON, the text its id is the hash of.
CREATE TABLE challenges (
    id         VARCHAR(16) PRIMARY KEY,
    body       TEXT        NOT NULL,
    created_at BIGINT      NOT NULL
);

-- Verified attempts: the server retrained each one; immutable once written. The metric is
-- stored as Java's shortest decimal text of the double (exact on both databases), NULL when the
-- run diverged.
CREATE TABLE challenge_attempts (
    id           VARCHAR(16)  PRIMARY KEY,
    challenge_id VARCHAR(16)  NOT NULL REFERENCES challenges (id),
    spec         TEXT         NOT NULL,
    epoch        INTEGER      NOT NULL,
    metric       VARCHAR(40),
    fingerprint  VARCHAR(16)  NOT NULL,
    meets_goal   INTEGER      NOT NULL,
    created_at   BIGINT       NOT NULL
);
