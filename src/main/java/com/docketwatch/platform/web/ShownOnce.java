package com.docketwatch.platform.web;

/**
 * A response that carries a secret shown only in the answer that created it (an API key). Such a
 * secret is never stored in plain text, so an idempotent replay of that answer leaves it out.
 */
public interface ShownOnce {
    /** The same response without its secret. */
    Object withoutSecret();
}
