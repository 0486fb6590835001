package com.docketwatch.platform.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * Request bodies Jackson could not read: syntax errors and content after the JSON value are 400
 * (malformed JSON); well-formed JSON with a value of the wrong type or an unknown field is 422 naming
 * the field.
 */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
        // The body stream itself refused (over 1 MiB, undecodable), possibly while Jackson read a value.
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ApiException refused) {
                return ProblemResponses.of(refused.toProblem());
            }
        }
        // A truncated body can surface as a mapping error wrapping the parser's end-of-input: still malformed JSON.
        boolean outOfRange = e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException;
        if (!outOfRange
                && (e instanceof StreamReadException
                        || e.getCause() instanceof StreamReadException
                        || !(e instanceof JsonMappingException)
                        || trailingContent(e))) {
            return ProblemResponses.of(Problem.of(
                    400,
                    "malformed-json",
                    "Malformed JSON",
                    "The body is not valid JSON: "
                            + (e.getCause() instanceof StreamReadException r
                                    ? r.getOriginalMessage()
                                    : e.getOriginalMessage())));
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return ProblemResponses.of(
                    ApiException.invalid("body", "a number is out of range").toProblem());
        }
        if (outOfRange) {
            return ProblemResponses.of(
                    ApiException.invalid(path(mapping), "is out of range").toProblem());
        }
        String field = path(mapping);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
            message = e.getCause().getMessage();
        } else {
            message = describe(mapping);
        }
        return ProblemResponses.of(ApiException.invalid(field, message).toProblem());
    }

    private static String path(JsonMappingException mapping) {
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return field.isEmpty() ? "body" : field;
    }

    /** A second value after the first ({@code {} {}}) is not one JSON text: malformed, not invalid. */
    private static boolean trailingContent(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token");
    }

    private static String describe(JsonMappingException e) {
        String msg = e.getOriginalMessage();
        if (msg != null && msg.contains("java.time")) {
            return "not a valid ISO-8601 value (dates 2024-08-05, instants 2025-02-04T10:00:00-08:00)";
        }
        if (msg != null && msg.startsWith("Cannot deserialize value of type")) {
            String type = msg.replaceFirst("Cannot deserialize value of type `([^`]*)`.*", "$1");
            return "wrong type (expected " + simpleType(type) + ")";
        }
        return "invalid value";
    }

    private static String simpleType(String javaType) {
        return switch (javaType) {
            case "int", "long", "java.lang.Integer", "java.lang.Long" -> "an integer";
            case "boolean", "java.lang.Boolean" -> "true or false";
            case "java.lang.String" -> "a string";
            default -> javaType.startsWith("java.util.List") ? "an array" : "an object";
        };
    }
}
