package com.docketwatch.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The service's OpenAPI 3 description, {@code openapi.yaml} on the classpath (maintained by hand),
 * served as JSON. Needs no API key: it carries neither {@code @RolesAllowed} nor {@code @PermitAll},
 * so the authentication filter is not bound to it.
 */
@Path("/api/v1/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {
    static final String RESOURCE = "/openapi.yaml";

    private final JsonNode document;

    public OpenApiResource() {
        this.document = load(RESOURCE);
    }

    /** The OpenAPI document: 200. */
    @GET
    public JsonNode get() {
        return document;
    }

    /** Reads and parses the YAML once; a missing or broken file fails start-up rather than a request. */
    static JsonNode load(String resource) {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the classpath");
            }
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
            if (doc == null || !doc.isObject() || !doc.hasNonNull("openapi")) {
                throw new IllegalStateException(resource + " is not an OpenAPI document");
            }
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
