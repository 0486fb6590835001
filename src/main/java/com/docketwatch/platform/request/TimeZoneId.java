package com.docketwatch.platform.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

/** An IANA time zone id such as {@code America/Los_Angeles}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Constraint(validatedBy = TimeZoneId.Validator.class)
public @interface TimeZoneId {
    String message() default "is not a time zone id such as America/Los_Angeles";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<TimeZoneId, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || zone(value.toString());
        }

        /**
         * IANA region ids only: an offset such as {@code +05:00} or {@code UTC+5} is a valid {@link ZoneId}, but
         * PostgreSQL reads it POSIX-style, with the sign flipped, where digests and timelines use the zone.
         */
        private static boolean zone(String id) {
            return ZoneId.getAvailableZoneIds().contains(id);
        }
    }
}
