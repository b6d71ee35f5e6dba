-- Saved experiments: immutable once written; an operator may take one down.
CREATE TABLE experiments (
    id            VARCHAR(16)  PRIMARY KEY,
    spec          TEXT         NOT NULL,
    title         VARCHAR(200) NOT NULL,
    description   TEXT         NOT NULL,
    snapshot      TEXT,
    created_at    BIGINT       NOT NULL,
    taken_down_at BIGINT
);
