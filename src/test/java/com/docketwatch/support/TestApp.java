package com.docketwatch.support;

import com.docketwatch.DocketWatchApplication;
import com.docketwatch.DocketWatchConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The real service on random ports with the project's own {@code config.yml}, on a fresh PostgreSQL
 * database, with {@link #ADMIN_KEY} as its bootstrap admin key.
 */
public final class TestApp {
    public static final String ADMIN_KEY = "test-admin-key-0123456789";
    /** A fixed AES key for webhook secrets, shared by instances on one database. */
    public static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private TestApp() {}

    public static DropwizardAppExtension<DocketWatchConfiguration> create(ConfigOverride... extra) {
        return create(TestDatabases.fresh(), extra);
    }

    /** An instance on the given database (several instances may share one). */
    public static DropwizardAppExtension<DocketWatchConfiguration> create(String databaseUrl, ConfigOverride... extra) {
        return new DropwizardAppExtension<>(
                DocketWatchApplication.class, projectFile("config.yml"), overrides(databaseUrl, extra));
    }

    /**
     * An instance with this rate limit per key. (Overrides are a set: two for the same key would
     * apply in no particular order, so the limit is not an {@code extra}.)
     */
    public static DropwizardAppExtension<DocketWatchConfiguration> withRateLimit(
            int perMinute, int burst, ConfigOverride... extra) {
        return new DropwizardAppExtension<>(
                DocketWatchApplication.class,
                projectFile("config.yml"),
                overrides(TestDatabases.fresh(), String.valueOf(perMinute), String.valueOf(burst), extra));
    }

    /** An instance whose clock the test controls. */
    public static DropwizardAppExtension<DocketWatchConfiguration> withClock(Clock clock, ConfigOverride... extra) {
        return new DropwizardAppExtension<>(
                new DropwizardTestSupport<DocketWatchConfiguration>(
                        DocketWatchApplication.class,
                        projectFile("config.yml"),
                        overrides(TestDatabases.fresh(), extra)) {
                    @Override
                    public Application<DocketWatchConfiguration> newApplication() {
                        return new DocketWatchApplication(clock);
                    }
                });
    }

    private static ConfigOverride[] overrides(String databaseUrl, ConfigOverride... extra) {
        // Tests fire requests far faster than any newsroom script; RateLimitIT sets a small limit.
        return overrides(databaseUrl, "1000000", "100000", extra);
    }

    private static ConfigOverride[] overrides(
            String databaseUrl, String perMinute, String burst, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", databaseUrl),
                ConfigOverride.config("alerts.secretKey", SECRET_KEY),
                ConfigOverride.config("bootstrapAdminKey", ADMIN_KEY),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("logging.level", "WARN"),
                ConfigOverride.config("rateLimit.perMinute", perMinute),
                ConfigOverride.config("rateLimit.burst", burst)));
        overrides.addAll(List.of(extra));
        return overrides.toArray(ConfigOverride[]::new);
    }

    public static Api api(DropwizardAppExtension<DocketWatchConfiguration> app) {
        return new Api("http://localhost:" + app.getLocalPort());
    }

    public static String projectFile(String name) {
        return Path.of(name).toAbsolutePath().toString();
    }
}
