package com.docketwatch.platform.web;

import com.docketwatch.platform.crypto.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Polite polling: every successful GET answer carries a strong {@code ETag}, the SHA-256 of the exact
 * bytes sent (the entity is serialised here, once, and those bytes are what goes out). A request whose
 * {@code If-None-Match} names it gets 304 with no body.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class ETagFilter implements ContainerResponseFilter {
    private final ObjectMapper json;

    public ETagFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext resp) {
        if (!HttpMethod.GET.equals(req.getMethod()) || resp.getStatus() != 200 || !resp.hasEntity()) {
            return;
        }
        MediaType type = resp.getMediaType();
        byte[] body = bytes(resp.getEntity());
        String etag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(body)) + "\"";
        resp.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        resp.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        if (matches(req.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            resp.setStatus(304);
            resp.setEntity(null);
            resp.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        } else {
            resp.setEntity(body, resp.getEntityAnnotations(), type);
        }
    }

    private byte[] bytes(Object entity) {
        if (entity instanceof byte[] b) {
            return b;
        }
        if (entity instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code If-None-Match}: {@code *} or a list of tags, compared weakly (RFC 9110 13.1.2). */
    static boolean matches(String header, String etag) {
        if (header == null || header.isBlank()) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
