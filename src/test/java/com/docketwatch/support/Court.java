package com.docketwatch.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A static {@code String} field of a {@link DocketWatchIT} holding the id of a new court with a unique id
 * ({@link Api#court}), created after the keys by the first {@code @Key("editor")} field's key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Court {}
