package com.docketwatch.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A static {@code String} field of a {@link DocketWatchIT} holding a new API key with this role
 * ({@code admin}, {@code editor} or {@code reporter}), issued by the bootstrap admin. Keys are issued in
 * the order the fields are declared.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Key {
    String value();
}
