-- The registry's first schema. Placeholders in braces are the dialect's words (Dialect.java):
-- {bytes} a byte string (BLOB, bytea), {serial_id} an auto-numbered primary key.
-- Times are nanoseconds since the epoch (UTC); days are days since 1970-01-01 in the policy's zone.
-- Identity numbers are never stored: a holder is keyed by its 16-byte identity hash.

CREATE TABLE holder (
    identity_hash   {bytes} PRIMARY KEY CHECK (length(identity_hash) = 16),
    colour          VARCHAR(6) NOT NULL CHECK (colour IN ('GREEN', 'YELLOW', 'RED')),
    last_event_at   BIGINT NOT NULL,
    streak_first    INTEGER,
    streak_last     INTEGER,
    spoiled_day     INTEGER,
    code_expires_at BIGINT,
    CHECK ((streak_first IS NULL) = (streak_last IS NULL))
);

-- No index on code_expires_at: the daily job walks every holder in key order (nearly all are due
-- each day), and an index there tempts a planner into sorting the due set for each page.

CREATE TABLE event (
    id                 {serial_id},
    identity_hash      {bytes} NOT NULL REFERENCES holder (identity_hash),
    kind               VARCHAR(10) NOT NULL CHECK (kind IN ('DECLARED', 'CHECKED_IN', 'RELEASED')),
    event_at           BIGINT NOT NULL,
    local_day          INTEGER NOT NULL,
    temperature_tenths SMALLINT,
    symptoms           VARCHAR(400),
    certificate        VARCHAR(200)
);

CREATE INDEX event_holder ON event (identity_hash, id);

CREATE TABLE transition (
    id            {serial_id},
    event_id      BIGINT NOT NULL REFERENCES event (id),
    identity_hash {bytes} NOT NULL REFERENCES holder (identity_hash),
    changed_at    BIGINT NOT NULL,
    from_colour   VARCHAR(6) CHECK (from_colour IN ('GREEN', 'YELLOW', 'RED')),
    to_colour     VARCHAR(6) NOT NULL CHECK (to_colour IN ('GREEN', 'YELLOW', 'RED')),
    cause         VARCHAR(11) NOT NULL CHECK (cause IN ('DECLARATION', 'CHECK_IN', 'RELEASE'))
);

CREATE INDEX transition_holder ON transition (identity_hash, id);

CREATE TABLE transition_reason (
    transition_id BIGINT NOT NULL REFERENCES transition (id),
    ordinal       INTEGER NOT NULL,
    rule_id       VARCHAR(40) NOT NULL,
    reason_text   VARCHAR(1000) NOT NULL,
    PRIMARY KEY (transition_id, ordinal)
);

-- One row per code issued. A decision (a re-issue on a day, a colour change) issues at most one
-- serial: the unique decision_id is what makes a re-run after a crash issue nothing twice.
CREATE TABLE issued (
    serial        BIGINT PRIMARY KEY,
    identity_hash {bytes} NOT NULL REFERENCES holder (identity_hash),
    key_id        INTEGER NOT NULL,
    colour        VARCHAR(6) NOT NULL CHECK (colour IN ('GREEN', 'YELLOW', 'RED')),
    issued_at     BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    decision_id   {bytes} NOT NULL UNIQUE CHECK (length(decision_id) = 16)
);

CREATE INDEX issued_holder ON issued (identity_hash, issued_at);
