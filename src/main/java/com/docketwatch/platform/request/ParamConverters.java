package com.docketwatch.platform.request;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Reads the typed path and query parameters: dates, instants ({@link EndOfDay} for upper bounds),
 * durations, and the API's own types by their static {@code of(String)} or {@code parse(String)}: the
 * enums (the same {@code @JsonCreator} that reads them from JSON bodies), ids, page limits, cursors.
 * An empty value is an absent one. A value that cannot be read throws {@link InvalidValue}, which
 * Jersey wraps in a ParamException naming the parameter ({@code ParamExceptionMapper}: 404 for a
 * path id, 400 for a query parameter). Ranked ahead of Dropwizard's converter for enums, which would
 * accept {@code Admin} for {@code admin}.
 */
@Provider
@Priority(1)
public final class ParamConverters implements ParamConverterProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Function<String, ?> read = reader(rawType, annotations);
        return read == null ? null : (ParamConverter<T>) new Converter<>(read);
    }

    private static Function<String, ?> reader(Class<?> type, Annotation[] annotations) {
        if (type == LocalDate.class) {
            return Params::date;
        }
        if (type == Instant.class) {
            boolean endOfDay = Arrays.stream(annotations).anyMatch(a -> a instanceof EndOfDay);
            return raw -> Params.instant(raw, endOfDay);
        }
        if (type == Duration.class) {
            return Params::duration;
        }
        if (type == Long.class) {
            return Params::whole;
        }
        if (!type.getPackageName().startsWith("com.docketwatch")) {
            return null;
        }
        for (String name : new String[] {"of", "parse"}) {
            try {
                Method factory = type.getMethod(name, String.class);
                if (Modifier.isStatic(factory.getModifiers()) && factory.getReturnType() == type) {
                    return raw -> invoke(factory, raw);
                }
            } catch (NoSuchMethodException e) {
                // try the next name
            }
        }
        return null;
    }

    private static Object invoke(Method parse, String raw) {
        try {
            return parse.invoke(null, raw);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Converter<T>(Function<String, T> read) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            return value == null || value.isEmpty() ? null : read.apply(value);
        }

        @Override
        public String toString(T value) {
            return value instanceof Enum<?> e ? Wire.name(e) : String.valueOf(value);
        }
    }
}
