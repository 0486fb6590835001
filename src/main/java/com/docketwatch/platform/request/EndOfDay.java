package com.docketwatch.platform.request;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link java.time.Instant} parameter that bounds a range from above ({@code ?to=}): a bare date
 * means the end of that day (the start of the next, UTC), so {@code to=2025-02-04} includes all of it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface EndOfDay {}
