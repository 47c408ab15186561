-- Issue 4: assigned outreach work, promised amounts, and the round-robin position that survives restarts.

ALTER TABLE work_task ADD COLUMN assignee VARCHAR(254);
ALTER TABLE work_task ADD COLUMN promised_amount DECIMAL(19,4);
CREATE INDEX ix_task_assignee ON work_task (assignee, status);

-- One row per pool of people (OUTREACH, TEAM_LEAD); position counts assignments made from that pool.
CREATE TABLE assignment_cursor (
    pool     VARCHAR(32) NOT NULL PRIMARY KEY,
    position BIGINT      NOT NULL
);
