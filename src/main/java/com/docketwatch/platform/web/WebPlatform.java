package com.docketwatch.platform.web;

import com.docketwatch.platform.crypto.SecretBox;
import com.docketwatch.platform.errors.ApiExceptionMapper;
import com.docketwatch.platform.errors.DatabaseExceptionMapper;
import com.docketwatch.platform.errors.JsonExceptionMapper;
import com.docketwatch.platform.errors.ParamExceptionMapper;
import com.docketwatch.platform.errors.UnexpectedExceptionMapper;
import com.docketwatch.platform.errors.ViolationExceptionMapper;
import com.docketwatch.platform.errors.WebApplicationExceptionMapper;
import com.docketwatch.platform.request.PageRequestBinder;
import com.docketwatch.platform.request.ParamConverters;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import org.jdbi.v3.core.Jdbi;

/**
 * What every request goes through whatever its feature: problem+json errors, the body limit, idempotent
 * replays, per-key rate limits, ETags; plus the OpenAPI document and the web page.
 */
public final class WebPlatform {
    private WebPlatform() {}

    public static void install(
            Environment env, Jdbi jdbi, ObjectMapper json, SecretBox secrets, RateLimitConfig limits) {
        var jersey = env.jersey();
        jersey.register(new ApiExceptionMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new JsonExceptionMapper());
        jersey.register(new DatabaseExceptionMapper());
        jersey.register(new UnexpectedExceptionMapper());
        jersey.register(new ParamExceptionMapper());
        jersey.register(new ViolationExceptionMapper());
        jersey.register(new ParamConverters());
        jersey.register(new PageRequestBinder());
        env.lifecycle().addEventListener(new JettyCustomizer());
        jersey.register(new BodyLimitFilter());
        jersey.register(new UnreadBodyFilter());
        jersey.register(new IdempotencyFilter(jdbi, json, secrets));
        jersey.register(new RateLimitFilter(limits.getPerMinute(), limits.getBurst()));
        jersey.register(new ETagFilter(json));
        jersey.register(new OpenApiResource());
        jersey.register(new WebResource());
    }
}
