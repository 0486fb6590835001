package com.docketwatch.auth;

import java.util.Locale;

/** Roles nest: an admin may do what an editor may, an editor what a reporter may. */
public enum Role {
    REPORTER, EDITOR, ADMIN;

    public static final String ADMIN_NAME = "admin";
    public static final String EDITOR_NAME = "editor";
    public static final String REPORTER_NAME = "reporter";

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
