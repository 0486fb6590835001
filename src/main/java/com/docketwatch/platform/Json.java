package com.docketwatch.platform;

import com.docketwatch.platform.request.Params;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;

/** The JSON the API speaks, set once on the server's mapper and on the command-line tools' mappers. */
public final class Json {
    private Json() {}

    /** snake_case on the wire, ISO-8601 times (strictly), unknown fields refused. */
    public static ObjectMapper configure(ObjectMapper json) {
        return json.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Dates and instants only as ISO-8601 strings: no epoch numbers ("filed_on": 5 is not 1970-01-06).
                .setDefaultLeniency(false)
                .registerModule(new SimpleModule("iso-times")
                        .addDeserializer(
                                LocalDate.class, new IsoOnly<>(LocalDate.class, LocalDateDeserializer.INSTANCE))
                        .addDeserializer(
                                OffsetDateTime.class,
                                new IsoOnly<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME)));
    }

    /**
     * Dates and instants only as ISO-8601 strings with a year from 0001 to 9999: jsr310 reads a bare
     * number as an epoch value even when not lenient, and PostgreSQL cannot store every year java.time can.
     */
    static final class IsoOnly<T extends Temporal> extends StdDeserializer<T> {
        private final JsonDeserializer<T> iso;

        IsoOnly(Class<T> type, JsonDeserializer<T> iso) {
            super(type);
            this.iso = iso;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            T value = iso.deserialize(p, ctxt);
            if (value != null && !Params.supportedYear(value.get(ChronoField.YEAR))) {
                return (T) ctxt.handleWeirdStringValue(handledType(), p.getText(), "the year must be 0001 to 9999");
            }
            return value;
        }
    }
}
