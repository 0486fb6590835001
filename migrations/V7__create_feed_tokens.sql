-- Feed tokens: read-only credentials for calendar apps and feed readers, which cannot send an
-- Authorization header. They are accepted as ?token= on the .ics and .atom URLs only. Each belongs
-- to the API key that minted it and stops working with it; like API keys, only the SHA-256 of a
-- token is stored.
create table feed_tokens (
    id          bigint generated always as identity primary key,
    api_key_id  bigint      not null references api_keys (id),
    name        text        not null,
    token_hash  bytea       not null unique,
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);
create index feed_tokens_key on feed_tokens (api_key_id, id);
