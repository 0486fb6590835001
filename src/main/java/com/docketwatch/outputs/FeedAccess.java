package com.docketwatch.outputs;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the calendar (.ics) and feed (.atom) routes: the only ones where a feed token is accepted
 * as {@code ?token=} (besides the usual Bearer key), see {@link FeedTokenAuthFilter}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FeedAccess {}
