-- The holder row also keeps the colour and issue time of the holder's latest code, and the event of
-- their latest colour change: the daily job then decides from the scan's row alone, with no
-- per-holder history read, and finds holders whose colour left their code's through an index,
-- however long their codes are valid. code_expires_at becomes the latest code's expiry with them.

ALTER TABLE holder ADD COLUMN code_colour VARCHAR(6) CHECK (code_colour IN ('GREEN', 'YELLOW', 'RED'));
ALTER TABLE holder ADD COLUMN code_issued_at BIGINT;
ALTER TABLE holder ADD COLUMN change_event_id BIGINT;

-- The latest code is the last in (issued_at, serial) order, as History lists them.
UPDATE holder SET
    code_colour = (SELECT i.colour FROM issued i WHERE i.identity_hash = holder.identity_hash
                   ORDER BY i.issued_at DESC, i.serial DESC LIMIT 1),
    code_issued_at = (SELECT i.issued_at FROM issued i WHERE i.identity_hash = holder.identity_hash
                      ORDER BY i.issued_at DESC, i.serial DESC LIMIT 1),
    code_expires_at = (SELECT i.expires_at FROM issued i WHERE i.identity_hash = holder.identity_hash
                       ORDER BY i.issued_at DESC, i.serial DESC LIMIT 1),
    change_event_id = (SELECT t.event_id FROM transition t WHERE t.identity_hash = holder.identity_hash
                       ORDER BY t.id DESC LIMIT 1);

-- Partial: it holds only the holders whose colour changed since their latest code, a handful out of
-- a province, so it costs nearly nothing to keep and the query below reads only them.
CREATE INDEX holder_colour_changed ON holder (identity_hash) WHERE code_colour <> colour;
