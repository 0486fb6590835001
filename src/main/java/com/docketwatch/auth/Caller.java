package com.docketwatch.auth;

import java.security.Principal;

/**
 * Who made a request: the API key (its id, name and role), or a feed token minted by that key
 * ({@code feedTokenId} set; such a caller may only read calendars and feeds).
 */
public record Caller(long keyId, String name, Role role, Long feedTokenId) implements Principal {
    public Caller(long keyId, String name, Role role) {
        this(keyId, name, role, null);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean viaFeedToken() {
        return feedTokenId != null;
    }
}
