package com.docketwatch.platform.errors;

import com.docketwatch.platform.request.InvalidValue;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import org.glassfish.jersey.server.ParamException;

/**
 * A path or query parameter its converter could not read (Jersey's default answer is a bare 404):
 * a path id that cannot name a row is simply not found (404); any other parameter is a 400 naming it.
 */
@Provider
public class ParamExceptionMapper implements ExceptionMapper<ParamException> {
    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(ParamException e) {
        String name = e.getParameterName();
        InvalidValue invalid = e.getCause() instanceof InvalidValue v ? v : null;
        if (e instanceof ParamException.PathParamException) {
            String raw = invalid == null ? "" : invalid.raw();
            return ProblemResponses.of(ApiException.notFound("No " + what(name, raw) + " with id " + raw)
                    .toProblem());
        }
        String message = invalid != null ? invalid.getMessage() : "is malformed";
        return ProblemResponses.of(ApiException.badParameter(name, message).toProblem());
    }

    /** What a path id names: {@code party} for {@code {party_id}}, the collection's singular for {@code {id}}. */
    private String what(String name, String raw) {
        if (!name.equals("id")) {
            return noun(name.replaceFirst("_id$", ""));
        }
        List<PathSegment> segments = uri == null ? List.of() : uri.getPathSegments(true);
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).getPath().equals(raw)) {
                return noun(segments.get(i - 1).getPath().replaceFirst("s$", ""));
            }
        }
        return "resource";
    }

    static String noun(String name) {
        return name.equals("change")
                ? "status change"
                : name.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
    }
}
