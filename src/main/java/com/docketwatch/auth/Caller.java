package com.docketwatch.auth;

import java.security.Principal;

/** The API key a request presented: its id, name and role. */
public record Caller(long keyId, String name, Role role) implements Principal {
    @Override
    public String getName() {
        return name;
    }
}
