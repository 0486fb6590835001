package com.docketwatch.platform.request;

import jakarta.inject.Singleton;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.function.Function;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ParamException;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;

/**
 * Fills every {@code @BeanParam PageRequest} from {@code ?limit=} and {@code ?cursor=} (the fields it
 * declares), failing like any query parameter (a ParamException naming it). Jersey's own bean
 * parameters are built by HK2, which logs each malformed value as an "Unknown HK2 failure" warning
 * with two stack traces before the same 400 is answered.
 */
public final class PageRequestBinder extends AbstractBinder {
    @Override
    protected void configure() {
        bind(new PageRequests()).to(ValueParamProvider.class).in(Singleton.class);
    }

    static final class PageRequests implements ValueParamProvider {
        @Override
        public Function<ContainerRequest, ?> getValueProvider(Parameter parameter) {
            boolean page =
                    parameter.getRawType() == PageRequest.class && parameter.getSourceAnnotation() instanceof BeanParam;
            return page ? request -> read(request.getUriInfo().getQueryParameters()) : null;
        }

        @Override
        public PriorityType getPriority() {
            return Priority.HIGH;
        }
    }

    static PageRequest read(MultivaluedMap<String, String> query) {
        Limit limit = value(query, "limit", Limit::parse);
        return new PageRequest(limit, value(query, "cursor", Cursor::parse));
    }

    private static <T> T value(MultivaluedMap<String, String> query, String name, Function<String, T> parse) {
        String raw = query.getFirst(name);
        try {
            return raw == null || raw.isEmpty() ? null : parse.apply(raw);
        } catch (InvalidValue e) {
            throw new ParamException.QueryParamException(e, name, null);
        }
    }
}
