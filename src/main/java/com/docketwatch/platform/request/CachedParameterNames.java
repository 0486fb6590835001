package com.docketwatch.platform.request;

import jakarta.validation.ParameterNameProvider;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The names validation messages give a resource method's parameters ("query param court"), worked out
 * once per method. Dropwizard's provider reads every parameter's annotations again each time a request
 * is validated: most of Hibernate Validator's work on a GET with constrained query parameters (a
 * tenth of the JVM's samples of {@code GET /hearings}). The names depend on the annotations only.
 */
public final class CachedParameterNames implements ParameterNameProvider {
    private final ParameterNameProvider names;
    private final Map<Executable, List<String>> known = new ConcurrentHashMap<>();

    public CachedParameterNames(ParameterNameProvider names) {
        this.names = names;
    }

    @Override
    public List<String> getParameterNames(Constructor<?> constructor) {
        return cached(constructor, c -> names.getParameterNames((Constructor<?>) c));
    }

    @Override
    public List<String> getParameterNames(Method method) {
        return cached(method, m -> names.getParameterNames((Method) m));
    }

    private List<String> cached(Executable executable, Function<Executable, List<String>> lookUp) {
        List<String> found = known.get(executable);
        if (found == null) {
            found = Collections.unmodifiableList(new ArrayList<>(lookUp.apply(executable)));
            known.putIfAbsent(executable, found);
        }
        return found;
    }
}
