-- Issue 5: batch skip tracing through file exchange / HTTP, contact history, purge, and the legal handoff for real.

-- What each request sent (the minimum data, for the permissible purpose) and what came back. All of it is personal
-- data and is purged (set to NULL, purged_at set) a configured number of days after the case closes.
ALTER TABLE skip_trace_request
    ADD COLUMN purpose          VARCHAR(200),
    ADD COLUMN sent_reference   VARCHAR(64),
    ADD COLUMN sent_name        VARCHAR(200),
    ADD COLUMN sent_address     VARCHAR(500),
    ADD COLUMN sent_phone       VARCHAR(20),
    ADD COLUMN sent_email       VARCHAR(254),
    ADD COLUMN provider         VARCHAR(32),
    ADD COLUMN found_phones     VARCHAR(1000),
    ADD COLUMN found_emails     VARCHAR(1000),
    ADD COLUMN purged_at        DATETIME(6);

-- Every result file taken in, by content hash: the same file again changes nothing.
CREATE TABLE skip_trace_ingested_file (
    sha256       CHAR(64)     NOT NULL PRIMARY KEY,
    file_name    VARCHAR(255) NOT NULL,
    ingested_at  DATETIME(6)  NOT NULL,
    applied      INT          NOT NULL,
    quarantined  INT          NOT NULL
);

-- Rows (or whole files, line 0) that failed the strict parse, with the reason. No raw personal data is kept here.
CREATE TABLE skip_trace_quarantine (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    source       VARCHAR(64)  NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    file_sha256  CHAR(64)     NOT NULL,
    line_number  BIGINT       NOT NULL,
    request_id   BIGINT,
    reason       VARCHAR(1000) NOT NULL,
    quarantined_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_quarantine_row UNIQUE (file_sha256, line_number)
);

-- Every change of a debtor's contact, with where it came from.
CREATE TABLE contact_history (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id      CHAR(36)     NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    old_value    VARCHAR(500),
    new_value    VARCHAR(500),
    detail       VARCHAR(200),
    source       VARCHAR(64)  NOT NULL,
    recorded_at  DATETIME(6)  NOT NULL,
    INDEX ix_contact_history_case (case_id, id),
    CONSTRAINT fk_contact_history_case FOREIGN KEY (case_id) REFERENCES dunning_case (id)
);

-- Signed callbacks seen (by signature), so a replayed callback is refused.
CREATE TABLE callback_signature (
    signature    CHAR(64)     NOT NULL PRIMARY KEY,
    endpoint     VARCHAR(100) NOT NULL,
    received_at  DATETIME(6)  NOT NULL
);

ALTER TABLE legal_handoff
    ADD COLUMN evidence_pdf     LONGBLOB,
    ADD COLUMN acknowledged_at  DATETIME(6);
