package com.docketwatch.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.docketwatch.DocketWatchConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import jakarta.validation.Validation;
import java.util.Map;
import java.util.TimeZone;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookupFactory;
import org.junit.jupiter.api.Test;

/** DOCKETWATCH_LOG_FORMAT in the shipped config.yml: text by default, JSON lines with the request id on demand. */
class LogFormatTest {
    @Test
    void textUnlessAskedOtherwise() throws Exception {
        DocketWatchConfiguration config = load(Map.of());
        assertThat(appLayout(config)).isInstanceOf(LogLayouts.Text.class);
        assertThat(requestLayout(config)).isInstanceOf(LogLayouts.RequestText.class);
    }

    @Test
    void jsonLinesCarryTheRequestIdAtTopLevel() throws Exception {
        DocketWatchConfiguration config = load(Map.of("DOCKETWATCH_LOG_FORMAT", "json"));
        assertThat(requestLayout(config)).isInstanceOf(LogLayouts.RequestJson.class);
        LoggerContext context = new LoggerContext();
        LayoutBase<ILoggingEvent> layout =
                ((LogLayouts.Json) appLayout(config)).build(context, TimeZone.getTimeZone("UTC"));
        layout.start();
        LoggingEvent event = new LoggingEvent(
                Logger.class.getName(),
                context.getLogger("com.docketwatch.Example"),
                Level.WARN,
                "delivery {} failed",
                null,
                new Object[] {42});
        event.setLoggerContext(context);
        event.setThreadName("dw-1");
        event.setTimeStamp(1_700_000_000_000L);
        event.setMDCPropertyMap(Map.of(RequestIds.MDC_KEY, "lb-7"));
        String line = layout.doLayout(event);
        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("requestId").asText()).isEqualTo("lb-7");
        assertThat(json.get("message").asText()).isEqualTo("delivery 42 failed");
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("timestamp").asText()).isEqualTo("2023-11-14T22:13:20.000Z");
    }

    @Test
    void anUnknownFormatStopsTheServiceAtStart() {
        assertThatThrownBy(() -> load(Map.of("DOCKETWATCH_LOG_FORMAT", "xml")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("request-xml");
    }

    @Test
    void onlyPlainRequestIdsAreTakenFromTheLoadBalancer() {
        assertThat(RequestIds.idOf("lb-0f3a.9_Z")).isEqualTo("lb-0f3a.9_Z");
        assertThat(RequestIds.idOf("x\"} {\"level\":\"ERROR")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.idOf("a".repeat(65))).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.idOf(null)).matches("[0-9a-f-]{36}");
    }

    private static Object appLayout(DocketWatchConfiguration config) {
        DefaultLoggingFactory logging = (DefaultLoggingFactory) config.getLoggingFactory();
        return ((AbstractAppenderFactory<?>) logging.getAppenders().get(0)).getLayout();
    }

    private static Object requestLayout(DocketWatchConfiguration config) {
        LogbackAccessRequestLogFactory requests = (LogbackAccessRequestLogFactory)
                ((DefaultServerFactory) config.getServerFactory()).getRequestLogFactory();
        return ((AbstractAppenderFactory<?>) requests.getAppenders().get(0)).getLayout();
    }

    private static DocketWatchConfiguration load(Map<String, String> env) throws Exception {
        StringSubstitutor substitutor = new StringSubstitutor(StringLookupFactory.INSTANCE.mapStringLookup(env));
        return new YamlConfigurationFactory<>(
                        DocketWatchConfiguration.class,
                        Validation.buildDefaultValidatorFactory().getValidator(),
                        Jackson.newObjectMapper(),
                        "dw")
                .build(
                        new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor),
                        "config.yml");
    }
}
