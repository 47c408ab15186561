-- Runs on MySQL 8 and MariaDB 10.11/11.4. Money is DECIMAL(19,4) with CHAR(3) currency; instants are UTC DATETIME(6).

CREATE TABLE dunning_case (
    id                      CHAR(36)      NOT NULL PRIMARY KEY,
    invoice_number          VARCHAR(64)   NOT NULL,
    request_fingerprint     CHAR(64)      NOT NULL,
    debtor_reference        VARCHAR(64)   NOT NULL,
    debtor_type             VARCHAR(16)   NOT NULL,
    debtor_name             VARCHAR(200)  NOT NULL,
    debtor_email            VARCHAR(254),
    debtor_phone            VARCHAR(20),
    debtor_address_line1    VARCHAR(200),
    debtor_address_line2    VARCHAR(200),
    debtor_address_postal_code VARCHAR(20),
    debtor_address_city     VARCHAR(100),
    debtor_address_country  CHAR(2),
    debtor_time_zone        VARCHAR(64),
    debtor_language         VARCHAR(8),
    currency                CHAR(3)       NOT NULL,
    amount_due              DECIMAL(19,4) NOT NULL,
    outstanding             DECIMAL(19,4) NOT NULL,
    due_date                DATE          NOT NULL,
    issued_date             DATE,
    status                  VARCHAR(16)   NOT NULL,
    stage                   VARCHAR(24)   NOT NULL,
    opened_at               DATETIME(6)   NOT NULL,
    closed_at               DATETIME(6),
    paused_stage            VARCHAR(24),
    broken_promises         INT           NOT NULL DEFAULT 0,
    offer_discount_percent  DECIMAL(5,2),
    offer_discount_amount   DECIMAL(19,4),
    offer_discount_due_date DATE,
    offer_instalment_count  INT,
    offer_instalment_interval VARCHAR(16),
    offer_valid_until       DATETIME(6),
    offer_status            VARCHAR(16),
    offer_accepted_option   VARCHAR(16),
    version                 BIGINT        NOT NULL,
    CONSTRAINT uk_case_invoice UNIQUE (invoice_number),
    INDEX ix_case_status_stage (status, stage)
);

CREATE TABLE instalment (
    case_id     CHAR(36)      NOT NULL,
    idx         INT           NOT NULL,
    number      INT           NOT NULL,
    amount      DECIMAL(19,4) NOT NULL,
    paid        DECIMAL(19,4) NOT NULL,
    due_date    DATE          NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    PRIMARY KEY (case_id, idx),
    CONSTRAINT fk_instalment_case FOREIGN KEY (case_id) REFERENCES dunning_case (id)
);

CREATE TABLE timeline_entry (
    id      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id CHAR(36)      NOT NULL,
    at      DATETIME(6)   NOT NULL,
    type    VARCHAR(48)   NOT NULL,
    detail  VARCHAR(1000) NOT NULL,
    INDEX ix_timeline_case (case_id, id),
    CONSTRAINT fk_timeline_case FOREIGN KEY (case_id) REFERENCES dunning_case (id)
);

CREATE TABLE payment (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    case_id     CHAR(36)      NOT NULL,
    reference   VARCHAR(64)   NOT NULL,
    amount      DECIMAL(19,4) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    paid_at     DATETIME(6)   NOT NULL,
    received_at DATETIME(6)   NOT NULL,
    CONSTRAINT uk_payment_reference UNIQUE (reference),
    CONSTRAINT fk_payment_case FOREIGN KEY (case_id) REFERENCES dunning_case (id)
);

-- Every message to a debtor, keyed by business step: (case, purpose, sequence, channel) is sent at most once.
-- sequence tells recurring purposes apart (instalment n); it is 0 for the others.
CREATE TABLE communication (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id    CHAR(36)     NOT NULL,
    purpose    VARCHAR(24)  NOT NULL,
    sequence   INT          NOT NULL DEFAULT 0,
    channel    VARCHAR(8)   NOT NULL,
    recipient  VARCHAR(254) NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT uk_communication_step UNIQUE (case_id, purpose, sequence, channel),
    CONSTRAINT fk_communication_case FOREIGN KEY (case_id) REFERENCES dunning_case (id)
);

-- Human work (outreach calls, approvals, dispute reviews). step_key makes a redelivered job open no second task.
CREATE TABLE work_task (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    case_id       CHAR(36)     NOT NULL,
    type          VARCHAR(24)  NOT NULL,
    step_key      VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    due_at        DATETIME(6),
    completed_at  DATETIME(6),
    outcome       VARCHAR(24),
    promised_date DATE,
    note          VARCHAR(1000),
    promise_result VARCHAR(16),
    version       BIGINT       NOT NULL,
    CONSTRAINT uk_task_step UNIQUE (case_id, step_key),
    INDEX ix_task_status (status, type),
    CONSTRAINT fk_task_case FOREIGN KEY (case_id) REFERENCES dunning_case (id)
);

CREATE TABLE dispute (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    case_id     CHAR(36)      NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    raised_at   DATETIME(6)   NOT NULL,
    resolution  VARCHAR(16),
    resolved_at DATETIME(6),
    CONSTRAINT fk_dispute_case FOREIGN KEY (case_id) REFERENCES dunning_case (id)
);

-- Transactional outbox towards the engine: written with the business change, published after commit, in order.
CREATE TABLE engine_message (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         CHAR(36)     NOT NULL,
    name            VARCHAR(64)  NOT NULL,
    correlation_key VARCHAR(64)  NOT NULL,
    message_id      VARCHAR(100) NOT NULL,
    variables       TEXT         NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    published_at    DATETIME(6),
    attempts        INT          NOT NULL DEFAULT 0,
    last_error      VARCHAR(1000),
    CONSTRAINT uk_engine_message_id UNIQUE (message_id),
    INDEX ix_engine_message_pending (published_at, id)
);

CREATE TABLE skip_trace_batch (
    id         CHAR(36)    NOT NULL PRIMARY KEY,
    provider   VARCHAR(32) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    size       INT         NOT NULL,
    sent_at    DATETIME(6)
);

CREATE TABLE skip_trace_request (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         CHAR(36)     NOT NULL,
    step_key        VARCHAR(64)  NOT NULL,
    requested_at    DATETIME(6)  NOT NULL,
    batch_id        CHAR(36),
    result          VARCHAR(16),
    result_at       DATETIME(6),
    found_email     VARCHAR(254),
    found_address   VARCHAR(500),
    CONSTRAINT uk_skip_trace_step UNIQUE (case_id, step_key),
    INDEX ix_skip_trace_pending (batch_id, id),
    CONSTRAINT fk_skip_trace_case FOREIGN KEY (case_id) REFERENCES dunning_case (id)
);

CREATE TABLE legal_handoff (
    case_id           CHAR(36)    NOT NULL PRIMARY KEY,
    partner           VARCHAR(64) NOT NULL,
    handed_over_at    DATETIME(6) NOT NULL,
    partner_reference VARCHAR(100),
    evidence          LONGTEXT    NOT NULL,
    CONSTRAINT fk_legal_case FOREIGN KEY (case_id) REFERENCES dunning_case (id)
);
