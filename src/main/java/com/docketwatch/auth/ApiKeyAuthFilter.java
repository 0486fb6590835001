package com.docketwatch.auth;

import com.docketwatch.outputs.FeedTokenAuthFilter;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.Problem;
import com.docketwatch.platform.errors.ProblemResponses;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.Authorizer;
import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code Authorization: Bearer <api key>} and nothing else: unlike Dropwizard's OAuth filter, a key
 * in the query string is never accepted (URLs end up in logs and browser histories).
 */
@Priority(Priorities.AUTHENTICATION)
public final class ApiKeyAuthFilter extends AuthFilter<String, Caller> {
    private static final String SCHEME = "Bearer";

    public static ApiKeyAuthFilter create(Jdbi jdbi, KeyCache cache) {
        ApiKeyAuthFilter filter = new ApiKeyAuthFilter();
        filter.authenticator = authenticator(jdbi, cache);
        filter.authorizer = roleAuthorizer();
        filter.prefix = SCHEME;
        filter.realm = "docketwatch";
        filter.unauthorizedHandler = new ProblemUnauthorizedHandler();
        return filter;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (FeedTokenAuthFilter.authenticated(ctx)) {
            return; // a calendar or feed route, already authenticated by its ?token=
        }
        String key = bearer(ctx.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (!authenticate(ctx, key, SCHEME)) {
            throw unauthorizedHandler.buildException(prefix, realm);
        }
    }

    private static String bearer(String header) {
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        if (space <= 0 || !header.substring(0, space).equalsIgnoreCase(SCHEME)) {
            return null;
        }
        String key = header.substring(space + 1).trim();
        return key.isEmpty() || key.length() > 200 ? null : key;
    }

    private static Authenticator<String, Caller> authenticator(Jdbi jdbi, KeyCache cache) {
        return key -> cache.get(
                ApiKeys.hash(key),
                hash -> jdbi.withHandle(h -> Daos.on(h, KeyDao.class).findActive(hash))
                        .map(k -> new Caller(k.id(), k.name(), Role.fromWire(k.role()))));
    }

    private static Authorizer<Caller> roleAuthorizer() {
        return (caller, role, ctx) -> caller.role().includes(Role.fromWire(role));
    }

    /** 401 as problem+json with the {@code WWW-Authenticate} challenge. */
    static final class ProblemUnauthorizedHandler implements UnauthorizedHandler {
        @Override
        public Response buildResponse(String prefix, String realm) {
            return Response.fromResponse(ProblemResponses.of(Problem.of(
                            401,
                            "unauthorized",
                            "Unauthorized",
                            "Send a valid API key as 'Authorization: Bearer <key>'")))
                    .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
                    .build();
        }

        @Override
        public RuntimeException buildException(String prefix, String realm) {
            return new WebApplicationException(buildResponse(prefix, realm));
        }
    }
}
