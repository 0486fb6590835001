package com.docketwatch.operations;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.DropwizardLayout;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import io.dropwizard.logging.json.AccessAttribute;
import io.dropwizard.logging.json.AccessJsonLayoutBaseFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import io.dropwizard.logging.json.layout.AccessJsonLayout;
import io.dropwizard.request.logging.layout.LogbackAccessRequestLayout;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;

/**
 * The log formats {@code DOCKETWATCH_LOG_FORMAT} chooses between (config.yml names the layouts
 * {@code log-${DOCKETWATCH_LOG_FORMAT:-text}} and {@code request-${DOCKETWATCH_LOG_FORMAT:-text}}):
 * Dropwizard's text lines, or one JSON object per line with the request id as a top-level
 * {@code requestId}. A request line never holds the query string (feed tokens travel there) nor any
 * request header (API keys travel in {@code Authorization}).
 */
public final class LogLayouts {
    private static final String ISO_8601 = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

    private LogLayouts() {}

    /** Dropwizard's own text line. */
    @JsonTypeName("log-text")
    public static final class Text implements DiscoverableLayoutFactory<ILoggingEvent> {
        @Override
        public LayoutBase<ILoggingEvent> build(LoggerContext context, TimeZone timeZone) {
            return new DropwizardLayout(context, timeZone);
        }
    }

    /** Dropwizard's JSON line, the logging context (the request id) flattened into the object. */
    @JsonTypeName("log-json")
    public static final class Json extends EventJsonLayoutBaseFactory {
        public Json() {
            setFlattenMdc(true);
            setTimestampFormat(ISO_8601);
        }
    }

    /** The request line the service always wrote: path without query, status, bytes, milliseconds. */
    @JsonTypeName("request-text")
    public static final class RequestText implements DiscoverableLayoutFactory<IAccessEvent> {
        @Override
        public LayoutBase<IAccessEvent> build(LoggerContext context, TimeZone timeZone) {
            LogbackAccessRequestLayout layout = new LogbackAccessRequestLayout(context, timeZone);
            layout.setPattern("%h %t \"%m %U %H\" %s %b %D ms");
            return layout;
        }
    }

    /** A request as JSON: the same fields as the text line, and the request id. */
    @JsonTypeName("request-json")
    public static final class RequestJson extends AccessJsonLayoutBaseFactory {
        public RequestJson() {
            setTimestampFormat(ISO_8601);
            setIncludes(EnumSet.of(
                    AccessAttribute.TIMESTAMP,
                    AccessAttribute.REMOTE_ADDRESS,
                    AccessAttribute.METHOD,
                    AccessAttribute.REQUEST_URI,
                    AccessAttribute.PROTOCOL,
                    AccessAttribute.STATUS_CODE,
                    AccessAttribute.CONTENT_LENGTH,
                    AccessAttribute.REQUEST_TIME));
        }

        @Override
        public LayoutBase<IAccessEvent> build(LoggerContext context, TimeZone timeZone) {
            AccessJsonLayout layout =
                    new AccessJsonLayout(
                            createDropwizardJsonFormatter(),
                            createTimestampFormatter(timeZone),
                            getIncludes(),
                            getCustomFieldNames(),
                            getAdditionalFields()) {
                        @Override
                        protected Map<String, Object> toJsonMap(IAccessEvent event) {
                            Map<String, Object> line = new LinkedHashMap<>(super.toJsonMap(event));
                            String id = event.getResponseHeader(RequestIds.HEADER);
                            if (id != null && !id.isEmpty() && !"-".equals(id)) {
                                line.put(RequestIds.MDC_KEY, id);
                            }
                            return line;
                        }
                    };
            layout.setContext(context);
            return layout;
        }
    }
}
