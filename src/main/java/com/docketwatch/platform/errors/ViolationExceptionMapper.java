package com.docketwatch.platform.errors;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation of a resource method's arguments (Dropwizard's {@code JerseyViolationException}):
 * invalid body fields are one 422 naming each of them by its JSON name ({@code filed_on},
 * {@code channel.url}, {@code counsel[0].name}); a missing body is a 400; a query parameter out of
 * range is a 400 naming it, like one that could not be read.
 */
@Provider
public class ViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {
    /** Enough to fix a request by; a list of thousands of bad ids would otherwise answer thousands of errors. */
    static final int MAX_ERRORS = 100;
    /** How Dropwizard's parameter name provider names a {@code @QueryParam}. */
    private static final String QUERY = "query param ";

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    @Override
    public Response toResponse(ConstraintViolationException e) {
        return ProblemResponses.of(problem(e.getConstraintViolations()).toProblem());
    }

    static ApiException problem(Iterable<? extends ConstraintViolation<?>> violations) {
        List<FieldError> body = new ArrayList<>();
        List<FieldError> query = new ArrayList<>();
        boolean noBody = false;
        for (ConstraintViolation<?> v : violations) {
            String parameter = parameter(v.getPropertyPath());
            String field = field(v.getPropertyPath());
            if (parameter != null && parameter.startsWith(QUERY)) {
                query.add(new FieldError(parameter.substring(QUERY.length()), v.getMessage()));
            } else if (field.isEmpty() && v.getInvalidValue() == null) {
                noBody = true;
            } else {
                body.add(new FieldError(field.isEmpty() ? "body" : field, v.getMessage()));
            }
        }
        if (!query.isEmpty()) {
            return new ApiException(400, "bad-parameter", "Malformed parameter", detail(sorted(query)), sorted(query));
        }
        if (noBody) {
            return ApiException.badRequest("A JSON body is required");
        }
        return ApiException.invalid(sorted(body));
    }

    /** The JSON name of the violating value within its parameter; empty for the parameter itself. */
    static String field(Path path) {
        StringBuilder out = new StringBuilder();
        boolean inParameter = false;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER || kind == ElementKind.CROSS_PARAMETER) {
                inParameter = true;
                out.setLength(0);
                continue;
            }
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable()) {
                out.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (kind == ElementKind.PROPERTY) {
                out.append(out.isEmpty() ? "" : ".").append(SNAKE.translate(node.getName()));
            }
        }
        return inParameter || !out.isEmpty() ? out.toString() : "";
    }

    private static String parameter(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return node.getName();
            }
        }
        return null;
    }

    private static List<FieldError> sorted(List<FieldError> errors) {
        return errors.stream()
                .sorted(Comparator.comparing(FieldError::field, ViolationExceptionMapper::byPosition)
                        .thenComparing(FieldError::message))
                .limit(MAX_ERRORS)
                .toList();
    }

    /** {@code against[2]} before {@code against[10]}: list indexes in numeric order. */
    private static int byPosition(String a, String b) {
        String[] x = a.split("(?<=\\[)|(?=])");
        String[] y = b.split("(?<=\\[)|(?=])");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static String detail(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " parameters are malformed";
    }
}
