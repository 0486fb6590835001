package com.docketwatch.platform.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.JerseyParameterNameProvider;
import jakarta.validation.ParameterNameProvider;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedParameterNamesTest {
    @SuppressWarnings("unused")
    static final class Resource {
        Resource(@QueryParam("q") String q) {}

        void calendar(@QueryParam("court") String court, @PathParam("id") String id) {}

        void other(@QueryParam("status") String status) {}
    }

    @Test
    void namesAreDropwizardsAndWorkedOutOncePerMethod() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        ParameterNameProvider jersey = new JerseyParameterNameProvider();
        ParameterNameProvider counting = new ParameterNameProvider() {
            @Override
            public List<String> getParameterNames(Constructor<?> constructor) {
                lookups.incrementAndGet();
                return jersey.getParameterNames(constructor);
            }

            @Override
            public List<String> getParameterNames(Method method) {
                lookups.incrementAndGet();
                return jersey.getParameterNames(method);
            }
        };
        CachedParameterNames names = new CachedParameterNames(counting);
        Method calendar = Resource.class.getDeclaredMethod("calendar", String.class, String.class);
        Method other = Resource.class.getDeclaredMethod("other", String.class);
        Constructor<?> constructor = Resource.class.getDeclaredConstructor(String.class);

        assertThat(names.getParameterNames(calendar)).isEqualTo(jersey.getParameterNames(calendar));
        assertThat(names.getParameterNames(calendar)).containsExactly("query param court", "path param id");
        assertThat(names.getParameterNames(Resource.class.getDeclaredMethod("calendar", String.class, String.class)))
                .containsExactly("query param court", "path param id");
        assertThat(names.getParameterNames(other)).containsExactly("query param status");
        assertThat(names.getParameterNames(constructor)).isEqualTo(jersey.getParameterNames(constructor));
        assertThat(names.getParameterNames(constructor)).isEqualTo(jersey.getParameterNames(constructor));
        assertThat(lookups).as("one look-up per method and constructor").hasValue(3);
    }
}
