package com.docketwatch.platform.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * Rows that PostgreSQL aggregated into JSON ({@code json_agg}) read back into the DAOs' records: a
 * query can then bring a case with its parties, claims and hearing in one round trip. Column names
 * are the records' components in snake_case; columns a record does not have are skipped.
 */
public final class JsonRows {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonRows() {}

    /** The rows of a {@code json_agg} column; none when it is null (the aggregate of no rows). */
    public static <T> List<T> list(String json, Class<T> type) {
        if (json == null) {
            return List.of();
        }
        JavaType listType = JSON.getTypeFactory().constructCollectionType(List.class, type);
        try {
            return JSON.readValue(json, listType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned rows that do not fit " + type.getSimpleName(), e);
        }
    }
}
