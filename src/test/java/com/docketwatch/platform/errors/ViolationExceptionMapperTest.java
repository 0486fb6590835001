package com.docketwatch.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.alerts.ChannelRequest;
import com.docketwatch.alerts.SubscriptionRequest;
import com.docketwatch.cases.CaseRequest;
import com.docketwatch.cases.CounselRequest;
import com.docketwatch.cases.PartyRequest;
import com.docketwatch.cases.PartyRole;
import com.docketwatch.claims.ClaimRequest;
import com.docketwatch.courts.CourtRequest;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMax;
import org.junit.jupiter.api.Test;

class ViolationExceptionMapperTest {
    private static final Validator VALIDATOR = Validators.newValidator();

    /** Resource methods as the API declares them: the validator sees the same annotations. */
    @SuppressWarnings("unused")
    static final class Resource {
        public void court(@NotNull @Valid CourtRequest body) {}

        public void createCase(@NotNull @Valid CaseRequest body) {}

        public void party(@NotNull @Valid PartyRequest body) {}

        public void claim(@NotNull @Valid ClaimRequest body) {}

        public void subscribe(@NotNull @Valid SubscriptionRequest body) {}

        public void events(
                @QueryParam("wait") @DurationMax(seconds = 60, message = "must be from PT0S to PT1M") Duration wait,
                @QueryParam("q") @Size(max = 5, message = "must be at most {max} characters") String q) {}
    }

    @Test
    void everyInvalidBodyFieldIsNamedByItsJsonName() {
        Problem p = problem(
                "createCase", new CaseRequest(" ", null, "\u0001\u0007", null, "j\u0000", "x".repeat(301), null));
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.type()).endsWith("/validation");
        assertThat(fields(p))
                .containsExactly("caption", "court", "docket_number", "filed_on", "judge", "nature_of_suit");
        assertThat(messages(p))
                .contains("is required", "must not contain NUL characters", "must be at most 300 characters");
        assertThat(p.detail()).isEqualTo("6 fields are invalid");
    }

    @Test
    void oneInvalidFieldIsTheDetail() {
        Problem p = problem("court", new CourtRequest("cand", "Northern District", "federal", "Mars/Olympus"));
        assertThat(fields(p)).containsExactly("timezone");
        assertThat(p.detail()).isEqualTo("timezone: is not a time zone id such as America/Los_Angeles");
    }

    @Test
    void nestedObjectsAndListElementsHavePaths() {
        Problem party = problem(
                "party",
                new PartyRequest(
                        "P",
                        PartyRole.AMICUS,
                        Arrays.asList(new CounselRequest("A", null), null, new CounselRequest(null, "F"))));
        assertThat(fields(party)).containsExactly("counsel[1]", "counsel[2].name");

        List<String> against = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            against.add(i == 2 || i == 10 ? "x" + i : Integer.toString(i + 1));
        }
        assertThat(fields(problem("claim", new ClaimRequest("T", null, against, null))))
                .containsExactly("against[2]", "against[10]");

        Problem sub = problem(
                "subscribe",
                new SubscriptionRequest(
                        null,
                        null,
                        null,
                        null,
                        "q",
                        List.of("filing.created"),
                        new ChannelRequest(null, null, null),
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        "Nowhere/City"));
        assertThat(fields(sub)).containsExactly("channel.type", "timezone");
    }

    @Test
    void aMissingBodyIsABadRequest() {
        Problem p = problem("claim", (Object) null);
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.type()).endsWith("/bad-request");
        assertThat(p.errors()).isNull();
    }

    @Test
    void aQueryParameterOutOfRangeIsA400NamingIt() {
        Problem p = problem("events", Duration.ofSeconds(61), "abcdef");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.type()).endsWith("/bad-parameter");
        assertThat(fields(p)).containsExactly("q", "wait");
        assertThat(problem("events", Duration.ofSeconds(60), "abc")).isNull();
    }

    @Test
    void aHugeListAnswersAtMostAHundredErrors() {
        List<String> against = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            against.add("x");
        }
        Problem p = problem("claim", new ClaimRequest("T", null, against, null));
        assertThat(p.errors()).hasSize(ViolationExceptionMapper.MAX_ERRORS);
        assertThat(p.errors().get(99).field()).isEqualTo("against[99]");
    }

    private static Problem problem(String method, Object... args) {
        Method m = Arrays.stream(Resource.class.getMethods())
                .filter(x -> x.getName().equals(method))
                .findFirst()
                .orElseThrow();
        Set<ConstraintViolation<Resource>> violations =
                VALIDATOR.forExecutables().validateParameters(new Resource(), m, args);
        return violations.isEmpty()
                ? null
                : ViolationExceptionMapper.problem(violations).toProblem();
    }

    private static List<String> fields(Problem p) {
        return p.errors().stream().map(FieldError::field).toList();
    }

    private static List<String> messages(Problem p) {
        return p.errors().stream().map(FieldError::message).toList();
    }
}
