-- Issue 3: delivery of communications through real channels, exactly once, within the compliance guards.

-- What was sent and how it went. status: QUEUED, DEFERRED, SENDING, SENT, FAILED, BOUNCED, SUPPRESSED, UNCONFIRMED.
-- SENDING is written and committed before the provider is called; a row still SENDING after the claim timeout
-- (a crash between send and status update) becomes UNCONFIRMED and is never sent again automatically.
ALTER TABLE communication
    ADD COLUMN language        VARCHAR(8),
    ADD COLUMN subject         VARCHAR(300),
    ADD COLUMN content_type    VARCHAR(64),
    ADD COLUMN content         LONGBLOB,
    ADD COLUMN text_content    TEXT,
    ADD COLUMN status_reason   VARCHAR(1000),
    ADD COLUMN deferred_until  DATETIME(6),
    ADD COLUMN next_attempt_at DATETIME(6),
    ADD COLUMN attempts        INT NOT NULL DEFAULT 0,
    ADD COLUMN claimed_at      DATETIME(6),
    ADD COLUMN sent_at         DATETIME(6),
    ADD COLUMN provider_ref    VARCHAR(200),
    ADD INDEX ix_communication_due (status, next_attempt_at, id);

-- An address that proved undeliverable (permanent SMTP failure, bounce, rejected number, returned letter).
CREATE TABLE invalid_contact (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    debtor_reference  VARCHAR(64)   NOT NULL,
    channel           VARCHAR(8)    NOT NULL,
    address           VARCHAR(500)  NOT NULL,
    reason            VARCHAR(1000) NOT NULL,
    marked_at         DATETIME(6)   NOT NULL,
    CONSTRAINT uk_invalid_contact UNIQUE (debtor_reference, channel, address(255))
);

-- The debtor's wish not to be contacted through a channel; never used again for that debtor.
CREATE TABLE opt_out (
    debtor_reference  VARCHAR(64)   NOT NULL,
    channel           VARCHAR(8)    NOT NULL,
    source            VARCHAR(200)  NOT NULL,
    recorded_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (debtor_reference, channel)
);

-- A written request to cease communication: nothing but a final notice is sent afterwards.
CREATE TABLE communication_cease (
    case_id      CHAR(36)      NOT NULL PRIMARY KEY,
    requested_at DATETIME(6)   NOT NULL,
    note         VARCHAR(1000),
    CONSTRAINT fk_cease_case FOREIGN KEY (case_id) REFERENCES dunning_case (id)
);

-- ContactFailed is published once per set of contact details that all proved unusable.
CREATE TABLE contact_failure (
    case_id      CHAR(36)    NOT NULL,
    contact_hash CHAR(64)    NOT NULL,
    at           DATETIME(6) NOT NULL,
    PRIMARY KEY (case_id, contact_hash),
    CONSTRAINT fk_contact_failure_case FOREIGN KEY (case_id) REFERENCES dunning_case (id)
);

-- The outreach call log (Regulation F call frequency).
CREATE TABLE call_attempt (
    id       BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id  CHAR(36)      NOT NULL,
    task_id  CHAR(36)      NOT NULL,
    outcome  VARCHAR(16)   NOT NULL,
    note     VARCHAR(1000),
    at       DATETIME(6)   NOT NULL,
    INDEX ix_call_attempt_case (case_id, at),
    CONSTRAINT fk_call_attempt_case FOREIGN KEY (case_id) REFERENCES dunning_case (id)
);
