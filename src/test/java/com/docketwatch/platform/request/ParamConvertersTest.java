package com.docketwatch.platform.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.docketwatch.auth.Role;
import com.docketwatch.filings.FilingKind;
import com.docketwatch.timeline.TimelineTypes;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParamConvertersTest {
    private static final ParamConverters PROVIDER = new ParamConverters();
    private static final Annotation END_OF_DAY = new EndOfDay() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return EndOfDay.class;
        }
    };

    @Test
    void ids() {
        assertThat(read(Id.class, "42")).isEqualTo(new Id(42));
        assertThat(read(Id.class, "000000000000000007")).isEqualTo(new Id(7));
        for (String bad : new String[] {"0", "-1", "abc", "1e3", "1.5", " 1", "+1", "1234567890123456789", "\u0661"}) {
            assertInvalid(Id.class, bad, "is not an id");
        }
    }

    @Test
    void datesAreIsoWithFourDigitYears() {
        assertThat(read(LocalDate.class, "2024-08-05")).isEqualTo(LocalDate.of(2024, 8, 5));
        assertThat(read(LocalDate.class, "0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
        assertInvalid(LocalDate.class, "2024-02-30", "must be a date such as 2024-08-05");
        assertInvalid(LocalDate.class, "yesterday", "must be a date such as 2024-08-05");
        assertInvalid(LocalDate.class, "+10000-01-01", "must be a date from 0001-01-01 to 9999-12-31");
        assertInvalid(LocalDate.class, "-4713-01-01", "must be a date from 0001-01-01 to 9999-12-31");
    }

    @Test
    void instantsTakeAnOffsetOrADateAndAnUpperBoundDateMeansTheEndOfThatDay() {
        assertThat(read(Instant.class, "2025-02-04T10:00:00-08:00")).isEqualTo(Instant.parse("2025-02-04T18:00:00Z"));
        assertThat(read(Instant.class, "2025-02-04")).isEqualTo(Instant.parse("2025-02-04T00:00:00Z"));
        assertThat(converter(Instant.class, END_OF_DAY).fromString("2025-02-04"))
                .isEqualTo(Instant.parse("2025-02-05T00:00:00Z"));
        assertThat(converter(Instant.class, END_OF_DAY).fromString("2025-02-04T10:00:00Z"))
                .isEqualTo(Instant.parse("2025-02-04T10:00:00Z"));
        assertThat(converter(Instant.class, END_OF_DAY).fromString("9999-12-31"))
                .isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
        assertInvalid(
                Instant.class, "2025-02-04T10:00:00", "must be an instant such as 2025-02-04T10:00:00-08:00 or a date");
        assertInvalid(
                Instant.class,
                "2024-01-01T25:00:00Z",
                "must be an instant such as 2025-02-04T10:00:00-08:00 or a date");
        assertInvalid(Instant.class, "0000-01-01", "must be an instant from the year 0001 to 9999");
        assertInvalid(
                Instant.class, "+999999999-12-31T23:59:59-18:00", "must be an instant from the year 0001 to 9999");
    }

    @Test
    void durationsAreIsoAndNotNegative() {
        assertThat(read(Duration.class, "PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(read(Duration.class, "PT0S")).isEqualTo(Duration.ZERO);
        assertInvalid(Duration.class, "30", "must be an ISO-8601 duration such as PT30S");
        assertInvalid(Duration.class, "-PT1S", "must be an ISO-8601 duration of PT0S or more");
    }

    @Test
    void limitsAreOneToFiveHundred() {
        assertThat(read(Limit.class, "1")).isEqualTo(new Limit(1));
        assertThat(read(Limit.class, "500")).isEqualTo(new Limit(500));
        for (String bad : new String[] {"0", "501", "-1", "abc", "1.5", "99999999999", " "}) {
            assertInvalid(Limit.class, bad, "must be an integer from 1 to 500");
        }
    }

    @Test
    void cursorsAreReadButTheirShapeIsCheckedByTheList() {
        Cursor c = read(Cursor.class, Cursor.of("a", 1).encode());
        assertThat(c.keys()).containsExactly("a", "1");
        assertInvalid(Cursor.class, "garbage", "is not a cursor this list returned");
    }

    @Test
    void enumsAreTheirExactWireNames() {
        assertThat(read(FilingKind.class, "amended_complaint")).isEqualTo(FilingKind.AMENDED_COMPLAINT);
        assertThat(read(Role.class, "admin")).isEqualTo(Role.ADMIN);
        assertInvalid(Role.class, "Admin", "must be one of admin, editor, reporter");
        assertInvalid(FilingKind.class, "brief", "must be one of " + String.join(", ", FilingKind.ALL));
        assertInvalid(FilingKind.class, "AMENDED_COMPLAINT", "must be one of " + String.join(", ", FilingKind.ALL));
        assertThat(converter(FilingKind.class).toString(FilingKind.AMENDED_COMPLAINT))
                .isEqualTo("amended_complaint");
    }

    @Test
    void theChangeFeedPositionIsZeroOrAnId() {
        assertThat(read(Long.class, "0")).isZero();
        assertThat(read(Long.class, "17")).isEqualTo(17L);
        assertInvalid(Long.class, "-5", "must be 0 or an id");
        assertInvalid(Long.class, "abc", "must be 0 or an id");
    }

    @Test
    void timelineTypesAreACommaSeparatedSet() {
        assertThat(read(TimelineTypes.class, "filing, hearing_held").values())
                .containsExactlyInAnyOrder("filing", "hearing_held");
        assertThatThrownBy(() -> read(TimelineTypes.class, "trial")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void anEmptyValueIsAnAbsentOneAndForeignTypesAreLeftToJersey() {
        assertThat(read(Id.class, "")).isNull();
        assertThat(read(Id.class, null)).isNull();
        assertThat(read(LocalDate.class, "")).isNull();
        assertThat(PROVIDER.getConverter(String.class, String.class, new Annotation[0]))
                .isNull();
        assertThat(PROVIDER.getConverter(Integer.class, Integer.class, new Annotation[0]))
                .isNull();
        assertThat(PROVIDER.getConverter(
                        java.util.concurrent.TimeUnit.class, java.util.concurrent.TimeUnit.class, new Annotation[0]))
                .isNull();
    }

    @Test
    void failuresAreNotIllegalArgumentExceptionsWhichJerseyWouldTurnIntoTheDefaultValue() {
        assertThat(IllegalArgumentException.class.isAssignableFrom(InvalidValue.class))
                .isFalse();
    }

    private static <T> T read(Class<T> type, String raw) {
        return converter(type).fromString(raw);
    }

    private static <T> ParamConverter<T> converter(Class<T> type, Annotation... annotations) {
        ParamConverter<T> converter = PROVIDER.getConverter(type, type, annotations);
        assertThat(converter).as(type.getSimpleName()).isNotNull();
        return converter;
    }

    private static void assertInvalid(Class<?> type, String raw, String message) {
        assertThatThrownBy(() -> read(type, raw))
                .as(type.getSimpleName() + " " + raw)
                .isInstanceOf(InvalidValue.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((InvalidValue) e).raw()).isEqualTo(raw));
    }
}
