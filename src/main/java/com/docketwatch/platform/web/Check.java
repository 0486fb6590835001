package com.docketwatch.platform.web;

import com.docketwatch.platform.Text;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.errors.FieldError;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects every invalid field of a request body, then fails once with a 422 naming them all. */
public final class Check {
    /** The message of every {@code @Size} on text: {@code must be at most 500 characters}. */
    public static final String AT_MOST = "must be at most {max} characters";
    private static final int MAX_TEXT = 10_000;
    private final List<FieldError> errors = new ArrayList<>();

    public static Check body(Object body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        return new Check();
    }

    public Check fail(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public Check required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            fail(field, "is required");
        }
        return this;
    }

    /** A required, non-blank string of at most {@code max} characters. */
    public Check text(String field, String value, int max) {
        if (Text.isBlank(value)) {
            return fail(field, "is required");
        }
        return optionalText(field, value, max);
    }

    /** At most {@code max} characters and no NUL, which PostgreSQL text cannot store. */
    public Check optionalText(String field, String value, int max) {
        if (value != null && value.length() > Math.min(max, MAX_TEXT * 10)) {
            fail(field, "must be at most " + max + " characters");
        } else if (value != null && value.indexOf('\u0000') >= 0) {
            fail(field, "must not contain NUL characters");
        }
        return this;
    }


    public Check oneOf(String field, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            fail(field, "must be one of " + String.join(", ", allowed));
        }
        return this;
    }

    public Check zone(String field, String value) {
        if (value == null || value.isBlank()) {
            return fail(field, "is required");
        }
        try {
            ZoneId.of(value);
        } catch (RuntimeException e) {
            fail(field, "is not a time zone id such as America/Los_Angeles");
        }
        return this;
    }

    public Check httpUrl(String field, String value) {
        if (value == null) {
            return this;
        }
        try {
            URI uri = new URI(value);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                fail(field, "must be an absolute http or https URL");
            }
        } catch (Exception e) {
            fail(field, "must be an absolute http or https URL");
        }
        return this;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void orThrow() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
