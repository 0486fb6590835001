package com.docketwatch.platform.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code 201 Created} with the new resource and its {@code Location}. */
public final class Created {
    private Created() {}

    public static Response at(String path, Object entity) {
        return Response.created(URI.create("/api/v1/" + path)).entity(entity).build();
    }
}
