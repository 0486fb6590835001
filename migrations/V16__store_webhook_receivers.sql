-- Fan-out at the receiver's rate (issue 14): each claim of due deliveries groups them by receiver (the
-- host and port of the webhook or Slack URL, lower-cased) to share the sends under way fairly. Computed
-- by a regular expression per subscription at every claim, that was most of a claim's time (~90 ms on
-- 12,000 subscriptions); stored, it is computed once, when the URL is written.
alter table subscriptions
    add column receiver text generated always as (lower(substring(webhook_url from '^[^:]+://([^/?#]*)'))) stored;
