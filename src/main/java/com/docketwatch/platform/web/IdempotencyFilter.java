package com.docketwatch.platform.web;

import com.docketwatch.auth.Caller;
import com.docketwatch.platform.crypto.SecretBox;
import com.docketwatch.platform.crypto.Sha256;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.errors.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code Idempotency-Key} on a POST: the first request's answer is stored per (API key, idempotency
 * key) and replayed to retries, so a retried create never creates twice. The same key with a
 * different request is a 422; a retry while the first is still running is a 409. Server errors are
 * not stored, so the client can retry them. A secret shown only once (a new API key) is not stored
 * either: its replay carries everything but the secret.
 */
@Priority(Priorities.USER)
public final class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIMED = IdempotencyFilter.class.getName() + ".claimed";

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final SecretBox box;

    /** Stored answers are sealed with {@code box}: some hold secrets shown only once. */
    public IdempotencyFilter(Jdbi jdbi, ObjectMapper json, SecretBox box) {
        this.jdbi = jdbi;
        this.json = json;
        this.box = box;
    }

    @Override
    public void filter(ContainerRequestContext req) throws IOException {
        String key = req.getHeaderString(HEADER);
        if (key == null
                || !HttpMethod.POST.equals(req.getMethod())
                || !(req.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
            return;
        }
        if (key.isBlank() || key.length() > 255) {
            throw ApiException.badParameter(HEADER, "must be 1 to 255 characters");
        }
        byte[] body = req.hasEntity() ? req.getEntityStream().readAllBytes() : new byte[0];
        req.setEntityStream(new ByteArrayInputStream(body));
        byte[] hash = hash(req.getMethod() + " " + req.getUriInfo().getPath() + "\n", body);
        if (jdbi.inTransaction(h -> Daos.on(h, IdempotencyDao.class).claim(caller.keyId(), key, hash))) {
            req.setProperty(CLAIMED, new Claim(caller.keyId(), key));
            return;
        }
        Optional<IdempotencyDao.Record> first =
                jdbi.withHandle(h -> Daos.on(h, IdempotencyDao.class).find(caller.keyId(), key));
        if (first.isEmpty() || first.get().status() == null) {
            throw ApiException.conflict("A request with this Idempotency-Key is still in progress; retry shortly");
        }
        IdempotencyDao.Record r = first.get();
        if (!Arrays.equals(r.requestHash(), hash)) {
            throw ApiException.invalid(HEADER, "was already used for a different request");
        }
        Response.ResponseBuilder replay = Response.status(r.status())
                .entity(
                        r.responseSealed() == null
                                ? null
                                : new String(box.open(r.responseSealed()), StandardCharsets.UTF_8))
                .type(r.status() >= 400 ? Problem.MEDIA : MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotent-Replayed", "true");
        if (r.location() != null) {
            replay.header(HttpHeaders.LOCATION, r.location());
        }
        req.abortWith(replay.build());
    }

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext resp) {
        if (!(req.getProperty(CLAIMED) instanceof Claim claim)) {
            return;
        }
        if (resp.getStatus() >= 500) {
            jdbi.useTransaction(h -> Daos.on(h, IdempotencyDao.class).release(claim.apiKeyId(), claim.key()));
            return;
        }
        String location = resp.getHeaderString(HttpHeaders.LOCATION);
        // An API key is never stored, not even sealed: its replay omits it. Other answers are sealed.
        Object entity = resp.getEntity() instanceof ShownOnce once ? once.withoutSecret() : resp.getEntity();
        String body = serialise(entity);
        byte[] sealed = body == null ? null : box.seal(body.getBytes(StandardCharsets.UTF_8));
        jdbi.useTransaction(h -> Daos.on(h, IdempotencyDao.class)
                .complete(claim.apiKeyId(), claim.key(), resp.getStatus(), location, sealed));
    }

    private String serialise(Object entity) {
        if (entity == null) {
            return null;
        }
        if (entity instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] hash(String head, byte[] body) {
        MessageDigest sha = Sha256.newDigest();
        sha.update(head.getBytes(StandardCharsets.UTF_8));
        sha.update(body);
        return sha.digest();
    }

    private record Claim(long apiKeyId, String key) {}
}
