package com.docketwatch.auth;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.core.setup.Environment;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;

/** API keys: the Bearer-key filter, role checks on {@code @RolesAllowed}, and {@code /keys}. */
public final class AuthFeature {
    private AuthFeature() {}

    public static KeyService install(Environment env, Jdbi jdbi, AuthConfig config) {
        KeyCache cache = new KeyCache(config.getKeyCacheTtl());
        KeyService keys = new KeyService(jdbi, cache);
        env.jersey().register(new AuthDynamicFeature(ApiKeyAuthFilter.create(jdbi, cache)));
        env.jersey().register(RolesAllowedDynamicFeature.class);
        env.jersey().register(new AuthValueFactoryProvider.Binder<>(Caller.class));
        env.jersey().register(new KeyResource(keys));
        return keys;
    }
}
