-- When a FAILED communication was turned into an incident in Operate; cleared when ops retry it.
ALTER TABLE communication ADD COLUMN incident_raised_at DATETIME(6);
