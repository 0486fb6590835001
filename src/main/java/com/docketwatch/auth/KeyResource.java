package com.docketwatch.auth;

import com.docketwatch.platform.request.Id;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import com.docketwatch.platform.web.Created;
import jakarta.annotation.security.RolesAllowed;
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

/** API keys; admin only. */
@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class KeyResource {
    private final KeyService keys;

    public KeyResource(KeyService keys) {
        this.keys = keys;
    }

    /** Issues a key: 201 with the key itself, shown only here; 422 for a bad name or role. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid KeyRequest body) {
        KeyView key = keys.create(body);
        return Created.at("keys/" + key.id(), key);
    }

    /** Lists keys (never their secrets). */
    @GET
    public Page<KeyView> list(@BeanParam PageRequest page) {
        return keys.list(page);
    }

    /** Revokes a key at once: 204; 404 for an unknown id. */
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") Id id) {
        keys.revoke(id.value());
        return Response.noContent().build();
    }
}
