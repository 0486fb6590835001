package com.docketwatch.outputs;

import com.docketwatch.auth.Caller;
import com.docketwatch.platform.request.Id;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import com.docketwatch.platform.web.Created;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Feed tokens of the calling API key (any role); another key's token is 404. */
@Path("/api/v1/feed-tokens")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class FeedTokenResource {
    private final FeedTokenService tokens;

    public FeedTokenResource(FeedTokenService tokens) {
        this.tokens = tokens;
    }

    /**
     * Mints a read-only token for calendar and feed URLs: 201 with the token, shown only here; 422 without
     * a name; 409 when the key already holds the most active tokens one key may have.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Caller caller, @NotNull @Valid FeedTokenRequest body) {
        FeedTokenView t = tokens.create(caller.keyId(), body);
        return Created.at("feed-tokens/" + t.id(), t);
    }

    /** The caller's own tokens, active and revoked, in creation order (never the tokens themselves). */
    @GET
    public Page<FeedTokenView> list(@Auth Caller caller, @BeanParam PageRequest page) {
        return tokens.list(caller.keyId(), page);
    }

    /** One of the caller's tokens; 404 for an unknown id or another key's token. */
    @GET
    @Path("{id}")
    public FeedTokenView get(@Auth Caller caller, @PathParam("id") Id id) {
        return tokens.get(caller.keyId(), id.value());
    }

    /** Revokes the token at once: 204; 404 for an unknown id or another key's token. */
    @DELETE
    @Path("{id}")
    public Response revoke(@Auth Caller caller, @PathParam("id") Id id) {
        tokens.revoke(caller.keyId(), id.value());
        return Response.noContent().build();
    }
}
