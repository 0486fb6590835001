package com.docketwatch.outputs;

import com.docketwatch.auth.ApiKeyAuthFilter;
import com.docketwatch.auth.ApiKeys;
import com.docketwatch.auth.Caller;
import com.docketwatch.auth.Role;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.Problem;
import com.docketwatch.platform.errors.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code ?token=<feed token>} on the routes marked {@link FeedAccess} (calendars and feeds) and
 * nowhere else: it is bound to those resource methods only, so a token in any other URL is simply
 * ignored (and that request then needs its Bearer key as usual). It runs before
 * {@link ApiKeyAuthFilter}, which lets a request through that this filter authenticated. Without
 * {@code token} it does nothing and the Bearer key decides. Only feed tokens are looked up here:
 * an API key in the URL is never accepted.
 */
@FeedAccess
@Priority(Priorities.AUTHENTICATION - 10)
public final class FeedTokenAuthFilter implements ContainerRequestFilter {
    public static final String PARAM = "token";
    private static final String CALLER = FeedTokenAuthFilter.class.getName() + ".caller";

    private final Jdbi jdbi;

    public FeedTokenAuthFilter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        List<String> tokens = ctx.getUriInfo().getQueryParameters().get(PARAM);
        if (tokens == null || tokens.isEmpty()) {
            return;
        }
        String token = tokens.get(0);
        Optional<FeedTokenDao.ActiveToken> found =
                tokens.size() > 1 || token == null || token.isBlank() || token.length() > 200
                        ? Optional.empty()
                        : jdbi.withHandle(h -> Daos.on(h, FeedTokenDao.class).findActive(ApiKeys.hash(token.trim())));
        FeedTokenDao.ActiveToken t = found.orElseThrow(FeedTokenAuthFilter::unauthorized);
        Caller caller = new Caller(t.apiKeyId(), "feed token " + t.name(), Role.REPORTER, t.id());
        boolean secure = ctx.getSecurityContext().isSecure();
        ctx.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.role().includes(Role.fromWire(role));
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "feed-token";
            }
        });
        ctx.setProperty(CALLER, caller);
    }

    /** True when this filter authenticated the request by its feed token. */
    public static boolean authenticated(ContainerRequestContext ctx) {
        return ctx.getProperty(CALLER) instanceof Caller;
    }

    private static WebApplicationException unauthorized() {
        return new WebApplicationException(Response.fromResponse(ProblemResponses.of(Problem.of(
                        401,
                        "unauthorized",
                        "Unauthorized",
                        "The feed token is unknown or revoked (or its API key was revoked)")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"docketwatch\"")
                .build());
    }
}
