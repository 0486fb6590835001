package com.docketwatch.platform.errors;

import java.util.List;

/**
 * A client-facing failure with its HTTP status; mapped to problem+json by {@link ApiExceptionMapper}.
 * Thrown from services and resources; never built into a response by hand.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not Found", detail, null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, null);
    }

    public static ApiException invalidTransition(String detail) {
        return new ApiException(409, "invalid-transition", "Invalid status transition", detail, null);
    }

    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiException(422, "validation", "Invalid request", detail, errors);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException badParameter(String field, String message) {
        return new ApiException(
                400,
                "bad-parameter",
                "Malformed parameter",
                field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", "Bad Request", detail, null);
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(Problem.of(status, slug, title, null).type(), title, status, getMessage(), errors);
    }
}
