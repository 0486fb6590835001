package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

/** The shipped config.yml, read as the service reads it (environment variables substituted). */
class ConfigFileTest {
    @Test
    void theAdminPortListensOnLoopbackUnlessConfigured() throws Exception {
        DefaultServerFactory server = (DefaultServerFactory) load().getServerFactory();
        assertListensOnLoopbackUnless(
                "DOCKETWATCH_ADMIN_HOST", server.getAdminConnectors().get(0));
    }

    @Test
    void theApiListensOnLoopbackUnlessConfigured() throws Exception {
        DefaultServerFactory server = (DefaultServerFactory) load().getServerFactory();
        assertListensOnLoopbackUnless(
                "DOCKETWATCH_HOST", server.getApplicationConnectors().get(0));
    }

    /** The connector binds 127.0.0.1, or the address the environment variable {@code variable} names. */
    private static void assertListensOnLoopbackUnless(String variable, ConnectorFactory connector) {
        String configured = System.getenv(variable);
        assertThat(((HttpConnectorFactory) connector).getBindHost())
                .isEqualTo(configured == null ? "127.0.0.1" : configured);
    }

    @Test
    void everySectionHasItsDefaults() throws Exception {
        DocketWatchConfiguration config = load();
        assertThat(config.getAuth().getKeyCacheTtl()).hasSeconds(5);
        assertThat(config.getReminders().getBatchSize()).isEqualTo(1000);
        assertThat(config.getScheduling().getThreads()).isEqualTo(4);
        assertThat(config.getCourtFeeds().getMaxBackoff()).hasHours(6);
        assertThat(config.getDatabase().getStatementTimeout()).hasSeconds(5);
        assertThat(config.getDatabase().getBackgroundStatementTimeout()).hasMinutes(10);
        assertThat(config.getDatabase().getMaxReplicaLag()).hasSeconds(5);
        assertThat(config.getDatabase().getReplicaCheckInterval()).hasMillis(100);
        assertThat(config.getDatabase().hasReadReplica())
                .isEqualTo(System.getenv("DOCKETWATCH_DATABASE_READ_URL") != null
                        && !System.getenv("DOCKETWATCH_DATABASE_READ_URL").isBlank());
        assertThat(config.getEvents().getMaxWaitersPerKey()).isEqualTo(10);
    }

    private static DocketWatchConfiguration load() throws Exception {
        ConfigurationSourceProvider files = new SubstitutingSourceProvider(
                new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false));
        return new YamlConfigurationFactory<>(
                        DocketWatchConfiguration.class,
                        Validation.buildDefaultValidatorFactory().getValidator(),
                        Jackson.newObjectMapper(),
                        "dw")
                .build(files, "config.yml");
    }
}
