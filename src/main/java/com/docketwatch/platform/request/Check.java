package com.docketwatch.platform.request;

import com.docketwatch.platform.Text;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.errors.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects invalid fields, then fails once with a 422 naming them all, for what the request records'
 * constraints cannot say: rules across fields, merge patches read as JSON trees, the docket import.
 */
public final class Check {
    /** The message of every {@code @Size} on text: {@code must be at most 500 characters}. */
    public static final String AT_MOST = "must be at most {max} characters";

    private static final int MAX_TEXT = 10_000;
    private final List<FieldError> errors = new ArrayList<>();

    public Check fail(String field, String message) {
        errors.add(new FieldError(field, message));
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

    public boolean ok() {
        return errors.isEmpty();
    }

    public void orThrow() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
