package com.docketwatch.platform.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The read-only web page at {@code /}: one static file whose script reads the API with the reader's
 * key (kept in the browser tab, sent only in the Authorization header) and links calendars and feeds
 * with a feed token. Needs no key itself: it carries no data. Its Content-Security-Policy allows only
 * its own inline script (by hash) and requests to this origin.
 */
@Path("/")
public class WebResource {
    static final String PAGE = "/web/index.html";

    private final String html;
    private final String policy;

    public WebResource() {
        this.html = load();
        int open = html.indexOf("<script>") + "<script>".length();
        String script = html.substring(open, html.indexOf("</script>", open));
        this.policy = "default-src 'none'; script-src 'sha256-" + sha256(script) + "'; style-src 'unsafe-inline'; "
                + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The page: 200. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return Response.ok(html, MediaType.TEXT_HTML + "; charset=UTF-8")
                .header("Content-Security-Policy", policy)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static String load() {
        try (InputStream in = WebResource.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException("No " + PAGE + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
