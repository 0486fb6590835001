package com.docketwatch.platform.errors;

import jakarta.ws.rs.core.Response;

/** Builds the problem+json response for a status the framework raised (404, 405, 415, ...). */
public final class ProblemResponses {
    private ProblemResponses() {}

    public static Response of(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA)
                .entity(problem)
                .build();
    }

    public static Problem forStatus(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return Problem.of(status, slug, title, detail);
    }
}
