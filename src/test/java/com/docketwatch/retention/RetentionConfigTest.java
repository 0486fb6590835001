package com.docketwatch.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.docketwatch.DocketWatchConfiguration;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The {@code retention:} section of the shipped config.yml: its defaults, and periods refused. */
class RetentionConfigTest {
    @Test
    void deliveriesAndRemindersAreKept90DaysAndEventsAYear() throws Exception {
        RetentionConfig retention = load(new Properties()).getRetention();
        assertThat(retention.getDeliveries()).isEqualTo(Duration.ofDays(90));
        assertThat(retention.getReminders()).isEqualTo(Duration.ofDays(90));
        assertThat(retention.getEvents()).isEqualTo(Duration.ofDays(365));
        assertThat(retention.getBatchSize()).isEqualTo(5000);
        assertThat(retention.getMaxRunTime()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aPeriodUnderADayIsRefused() {
        Properties overrides = new Properties();
        overrides.setProperty("dw.retention.events", "PT1H");
        assertThatThrownBy(() -> load(overrides))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at least one day");
    }

    private static DocketWatchConfiguration load(Properties overrides) throws Exception {
        Properties saved = (Properties) System.getProperties().clone();
        try {
            System.getProperties().putAll(overrides);
            return new YamlConfigurationFactory<>(
                            DocketWatchConfiguration.class,
                            Validation.buildDefaultValidatorFactory().getValidator(),
                            Jackson.newObjectMapper(),
                            "dw")
                    .build(
                            new SubstitutingSourceProvider(
                                    new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
                            "config.yml");
        } finally {
            System.setProperties(saved);
        }
    }
}
