-- A replayed answer can hold a secret shown only once (a new API key, a webhook secret): stored
-- answers are encrypted with the service key like webhook secrets, never kept in plain text.
alter table idempotency_keys drop column response_body;
alter table idempotency_keys add column response_sealed bytea;
