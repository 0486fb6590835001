package com.docketwatch.auth;

import com.docketwatch.platform.request.Wire;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** Roles nest: an admin may do what an editor may, an editor what a reporter may. */
public enum Role {
    REPORTER,
    EDITOR,
    ADMIN;

    public static final String ADMIN_NAME = "admin";
    public static final String EDITOR_NAME = "editor";
    public static final String REPORTER_NAME = "reporter";
    /** The wire names, in the order the contract lists them (most powerful first). */
    public static final List<String> ALL = List.of(ADMIN_NAME, EDITOR_NAME, REPORTER_NAME);

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A role a request names: exactly its wire name ({@code Admin} is not one). */
    @JsonCreator
    public static Role of(String wire) {
        return Wire.parse(new Role[] {ADMIN, EDITOR, REPORTER}, wire);
    }

    /** A role as stored. */
    public static Role fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
