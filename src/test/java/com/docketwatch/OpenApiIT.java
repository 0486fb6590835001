package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.alerts.ChannelRequest;
import com.docketwatch.alerts.ChannelView;
import com.docketwatch.alerts.DeliveryView;
import com.docketwatch.alerts.PingView;
import com.docketwatch.alerts.SubscriptionRequest;
import com.docketwatch.alerts.SubscriptionView;
import com.docketwatch.auth.KeyRequest;
import com.docketwatch.auth.KeyView;
import com.docketwatch.cases.CaseRequest;
import com.docketwatch.cases.CaseStatus;
import com.docketwatch.cases.CaseSummary;
import com.docketwatch.cases.CaseView;
import com.docketwatch.cases.CounselRequest;
import com.docketwatch.cases.CounselView;
import com.docketwatch.cases.PartyRequest;
import com.docketwatch.cases.PartyView;
import com.docketwatch.cases.RelatedCaseView;
import com.docketwatch.cases.RelationRequest;
import com.docketwatch.cases.StatusChangeRequest;
import com.docketwatch.cases.StatusChangeView;
import com.docketwatch.claims.ClaimHistoryView;
import com.docketwatch.claims.ClaimPatch;
import com.docketwatch.claims.ClaimRequest;
import com.docketwatch.claims.ClaimView;
import com.docketwatch.courts.CourtRequest;
import com.docketwatch.courts.CourtView;
import com.docketwatch.events.EventView;
import com.docketwatch.events.Events;
import com.docketwatch.filings.FilingRequest;
import com.docketwatch.filings.FilingView;
import com.docketwatch.hearings.HearingHistoryView;
import com.docketwatch.hearings.HearingPatch;
import com.docketwatch.hearings.HearingRequest;
import com.docketwatch.hearings.HearingView;
import com.docketwatch.ingest.Docket;
import com.docketwatch.ingest.ImportCounts;
import com.docketwatch.ingest.ImportSummary;
import com.docketwatch.ingest.rss.CourtFeedRequest;
import com.docketwatch.ingest.rss.CourtFeedView;
import com.docketwatch.outputs.FeedTokenRequest;
import com.docketwatch.outputs.FeedTokenView;
import com.docketwatch.platform.errors.FieldError;
import com.docketwatch.platform.errors.Problem;
import com.docketwatch.platform.request.Page;
import com.docketwatch.reminders.ReminderView;
import com.docketwatch.support.Api;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.TestApp;
import com.docketwatch.timeline.TimelineClaimChange;
import com.docketwatch.timeline.TimelineEntry;
import com.docketwatch.timeline.TimelineHearingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served OpenAPI document: reachable without a key, valid OpenAPI 3, and describing exactly the
 * routes the running service serves, with their roles, parameters, bodies and answers as the code has them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiIT {
    /** A webhook receiver on localhost (allow-listed below), so a test ping and an alert really arrive. */
    static final Receiver RECEIVER = new Receiver();

    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("courtFeeds.allowHosts", "localhost"),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"));
    private static final List<String> HTTP_METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]*)}");
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    static Api api;
    static Api.Resp served;
    static JsonNode doc;

    @BeforeAll
    static void fetch() {
        api = TestApp.api(APP);
        served = api.get("/api/v1/openapi.json", null);
        doc = served.json();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    /** A route: an HTTP method and a path with its template variables blanked ({@code /cases/{}}). */
    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A route the service serves and the Java method that serves it. */
    record Served(Route route, Class<?> resource, Method method, String template) {}

    // ---------------------------------------------------------------------------------------------
    // Served without a key, and valid

    @Test
    void servedWithoutAKeyAsJson() {
        served.expect(200);
        assertThat(served.header("Content-Type")).startsWith("application/json");
        assertThat(doc.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(doc.path("paths").size()).isGreaterThan(10);
        // A wrong key does not matter either: the route has no authentication at all.
        api.get("/api/v1/openapi.json", "not-a-key").expect(200);
    }

    @Test
    void validOpenApiWithoutAnyParserMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(served.body(), null, options);
        assertThat(result.getMessages())
                .as("swagger-parser validation messages")
                .isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("apiKey");
    }

    @Test
    void everyReferenceResolvesAndOperationIdsAreUnique() {
        List<String> broken = new ArrayList<>();
        walk(doc, node -> {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String r = ref.asText();
                if (!r.startsWith("#/") || doc.at(r.substring(1)).isMissingNode()) {
                    broken.add(r);
                }
            }
        });
        assertThat(broken).as("$refs that point nowhere").isEmpty();

        List<String> ids = new ArrayList<>();
        operations().values().forEach(op -> ids.add(op.path("operationId").asText(null)));
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
    }

    // ---------------------------------------------------------------------------------------------
    // Exactly the served routes

    @Test
    void describesEveryServedRouteAndNoOther() {
        Set<Route> routes = servedRoutes().keySet();
        assertThat(routes)
                .as("the reflection must find the real routes")
                .contains(
                        new Route("GET", "/api/v1/openapi.json"),
                        new Route("POST", "/api/v1/cases"),
                        new Route("PATCH", "/api/v1/cases/{}/claims/{}"),
                        new Route("DELETE", "/api/v1/keys/{}"));
        Set<Route> documented = operations().keySet();

        Set<Route> undocumented = new TreeSet<>(java.util.Comparator.comparing(Route::toString));
        undocumented.addAll(routes);
        undocumented.removeAll(documented);
        assertThat(undocumented)
                .as("routes the service serves that openapi.yaml does not describe")
                .isEmpty();

        Set<Route> fictional = new TreeSet<>(java.util.Comparator.comparing(Route::toString));
        fictional.addAll(documented);
        fictional.removeAll(routes);
        assertThat(fictional)
                .as("routes openapi.yaml describes that the service does not serve")
                .isEmpty();
    }

    @Test
    void eachOperationHasTheRoleParametersBodyAndErrorsOfItsCode() {
        Map<Route, JsonNode> ops = operations();
        List<String> problems = new ArrayList<>();
        for (Served s : servedRoutes().values()) {
            JsonNode op = ops.get(s.route());
            if (op == null) {
                continue; // reported by describesEveryServedRouteAndNoOther
            }
            String at = s.route() + ": ";
            Set<String> codes = new LinkedHashSet<>();
            op.path("responses").fieldNames().forEachRemaining(codes::add);

            // Authentication and role.
            String role = requiredRole(s.resource(), s.method());
            boolean anonymous = op.has("security")
                    && op.get("security").isArray()
                    && op.get("security").isEmpty();
            if (role == null) {
                check(problems, anonymous, at + "needs no key, so it must say security: []");
                check(problems, !op.has("x-required-role"), at + "needs no key but names x-required-role");
                check(problems, !codes.contains("401"), at + "needs no key but documents 401");
            } else {
                check(problems, !anonymous, at + "needs a key but says security: []");
                check(
                        problems,
                        role.equals(op.path("x-required-role").asText(null)),
                        at + "x-required-role should be " + role + " but is " + op.path("x-required-role"));
                check(problems, codes.contains("401"), at + "lacks 401");
                check(
                        problems,
                        codes.contains("403") == !role.equals("reporter"),
                        at + (role.equals("reporter") ? "documents 403, but any key may call it" : "lacks 403"));
            }

            // Parameters.
            List<JsonNode> params = parameters(s.template(), op);
            Set<String> docQuery = names(params, "query");
            Set<String> codeQuery = annotated(s.method(), QueryParam.class);
            check(
                    problems,
                    docQuery.equals(codeQuery),
                    at + "query parameters " + docQuery + " but the code reads " + codeQuery);
            Set<String> docHeaders = names(params, "header");
            Set<String> codeHeaders = annotated(s.method(), HeaderParam.class);
            check(
                    problems,
                    docHeaders.containsAll(codeHeaders),
                    at + "header parameters " + docHeaders + " lack some of " + codeHeaders);
            boolean idempotent = s.route().method().equals("POST") && role != null;
            check(
                    problems,
                    docHeaders.contains("Idempotency-Key") == idempotent,
                    at + (idempotent ? "lacks" : "should not have") + " the Idempotency-Key header");
            // The document may name path variables differently ({case_id} where the code says {id}), but it
            // must declare each of its own, and have as many as the code.
            Set<String> docPath = names(params, "path");
            Set<String> templateVars = new TreeSet<>();
            Matcher m = TEMPLATE.matcher(documentedTemplate(s.template()));
            while (m.find()) {
                templateVars.add(m.group(1));
            }
            check(
                    problems,
                    docPath.equals(templateVars),
                    at + "path parameters " + docPath + " but its template has " + templateVars);
            long codePathParams = Arrays.stream(s.method().getParameters())
                    .filter(p -> p.isAnnotationPresent(jakarta.ws.rs.PathParam.class))
                    .count();
            check(
                    problems,
                    codePathParams == templateVars.size(),
                    at + "the code takes " + codePathParams + " path parameters, the document " + templateVars.size());

            // Request body.
            boolean codeBody = Arrays.stream(s.method().getParameters()).anyMatch(OpenApiIT::isEntity);
            check(
                    problems,
                    op.has("requestBody") == codeBody,
                    at + (codeBody ? "lacks its requestBody" : "documents a body the code does not read"));
            if (codeBody) {
                Set<String> docTypes = new TreeSet<>();
                resolve(op.get("requestBody")).path("content").fieldNames().forEachRemaining(docTypes::add);
                Set<String> codeTypes = new TreeSet<>(consumes(s.resource(), s.method()));
                check(
                        problems,
                        docTypes.equals(codeTypes),
                        at + "request content types " + docTypes + " but @Consumes " + codeTypes);
                for (String code : List.of("400", "413", "415", "422")) {
                    check(problems, codes.contains(code), at + "takes a body but lacks " + code);
                }
            }
            // A feed token (?token=) is a credential: a bad one is 401, not 400.
            if (!minus(docQuery, "token").isEmpty()) {
                check(problems, codes.contains("400"), at + "has query parameters but lacks 400");
            }
            if (!templateVars.isEmpty()) {
                check(problems, codes.contains("404"), at + "has path ids but lacks 404");
            }
            if (idempotent) {
                check(problems, codes.contains("409"), at + "takes Idempotency-Key but lacks 409 (in progress)");
            }

            // Answers: a success with JSON (unless 204), every error as problem+json.
            check(problems, codes.stream().anyMatch(c -> c.startsWith("2")), at + "documents no success");
            check(problems, codes.contains("default"), at + "lacks the default (other errors) answer");
            for (String code : codes) {
                JsonNode response = resolve(op.get("responses").get(code));
                Set<String> types = new TreeSet<>();
                response.path("content").fieldNames().forEachRemaining(types::add);
                if (code.startsWith("2")) {
                    Set<String> expected = code.equals("204") ? Set.of() : produces(s.resource(), s.method());
                    check(problems, types.equals(expected), at + code + " answers " + types);
                    if (code.equals("201")) {
                        check(problems, response.path("headers").has("Location"), at + "201 without a Location header");
                    }
                } else {
                    check(problems, types.equals(Set.of("application/problem+json")), at + code + " answers " + types);
                    if (!types.isEmpty()) {
                        check(
                                problems,
                                "#/components/schemas/Problem"
                                        .equals(response.path("content")
                                                .path("application/problem+json")
                                                .path("schema")
                                                .path("$ref")
                                                .asText()),
                                at + code + " is not a Problem");
                    }
                }
            }
        }
        assertThat(problems).as("operations that disagree with their code").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // Schemas agree with the records and vocabularies

    @Test
    void schemasHaveTheFieldsOfTheirRecords() {
        Map<Class<?>, String> schemaOf = new LinkedHashMap<>();
        schemaOf.put(CaseRequest.class, "CaseRequest");
        schemaOf.put(CaseSummary.class, "CaseSummary");
        schemaOf.put(CaseView.class, "Case");
        schemaOf.put(ClaimHistoryView.class, "ClaimHistory");
        schemaOf.put(ClaimPatch.class, "ClaimPatch");
        schemaOf.put(ClaimRequest.class, "ClaimRequest");
        schemaOf.put(ClaimView.class, "Claim");
        schemaOf.put(CounselRequest.class, "CounselRequest");
        schemaOf.put(CounselView.class, "Counsel");
        schemaOf.put(CourtRequest.class, "CourtRequest");
        schemaOf.put(CourtView.class, "Court");
        schemaOf.put(EventView.class, "Event");
        schemaOf.put(FilingRequest.class, "FilingRequest");
        schemaOf.put(FilingView.class, "Filing");
        schemaOf.put(HearingHistoryView.class, "HearingHistory");
        schemaOf.put(HearingPatch.class, "HearingPatch");
        schemaOf.put(HearingRequest.class, "HearingRequest");
        schemaOf.put(HearingView.class, "Hearing");
        schemaOf.put(com.docketwatch.dockettext.DocketTextRequest.class, "DocketTextRequest");
        schemaOf.put(com.docketwatch.dockettext.CourtDateView.class, "CourtDate");
        schemaOf.put(KeyRequest.class, "KeyRequest");
        schemaOf.put(PartyRequest.class, "PartyRequest");
        schemaOf.put(PartyView.class, "Party");
        schemaOf.put(RelatedCaseView.class, "RelatedCase");
        schemaOf.put(RelationRequest.class, "RelationRequest");
        schemaOf.put(StatusChangeRequest.class, "StatusChangeRequest");
        schemaOf.put(StatusChangeView.class, "StatusChange");
        schemaOf.put(SubscriptionRequest.class, "SubscriptionRequest");
        schemaOf.put(ChannelRequest.class, "ChannelRequest");
        schemaOf.put(ChannelView.class, "Channel");
        schemaOf.put(DeliveryView.class, "Delivery");
        schemaOf.put(com.docketwatch.alerts.DeliveryDetailView.class, "DeliveryDetail");
        schemaOf.put(com.docketwatch.alerts.AttemptView.class, "Attempt");
        schemaOf.put(com.docketwatch.alerts.ReplayRequest.class, "ReplayRequest");
        schemaOf.put(com.docketwatch.alerts.ReplayView.class, "Replay");
        schemaOf.put(PingView.class, "PingResult");
        schemaOf.put(ReminderView.class, "Reminder");
        schemaOf.put(TimelineEntry.class, "TimelineEntry");
        schemaOf.put(TimelineClaimChange.class, "TimelineClaimChange");
        schemaOf.put(TimelineHearingEvent.class, "TimelineHearingEvent");
        schemaOf.put(FeedTokenRequest.class, "FeedTokenRequest");
        schemaOf.put(Docket.class, "Docket");
        schemaOf.put(ImportSummary.class, "ImportSummary");
        schemaOf.put(ImportCounts.class, "ImportCounts");
        schemaOf.put(CourtFeedRequest.class, "CourtFeedRequest");
        schemaOf.put(CourtFeedView.class, "CourtFeed");
        schemaOf.put(Problem.class, "Problem");
        schemaOf.put(FieldError.class, "FieldError");
        JsonNode schemas = doc.path("components").path("schemas");
        List<String> problems = new ArrayList<>();
        schemaOf.forEach((type, name) -> {
            Set<String> fields = wireFields(type);
            Set<String> props = properties(schemas.path(name));
            check(
                    problems,
                    fields.equals(props),
                    name + " has " + props + " but " + type.getSimpleName() + " has " + fields);
        });
        // KeyView: the key only when created, revoked_at only once revoked (both omitted when null).
        Set<String> key = wireFields(KeyView.class);
        check(
                problems,
                properties(schemas.path("Key")).equals(minus(key, "key")),
                "Key should have " + minus(key, "key"));
        check(
                problems,
                properties(schemas.path("NewKey")).equals(minus(key, "revoked_at")),
                "NewKey should have " + minus(key, "revoked_at"));
        // SubscriptionView: the secret only in the answer that created it (omitted when null).
        Set<String> subscription = wireFields(SubscriptionView.class);
        check(
                problems,
                properties(schemas.path("Subscription")).equals(minus(subscription, "secret")),
                "Subscription should have " + minus(subscription, "secret"));
        check(
                problems,
                properties(schemas.path("NewSubscription")).equals(subscription),
                "NewSubscription should have " + subscription);
        // FeedTokenView: the token only when minted, revoked_at only once revoked (both omitted when null).
        Set<String> token = wireFields(FeedTokenView.class);
        check(
                problems,
                properties(schemas.path("FeedToken")).equals(minus(token, "token")),
                "FeedToken should have " + minus(token, "token"));
        check(
                problems,
                properties(schemas.path("NewFeedToken")).equals(minus(token, "revoked_at")),
                "NewFeedToken should have " + minus(token, "revoked_at"));
        // Every list is a Page.
        Set<String> page = wireFields(Page.class);
        schemas.fieldNames().forEachRemaining(n -> {
            if (n.endsWith("Page")) {
                check(problems, properties(schemas.get(n)).equals(page), n + " should have " + page);
            }
        });
        assertThat(problems).isEmpty();

        // Every record of com.docketwatch.api has its schema.
        Set<String> records = apiRecords();
        Set<String> mapped = Stream.concat(
                        schemaOf.keySet().stream(),
                        Stream.of(KeyView.class, SubscriptionView.class, FeedTokenView.class, Page.class))
                .map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(mapped).as("wire records with a schema").containsAll(records);
    }

    @Test
    void enumerationsAreTheCodesVocabularies() {
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(strings(schemas.path("CaseStatus").path("enum"))).isEqualTo(CaseStatus.ALL);
        assertThat(strings(schemas.path("Role").path("enum"))).isEqualTo(com.docketwatch.auth.Role.ALL);
        assertThat(strings(schemas.path("PartyRole").path("enum"))).isEqualTo(com.docketwatch.cases.PartyRole.ALL);
        assertThat(strings(schemas.path("FilingKind").path("enum"))).isEqualTo(com.docketwatch.filings.FilingKind.ALL);
        assertThat(strings(schemas.path("ClaimStatus").path("enum"))).isEqualTo(com.docketwatch.claims.ClaimStatus.ALL);
        assertThat(strings(schemas.path("HearingKind").path("enum")))
                .isEqualTo(com.docketwatch.hearings.HearingKind.ALL);
        assertThat(strings(schemas.path("HearingStatus").path("enum")))
                .isEqualTo(com.docketwatch.hearings.HearingStatus.ALL);
        assertThat(strings(schemas.path("Relation").path("enum"))).isEqualTo(com.docketwatch.cases.Relation.ALL);
        assertThat(strings(schemas.path("EventType").path("enum"))).isEqualTo(Events.ALL);
        assertThat(strings(schemas.path("ReminderStatus").path("enum")))
                .as("the reminders.status check of V4")
                .isEqualTo(checkedValues("migrations/V4__create_reminders.sql", "status"));
        assertThat(strings(schemas.path("DeliveryStatus").path("enum")))
                .as("the deliveries.status check of V2")
                .isEqualTo(checkedValues("migrations/V2__create_subscriptions_and_deliveries.sql", "status"));
        assertThat(strings(schemas.path("TimelineEntryType").path("enum")))
                .isEqualTo(com.docketwatch.timeline.TimelineService.TYPES);
        Set<String> readable = new TreeSet<>(com.docketwatch.cases.Relation.ALL);
        readable.addAll(com.docketwatch.cases.Relation.INVERSE.values());
        assertThat(new TreeSet<>(strings(schemas.path("RelatedCase")
                        .path("properties")
                        .path("relation")
                        .path("enum"))))
                .isEqualTo(readable);
        assertThat(doc.path("components")
                        .path("parameters")
                        .path("Limit")
                        .path("schema")
                        .path("maximum")
                        .asInt())
                .isEqualTo(com.docketwatch.platform.request.PageRequest.MAX_LIMIT);
        assertThat(doc.path("components")
                        .path("parameters")
                        .path("Limit")
                        .path("schema")
                        .path("default")
                        .asInt())
                .isEqualTo(com.docketwatch.platform.request.PageRequest.DEFAULT_LIMIT);
    }

    // ---------------------------------------------------------------------------------------------
    // Real answers match the documented schemas

    @Test
    void realAnswersMatchTheirDocumentedSchemas() {
        String admin = TestApp.ADMIN_KEY;
        String editor = call("POST", "/api/v1/keys", admin, Map.of("name", "openapi editor", "role", "editor"), 201)
                .get("key")
                .asText();
        String reporter = call(
                        "POST", "/api/v1/keys", admin, Map.of("name", "openapi reporter", "role", "reporter"), 201)
                .get("key")
                .asText();
        String court = "oa" + Long.toHexString(System.nanoTime());
        call(
                "POST",
                "/api/v1/courts",
                editor,
                Map.of("id", court, "name", "Court", "jurisdiction", "federal", "timezone", "America/Los_Angeles"),
                201);
        String caseId = call(
                        "POST",
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                court,
                                "docket_number",
                                "4:24-cv-04722",
                                "caption",
                                "Musk v. Altman",
                                "filed_on",
                                "2024-08-05"),
                        201)
                .get("id")
                .asText();
        String other = call(
                        "POST",
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                court,
                                "docket_number",
                                "CGC-24-612746",
                                "caption",
                                "Musk v. Altman",
                                "filed_on",
                                "2024-02-29",
                                "judge",
                                "Ethan Schulman"),
                        201)
                .get("id")
                .asText();
        String c = "/api/v1/cases/" + caseId;
        String party = call(
                        "POST",
                        c + "/parties",
                        editor,
                        Map.of(
                                "name",
                                "OpenAI, Inc.",
                                "role",
                                "defendant",
                                "counsel",
                                List.of(
                                        Map.of("name", "Jordan Eth"),
                                        Map.of("name", "William Savitt", "firm", "Wachtell"))),
                        201)
                .get("id")
                .asText();
        String filing = call(
                        "POST",
                        c + "/filings",
                        editor,
                        Map.of(
                                "entry_number",
                                1,
                                "filed_on",
                                "2024-08-05",
                                "kind",
                                "complaint",
                                "title",
                                "Complaint for breach of contract",
                                "filed_by",
                                party,
                                "document_url",
                                "https://example.org/1.pdf"),
                        201)
                .get("id")
                .asText();
        call(
                "POST",
                c + "/filings",
                editor,
                Map.of("filed_on", "2024-09-05", "kind", "motion", "title", "Motion to dismiss"),
                201);
        String claim = call(
                        "POST",
                        c + "/claims",
                        editor,
                        Map.of("title", "Breach of contract", "against", List.of(party)),
                        201)
                .get("id")
                .asText();
        call(
                "PATCH",
                c + "/claims/" + claim,
                editor,
                Map.of("status", "dismissed", "reason", "Order", "filing_id", filing),
                200);
        String hearing = call(
                        "POST",
                        c + "/hearings",
                        editor,
                        Map.of(
                                "kind",
                                "motion_hearing",
                                "scheduled_at",
                                "2099-02-04T10:00:00-08:00",
                                "location",
                                "Courtroom 1"),
                        201)
                .get("id")
                .asText();
        JsonNode moved =
                call("PATCH", c + "/hearings/" + hearing, editor, Map.of("scheduled_at", "2099-02-05T18:00:00Z"), 200);
        assertThat(moved.get("scheduled_at").asText())
                .as("shown in the court's time zone")
                .isEqualTo("2099-02-05T10:00:00-08:00");
        String held = call(
                        "POST",
                        c + "/hearings",
                        editor,
                        Map.of("kind", "status_conference", "scheduled_at", "2099-03-01T09:00:00-08:00"),
                        201)
                .get("id")
                .asText();
        call("PATCH", c + "/hearings/" + held, editor, Map.of("status", "held", "outcome", "Continued"), 200);
        call("POST", c + "/related", editor, Map.of("case_id", other, "relation", "refiled_from"), 201);
        String change = call(
                        "POST",
                        c + "/status-changes",
                        editor,
                        Map.of(
                                "status",
                                "dismissed",
                                "effective_on",
                                "2025-01-10",
                                "with_prejudice",
                                false,
                                "filing_id",
                                filing),
                        201)
                .get("id")
                .asText();

        JsonNode full = call("GET", c, reporter, null, 200);
        assertThat(full.get("next_hearing").get("id").asText()).isEqualTo(hearing);
        call("GET", "/api/v1/cases/" + other, reporter, null, 200);
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("judge", "Yvonne Gonzalez Rogers");
        patch.put("nature_of_suit", null);
        JsonNode patched = call("PATCH", c, editor, patch, 200);
        assertThat(patched.get("nature_of_suit").isNull()).isTrue();
        call("GET", c + "/parties", reporter, null, 200);
        call("GET", c + "/parties/" + party, reporter, null, 200);
        call("GET", c + "/filings?kind=complaint", reporter, null, 200);
        call("GET", c + "/filings/" + filing, reporter, null, 200);
        call("GET", "/api/v1/filings?q=contract&court=" + court, reporter, null, 200);
        call("GET", "/api/v1/filings?case_id=" + caseId + "&limit=1", reporter, null, 200);
        call("GET", c + "/claims", reporter, null, 200);
        call("GET", c + "/claims/" + claim, reporter, null, 200);
        call("GET", c + "/hearings", reporter, null, 200);
        call("GET", c + "/hearings/" + hearing, reporter, null, 200);
        call("GET", "/api/v1/hearings?from=2099-01-01&to=2099-12-31&court=" + court, reporter, null, 200);
        call("GET", c + "/status-changes", reporter, null, 200);
        call("GET", c + "/status-changes/" + change, reporter, null, 200);
        call("GET", "/api/v1/cases?court=" + court + "&limit=1", reporter, null, 200);
        call("GET", "/api/v1/courts", reporter, null, 200);
        JsonNode events = call("GET", "/api/v1/events", reporter, null, 200);
        assertThat(strings(events.get("data"), "type"))
                .contains(
                        "filing.created",
                        "claim.updated",
                        "hearing.scheduled",
                        "hearing.rescheduled",
                        "case.status_changed");
        call("GET", "/api/v1/keys", admin, null, 200);
        String doomed = call("POST", "/api/v1/keys", admin, Map.of("name", "doomed", "role", "reporter"), 201)
                .get("id")
                .asText();
        call("DELETE", "/api/v1/keys/" + doomed, admin, null, 204);
        call("GET", "/api/v1/keys", admin, null, 200);

        subscriptions(admin, editor, reporter, court, caseId);
        readersRoutes(reporter, court, caseId);
        importsAndFeeds(editor, reporter, court);

        // Errors, each as the documented problem.
        call("GET", "/api/v1/cases", null, null, 401);
        call("POST", "/api/v1/cases", reporter, Map.of("court", court), 403);
        call("GET", "/api/v1/cases/999999999", reporter, null, 404);
        call("GET", "/api/v1/cases?limit=0", reporter, null, 400);
        call("POST", "/api/v1/cases", editor, Map.of("court", court), 422);
        call("POST", "/api/v1/cases", editor, "{not json", 400);
        call("POST", c + "/status-changes", editor, Map.of("status", "stayed", "effective_on", "2025-02-01"), 409);
        call("PATCH", c, editor, Map.of("status", "closed"), 422);
        Api.Resp tooBig = announceLargeBody("/api/v1/cases", editor, (1 << 20) + 1);
        assertThat(tooBig.status()).isEqualTo(413);
        checkAgainstDocument("POST", "/api/v1/cases", tooBig);
        Api.Resp wrongType = api.send("POST", "/api/v1/cases", editor, "court=x", "text/plain");
        assertThat(wrongType.status()).isEqualTo(415);
        checkAgainstDocument("POST", "/api/v1/cases", wrongType);

        // Idempotency: a replay is marked, a different request with the same key is 422.
        Map<String, Object> body =
                Map.of("court", court, "docket_number", "idem-1", "caption", "A v. B", "filed_on", "2024-01-01");
        Api.Resp first = api.send("POST", "/api/v1/cases", editor, body, "application/json", "Idempotency-Key", "oa-1");
        Api.Resp replay =
                api.send("POST", "/api/v1/cases", editor, body, "application/json", "Idempotency-Key", "oa-1");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("id")).isEqualTo(first.json().get("id"));
        checkAgainstDocument("POST", "/api/v1/cases", replay);
        Api.Resp reused = api.send(
                "POST",
                "/api/v1/cases",
                editor,
                Map.of("court", court, "docket_number", "idem-2", "caption", "A v. B", "filed_on", "2024-01-01"),
                "application/json",
                "Idempotency-Key",
                "oa-1");
        assertThat(reused.status()).isEqualTo(422);
        checkAgainstDocument("POST", "/api/v1/cases", reused);
    }

    /** A docket import (created, then unchanged, then refused) and a court's feeds. */
    private void importsAndFeeds(String editor, String reporter, String court) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("document_number", "1");
        entry.put("date_filed", "2024-08-05");
        entry.put("description", "COMPLAINT against OpenAI, Inc. filed by Elon Musk.");
        entry.put("pacer_doc_id", "035123456789");
        entry.put("attachments", List.of(Map.of("attachment_number", 1, "description", "Civil Cover Sheet")));
        Map<String, Object> docket = new LinkedHashMap<>();
        docket.put("court_id", court);
        docket.put("docket_number", "4:24-cv-04723");
        docket.put("case_name", "Musk v. Altman");
        docket.put("date_filed", "2024-08-05");
        docket.put("assigned_to_str", "Yvonne Gonzalez Rogers");
        docket.put("federal_dn_case_type", "cv");
        docket.put("docket_entries", List.of(entry));
        docket.put(
                "parties",
                List.of(Map.of(
                        "name",
                        "Elon Musk",
                        "type",
                        "Plaintiff",
                        "attorneys",
                        List.of(Map.of(
                                "name",
                                "Marc Toberoff",
                                "contact",
                                "Toberoff & Associates\nMalibu, CA",
                                "roles",
                                List.of("LEAD ATTORNEY"))))));
        JsonNode created = call("POST", "/api/v1/imports", editor, docket, 201);
        assertThat(created.get("created").get("filings").asInt()).isEqualTo(1);
        JsonNode again = call("POST", "/api/v1/imports", editor, docket, 200);
        assertThat(again.get("unchanged").get("filings").asInt()).isEqualTo(1);
        call("POST", "/api/v1/imports", editor, Map.of("court_id", court), 422);
        call("POST", "/api/v1/imports", editor, "{\"court_id\": ", 400);
        call("POST", "/api/v1/imports", reporter, docket, 403);

        String feeds = "/api/v1/courts/" + court + "/feeds";
        JsonNode feed = call("POST", feeds, editor, Map.of("url", RECEIVER.url("/feed.xml"), "track_all", false), 201);
        call("GET", feeds, reporter, null, 200);
        call("GET", feeds + "/" + feed.get("id").asText(), reporter, null, 200);
        call("POST", feeds, editor, Map.of("url", RECEIVER.url("/feed.xml")), 409);
        call("POST", feeds, editor, Map.of("url", "ftp://example.org/rss"), 422);
        call("GET", "/api/v1/courts/nowhere/feeds", reporter, null, 404);
        call("DELETE", feeds + "/" + feed.get("id").asText(), editor, null, 204);
        call("DELETE", feeds + "/" + feed.get("id").asText(), editor, null, 404);
    }

    /**
     * Subscriptions: any role subscribes, each key sees only its own (another key's is 404, admins
     * included), the secret only on creation, the delivery log and a test ping.
     */
    private void subscriptions(String admin, String editor, String reporter, String court, String caseId) {
        String s = "/api/v1/subscriptions";
        // A webhook to a host that may not resolve here is accepted (it is checked again at connect time).
        // Its reminders are for the case's hearings in 2099, so nothing is sent to example.com during the test.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("case_id", caseId);
        body.put("events", List.of("hearing.reminder"));
        body.put("reminder_lead_times", List.of("P7D", "PT24H"));
        body.put("channel", Map.of("type", "webhook", "url", "https://example.com/hook"));
        JsonNode created = call("POST", s, reporter, body, 201);
        assertThat(created.get("secret").asText()).startsWith("whsec_");
        assertThat(created.get("channel").get("url").asText()).isEqualTo("https://example.com/hook");
        assertThat(created.get("delivery").asText()).isEqualTo("immediate");
        String hook = created.get("id").asText();
        // A daily digest on a full-text query, due a minute ago in New York: subscribed after today's digest
        // time, so its first digest is tomorrow and its alerts wait in the log as "digest" meanwhile.
        String digestAt = ZonedDateTime.now(ZoneId.of("America/New_York"))
                .minusMinutes(1)
                .format(DateTimeFormatter.ofPattern("HH:mm"));
        JsonNode digest = call(
                "POST",
                s,
                reporter,
                Map.of(
                        "query",
                        "\"breach of contract\"",
                        "events",
                        List.of("filing.created"),
                        "delivery",
                        "daily_digest",
                        "digest_at",
                        digestAt,
                        "timezone",
                        "America/New_York",
                        "channel",
                        Map.of("type", "webhook", "url", "https://example.com/digest")),
                201);
        assertThat(digest.get("digest_at").asText()).isEqualTo(digestAt);
        // An immediate court subscription, filtered to notices, to the receiver on localhost (allow-listed).
        JsonNode live = call(
                "POST",
                s,
                reporter,
                Map.of(
                        "court",
                        court,
                        "events",
                        List.of("filing.created", "claim.updated"),
                        "filing_kinds",
                        List.of("notice"),
                        "channel",
                        Map.of("type", "webhook", "url", RECEIVER.url("/openapi"))),
                201);
        String mine = call(
                        "POST",
                        s,
                        editor,
                        Map.of(
                                "party",
                                "OpenAI",
                                "events",
                                List.of("case.status_changed"),
                                "channel",
                                Map.of("type", "webhook", "url", "https://example.com/editor")),
                        201)
                .get("id")
                .asText();

        call(
                "POST",
                "/api/v1/cases/" + caseId + "/filings",
                editor,
                Map.of("filed_on", "2025-02-03", "kind", "notice", "title", "Notice of breach of contract"),
                201);
        JsonNode digested = call("GET", s + "/" + digest.get("id").asText() + "/deliveries", reporter, null, 200)
                .get("data");
        assertThat(digested).hasSize(1);
        assertThat(digested.get(0).get("status").asText()).isEqualTo("digest");
        JsonNode delivered = awaitDelivered(live.get("id").asText(), reporter);
        assertThat(delivered.get("event_type").asText()).isEqualTo("filing.created");
        assertThat(RECEIVER.await(h -> h.path().equals("/openapi"), 1, java.time.Duration.ofSeconds(10))
                        .get(0)
                        .id())
                .isEqualTo(delivered.get("event_id").asText());
        call("GET", s + "/" + hook + "/deliveries?limit=1", reporter, null, 200);

        JsonNode ping = call("POST", s + "/" + live.get("id").asText() + "/test", reporter, null, 200);
        assertThat(ping.get("delivered").asBoolean()).isTrue();
        assertThat(ping.get("status_code").asInt()).isEqualTo(204);

        // Delivery operations: one delivery with its attempts, a re-send, a replay; others' are 404.
        String ops = s + "/" + live.get("id").asText();
        String one = ops + "/deliveries/" + delivered.get("id").asText();
        JsonNode detail = call("GET", one, reporter, null, 200);
        assertThat(detail.get("attempt_log")).isNotEmpty();
        call("GET", ops + "/deliveries/999999999", reporter, null, 404);
        call("GET", one, editor, null, 404);
        call("POST", one + "/retry", reporter, null, 202);
        call("POST", one + "/retry", editor, null, 404);
        assertThat(call("POST", ops + "/replay", reporter, Map.of("since", "2000-01-01T00:00:00Z"), 202)
                        .get("events")
                        .asInt())
                .isPositive();
        call("POST", ops + "/replay", reporter, Map.of("since", "2999-01-01T00:00:00Z"), 422);
        call("POST", ops + "/replay", reporter, "{\"since\": ", 400);
        call("POST", ops + "/replay", editor, Map.of("since", "2000-01-01T00:00:00Z"), 404);
        call("PATCH", s + "/" + digest.get("id").asText(), reporter, Map.of("paused", false), 200);
        call(
                "POST",
                s + "/" + digest.get("id").asText() + "/replay",
                reporter,
                Map.of("since", "2000-01-01T00:00:00Z"),
                409);
        JsonNode slack = call(
                "POST",
                s,
                reporter,
                Map.of(
                        "case_id",
                        caseId,
                        "events",
                        List.of("hearing.reminder"),
                        "channel",
                        Map.of("type", "slack", "url", "https://hooks.slack.example/services/T0/B0/x")),
                201);
        assertThat(slack.has("secret")).isFalse();
        assertThat(slack.get("status").asText()).isEqualTo("active");
        call("DELETE", s + "/" + slack.get("id").asText(), reporter, null, 204);

        JsonNode own = call("GET", s + "?limit=500", reporter, null, 200);
        assertThat(strings(own.get("data"), "id"))
                .contains(hook, digest.get("id").asText(), live.get("id").asText())
                .doesNotContain(mine);
        assertThat(strings(call("GET", s, editor, null, 200).get("data"), "id")).containsExactly(mine);
        call("GET", s + "?limit=1", reporter, null, 200);
        JsonNode got = call("GET", s + "/" + hook, reporter, null, 200);
        assertThat(got.has("secret")).as("the secret is shown only on creation").isFalse();
        assertThat(strings(got.get("reminder_lead_times"))).containsExactly("P7D", "PT24H");
        assertThat(call("PATCH", s + "/" + hook, reporter, Map.of("paused", true), 200)
                        .get("paused")
                        .asBoolean())
                .isTrue();
        call("PATCH", s + "/" + hook, reporter, Map.of("paused", false), 200);

        // Another key's subscription is 404, to an admin too.
        call("GET", s + "/" + hook, editor, null, 404);
        call("GET", s + "/" + hook, admin, null, 404);
        call("PATCH", s + "/" + hook, editor, Map.of("paused", true), 404);
        call("GET", s + "/" + hook + "/deliveries", editor, null, 404);
        call("POST", s + "/" + hook + "/test", editor, null, 404);
        call("DELETE", s + "/" + hook, editor, null, 404);

        // Invalid subscriptions and changes are 422.
        call(
                "POST",
                s,
                reporter,
                Map.of(
                        "case_id",
                        caseId,
                        "court",
                        court,
                        "events",
                        List.of("filing.created"),
                        "channel",
                        Map.of("type", "webhook", "url", "https://example.com/hook")),
                422);
        call(
                "POST",
                s,
                reporter,
                Map.of(
                        "case_id",
                        caseId,
                        "events",
                        List.of("filing.created"),
                        "channel",
                        Map.of("type", "webhook", "url", "https://10.0.0.1/hook")),
                422);
        call(
                "POST",
                s,
                reporter,
                Map.of(
                        "case_id",
                        caseId,
                        "events",
                        List.of("filing.created"),
                        "channel",
                        Map.of("type", "email", "address", "desk@example.org")),
                422);
        call(
                "POST",
                s,
                reporter,
                Map.of(
                        "case_id",
                        caseId,
                        "events",
                        List.of("hearing.reminder"),
                        "reminder_lead_times",
                        List.of("P1W"),
                        "digest_at",
                        "08:00",
                        "channel",
                        Map.of("type", "webhook", "url", "https://example.com/hook")),
                422);
        call("PATCH", s + "/" + hook, reporter, Map.of("events", List.of("filing.created")), 422);

        call("DELETE", s + "/" + mine, editor, null, 204);
        call("GET", s + "/" + mine, editor, null, 404);

        reminders(admin, editor, reporter, court);
    }

    /**
     * Hearing reminders: planned when a hearing is scheduled, listed by GET /subscriptions/{id}/reminders
     * (owner only), moved by a reschedule, cancelled by a vacate; one due in seconds is really sent, and the
     * webhook body, the feed's event and the reminder list all match the document.
     */
    private void reminders(String admin, String editor, String reporter, String court) {
        String s = "/api/v1/subscriptions";
        String caseId = call(
                        "POST",
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                court,
                                "docket_number",
                                "5:25-cv-00001",
                                "caption",
                                "Reminder v. Calendar",
                                "filed_on",
                                "2025-01-02"),
                        201)
                .get("id")
                .asText();
        JsonNode sub = call(
                "POST",
                s,
                reporter,
                Map.of(
                        "case_id",
                        caseId,
                        "events",
                        List.of("hearing.reminder"),
                        "reminder_lead_times",
                        List.of("PT2H", "P1D"),
                        "channel",
                        Map.of("type", "webhook", "url", RECEIVER.url("/reminders"))),
                201);
        String r = s + "/" + sub.get("id").asText() + "/reminders";
        JsonNode none = call("GET", r, reporter, null, 200);
        assertThat(none.get("data")).as("no hearing yet").isEmpty();
        assertThat(none.get("next_cursor").isNull()).isTrue();

        // A hearing a day (and three hours) ahead: both lead times are still to come, so both are pending.
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        ZonedDateTime at = ZonedDateTime.now(zone).plusDays(1).plusHours(3).truncatedTo(ChronoUnit.SECONDS);
        String h = "/api/v1/cases/" + caseId + "/hearings/";
        String hearing = call(
                        "POST",
                        "/api/v1/cases/" + caseId + "/hearings",
                        editor,
                        Map.of(
                                "kind",
                                "trial",
                                "scheduled_at",
                                at.toOffsetDateTime().toString(),
                                "location",
                                "Courtroom 4"),
                        201)
                .get("id")
                .asText();
        Map<String, JsonNode> planned =
                byLeadTime(call("GET", r, reporter, null, 200).get("data"));
        assertThat(planned).containsOnlyKeys("PT2H", "P1D");
        for (JsonNode p : planned.values()) {
            assertThat(p.get("hearing_id").asText()).isEqualTo(hearing);
            assertThat(p.get("status").asText()).isEqualTo("pending");
            assertThat(p.get("late").isNull()).isTrue();
            assertThat(p.get("event_id").isNull()).isTrue();
        }
        assertThat(Instant.parse(planned.get("PT2H").get("due_at").asText()))
                .isEqualTo(at.toInstant().minus(java.time.Duration.ofHours(2)));
        assertThat(Instant.parse(planned.get("P1D").get("due_at").asText()))
                .as("a calendar day before, in the court's zone")
                .isEqualTo(at.minusDays(1).toInstant());

        // Paged, oldest first.
        JsonNode first = call("GET", r + "?limit=1", reporter, null, 200);
        assertThat(first.get("data")).hasSize(1);
        JsonNode second =
                call("GET", r + "?limit=1&cursor=" + first.get("next_cursor").asText(), reporter, null, 200);
        assertThat(second.get("data")).hasSize(1);
        assertThat(second.get("next_cursor").isNull()).isTrue();
        assertThat(Long.parseLong(second.get("data").get(0).get("id").asText()))
                .isGreaterThan(Long.parseLong(first.get("data").get(0).get("id").asText()));

        // Rescheduling moves the pending reminders; vacating cancels them.
        ZonedDateTime later = at.plusHours(1);
        call(
                "PATCH",
                h + hearing,
                editor,
                Map.of("scheduled_at", later.toOffsetDateTime().toString()),
                200);
        Map<String, JsonNode> moved =
                byLeadTime(call("GET", r, reporter, null, 200).get("data"));
        assertThat(Instant.parse(moved.get("PT2H").get("due_at").asText()))
                .isEqualTo(later.toInstant().minus(java.time.Duration.ofHours(2)));
        assertThat(Instant.parse(moved.get("P1D").get("due_at").asText()))
                .isEqualTo(later.minusDays(1).toInstant());
        assertThat(moved.get("PT2H").get("id")).isEqualTo(planned.get("PT2H").get("id"));
        call("PATCH", h + hearing, editor, Map.of("status", "vacated"), 200);
        assertThat(strings(call("GET", r, reporter, null, 200).get("data"), "status"))
                .containsOnly("cancelled");

        // Only the owner sees them; bad paging is 400.
        call("GET", r, editor, null, 404);
        call("GET", r, admin, null, 404);
        call("GET", s + "/999999999/reminders", reporter, null, 404);
        call("GET", r + "?limit=0", reporter, null, 400);
        call("GET", r + "?cursor=nonsense", reporter, null, 400);

        // A hearing whose PT2H reminder is due in a few seconds (its P1D one is already past: cancelled).
        ZonedDateTime soon = ZonedDateTime.now(zone).plusHours(2).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        String imminent = call(
                        "POST",
                        "/api/v1/cases/" + caseId + "/hearings",
                        editor,
                        Map.of(
                                "kind",
                                "motion_hearing",
                                "scheduled_at",
                                soon.toOffsetDateTime().toString()),
                        201)
                .get("id")
                .asText();
        Receiver.Hit hit = RECEIVER.await(x -> x.path().equals("/reminders"), 1, java.time.Duration.ofSeconds(30))
                .get(0);
        JsonNode alert = parse(hit.body());
        List<String> errors = new ArrayList<>();
        validate(alert, doc.path("components").path("schemas").path("WebhookEvent"), "the reminder webhook", errors);
        assertThat(errors).as("webhook body " + hit.body()).isEmpty();
        assertThat(alert.get("type").asText()).isEqualTo("hearing.reminder");
        assertThat(alert.get("id").asText()).isEqualTo(hit.id());
        JsonNode data = alert.get("data");
        assertThat(data.get("id").asText()).isEqualTo(imminent);
        assertThat(data.get("lead_time").asText()).isEqualTo("PT2H");
        assertThat(Instant.parse(data.get("reminder_at").asText()))
                .isEqualTo(soon.toInstant().minus(java.time.Duration.ofHours(2)));
        assertThat(OffsetDateTime.parse(data.get("scheduled_at").asText()).toInstant())
                .isEqualTo(soon.toInstant());

        Map<String, JsonNode> settled = new LinkedHashMap<>();
        for (JsonNode x : call("GET", r, reporter, null, 200).get("data")) {
            if (x.get("hearing_id").asText().equals(imminent)) {
                settled.put(x.get("lead_time").asText(), x);
            }
        }
        assertThat(settled.get("PT2H").get("status").asText()).isEqualTo("sent");
        assertThat(settled.get("PT2H").get("event_id").asText()).isEqualTo(hit.id());
        assertThat(settled.get("PT2H").get("late").isBoolean()).isTrue();
        assertThat(settled.get("P1D").get("status").asText()).isEqualTo("cancelled");
        // The reminder is its subscription's own: in the delivery log, not in the global change feed (a
        // reader positioned at its id still reads on from there).
        assertThat(strings(
                        call("GET", "/api/v1/events?limit=500", reporter, null, 200)
                                .get("data"),
                        "id"))
                .doesNotContain(hit.id());
        call("GET", "/api/v1/events?after=" + hit.id(), reporter, null, 200);
        call("GET", "/api/v1/events?after=999999999", reporter, null, 400);
        call("GET", "/api/v1/events?after=abc", reporter, null, 400);
        assertThat(awaitDelivered(sub.get("id").asText(), reporter)
                        .get("event_type")
                        .asText())
                .isEqualTo("hearing.reminder");
    }

    private static Map<String, JsonNode> byLeadTime(JsonNode reminders) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        reminders.forEach(x -> assertThat(out.put(x.get("lead_time").asText(), x))
                .as("one reminder per lead time")
                .isNull());
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The timeline, feed tokens, calendars, feeds, the long-polled change feed and the web page. */
    private void readersRoutes(String reporter, String court, String caseId) {
        String c = "/api/v1/cases/" + caseId;
        JsonNode timeline = call("GET", c + "/timeline", reporter, null, 200);
        assertThat(strings(timeline.get("data"), "type"))
                .contains(
                        "filing",
                        "status_change",
                        "claim_change",
                        "hearing_scheduled",
                        "hearing_rescheduled",
                        "hearing_held");
        call("GET", c + "/timeline?type=filing&limit=1", reporter, null, 200);
        call("GET", c + "/timeline?type=trial", reporter, null, 400);

        JsonNode minted = call("POST", "/api/v1/feed-tokens", reporter, Map.of("name", "openapi calendar"), 201);
        String token = minted.get("token").asText();
        String id = minted.get("id").asText();
        call("GET", "/api/v1/feed-tokens", reporter, null, 200);
        call("GET", "/api/v1/feed-tokens/" + id, reporter, null, 200);
        call("POST", "/api/v1/feed-tokens", reporter, Map.of(), 422);

        String t = "token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
        call("GET", c + "/hearings.ics?" + t, null, null, 200);
        call("GET", "/api/v1/hearings.ics?court=" + court, reporter, null, 200);
        call("GET", c + "/filings.atom?" + t, null, null, 200);
        call("GET", "/api/v1/filings.atom?q=contract&" + t, null, null, 200);
        call("GET", "/api/v1/filings.atom?" + t + "&filed_after=never", null, null, 400);
        call("GET", c + "/hearings.ics?token=nope", null, null, 401);
        call("GET", "/api/v1/events?wait=PT0S", reporter, null, 200);
        call("GET", "/api/v1/events?wait=PT2M", reporter, null, 400);
        call("DELETE", "/api/v1/feed-tokens/" + id, reporter, null, 204);
        call("GET", "/", null, null, 200);
    }

    /** The subscription's newest delivery once it is delivered (the worker sends it within moments). */
    private JsonNode awaitDelivered(String subscription, String key) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        JsonNode newest = null;
        while (System.nanoTime() < deadline) {
            JsonNode data = call("GET", "/api/v1/subscriptions/" + subscription + "/deliveries", key, null, 200)
                    .get("data");
            newest = data.isEmpty() ? null : data.get(0);
            if (newest != null && newest.get("status").asText().equals("delivered")) {
                return newest;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("The delivery was never delivered: " + newest);
    }

    /**
     * A POST whose Content-Length announces {@code length} bytes, without sending them: the service must
     * refuse it at once. (Sending a real 1 MiB body races the early answer: the server may close the
     * connection while the client is still writing, and the client then never reads the 413.)
     */
    private static Api.Resp announceLargeBody(String path, String key, long length) {
        URI base = URI.create(api.base());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + key + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + length
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            try {
                // Send what was announced: the service reads (and discards) an oversized body before answering 413.
                socket.getOutputStream()
                        .write(" "
                                .repeat((int) Math.min(length, 32L << 20))
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (java.io.IOException closedEarly) {
                // the service may answer and close before the whole body is sent; the answer is still there to read
            }
            socket.getOutputStream().flush();
            String raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, split).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            String body = raw.substring(split + 4);
            if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
                body = dechunk(body);
            }
            return new Api.Resp(status, java.net.http.HttpHeaders.of(headers, (a, b) -> true), body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    private JsonNode call(String method, String path, String key, Object body, int status) {
        Api.Resp r = api.send(method, path, key, body, "application/json");
        r.expect(status);
        checkAgainstDocument(method, path, r);
        String type = r.header("Content-Type");
        return r.body().isEmpty()
                        || type == null
                        || !type.replaceFirst(";.*$", "").endsWith("json")
                ? null
                : r.json();
    }

    /** Validates a real answer against the schema the document gives for its operation and status. */
    private static void checkAgainstDocument(String method, String path, Api.Resp r) {
        String bare = path.replaceFirst("\\?.*$", "");
        JsonNode op = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String regex = Arrays.stream(e.getKey().split("\\{[^}]*}", -1))
                    .map(Pattern::quote)
                    .collect(Collectors.joining("[^/]+"));
            if (bare.matches(regex) && e.getValue().has(method.toLowerCase(Locale.ROOT))) {
                op = e.getValue().get(method.toLowerCase(Locale.ROOT));
            }
        }
        assertThat(op).as("documented operation for " + method + " " + bare).isNotNull();
        String code = String.valueOf(r.status());
        JsonNode response = op.path("responses").has(code)
                ? op.path("responses").get(code)
                : op.path("responses").get("default");
        assertThat(response).as(method + " " + bare + " documents " + code).isNotNull();
        response = resolve(response);
        response.path("headers").fieldNames().forEachRemaining(h -> {
            if (h.equals("Location") || h.equals("WWW-Authenticate")) {
                assertThat(r.header(h))
                        .as(method + " " + bare + " " + code + " header " + h)
                        .isNotNull();
            }
        });
        String type = r.header("Content-Type") == null
                ? null
                : r.header("Content-Type").replaceFirst(";.*$", "").trim();
        if (!response.has("content")) {
            assertThat(r.body())
                    .as(method + " " + bare + " " + code + " has no documented body")
                    .isEmpty();
            return;
        }
        assertThat(response.path("content").has(type))
                .as(method + " " + bare + " " + code + " answers documented type, not " + type)
                .isTrue();
        if (!type.endsWith("json")) {
            return; // a calendar, a feed or the web page: their own tests read them
        }
        List<String> errors = new ArrayList<>();
        validate(
                r.json(), response.path("content").path(type).path("schema"), method + " " + bare + " " + code, errors);
        assertThat(errors).as("answer " + r.body()).isEmpty();
    }

    /** Just enough of JSON Schema (as OpenAPI 3.0 has it) to hold real answers to the document. */
    private static void validate(JsonNode value, JsonNode schemaOrRef, String where, List<String> errors) {
        JsonNode schema = resolve(schemaOrRef);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                errors.add(where + ": null but not nullable");
            }
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            validate(value, part, where, errors);
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode part : schema.get("anyOf")) {
                List<String> e = new ArrayList<>();
                validate(value, part, where, e);
                any |= e.isEmpty();
            }
            if (!any) {
                errors.add(where + ": matches none of anyOf");
            }
        }
        if (schema.has("enum") && !strings(schema.get("enum")).contains(value.asText())) {
            errors.add(where + ": " + value + " is not one of " + schema.get("enum"));
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "string" -> {
                if (!value.isTextual()) {
                    errors.add(where + ": not a string: " + value);
                    return;
                }
                String format = schema.path("format").asText("");
                try {
                    switch (format) {
                        case "date" -> LocalDate.parse(value.asText());
                        case "date-time" -> OffsetDateTime.parse(value.asText());
                        case "uri" -> URI.create(value.asText());
                        default -> {}
                    }
                } catch (RuntimeException e) {
                    errors.add(where + ": not a " + format + ": " + value);
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(where + ": not an integer: " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(where + ": not a boolean: " + value);
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(where + ": not an array: " + value);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    validate(value.get(i), schema.path("items"), where + "[" + i + "]", errors);
                }
            }
            case "object" -> {
                if (!value.isObject()) {
                    errors.add(where + ": not an object: " + value);
                    return;
                }
                for (JsonNode req : schema.path("required")) {
                    if (!value.has(req.asText())) {
                        errors.add(where + ": lacks required " + req.asText());
                    }
                }
                JsonNode props = schema.path("properties");
                value.fields().forEachRemaining(e -> {
                    if (props.has(e.getKey())) {
                        validate(e.getValue(), props.get(e.getKey()), where + "." + e.getKey(), errors);
                    } else if (props.size() > 0) {
                        errors.add(where + ": undocumented field " + e.getKey());
                    }
                });
            }
            default -> {}
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Reflection over the running application

    /** Every (method, path) the running application's resource classes serve. */
    static Map<Route, Served> servedRoutes() {
        ResourceConfig config = APP.getEnvironment().jersey().getResourceConfig();
        Set<Class<?>> classes = new LinkedHashSet<>(config.getClasses());
        config.getInstances().forEach(o -> classes.add(o.getClass()));
        Map<Route, Served> routes = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            Path root = type.getAnnotation(Path.class);
            if (root != null) {
                collect(type, type, root.value(), routes, 0);
            }
        }
        return routes;
    }

    private static void collect(Class<?> resource, Class<?> type, String prefix, Map<Route, Served> routes, int depth) {
        for (Method m : type.getMethods()) {
            if (m.isSynthetic() || m.isBridge()) {
                continue;
            }
            Path sub = m.getAnnotation(Path.class);
            String template = join(prefix, sub == null ? "" : sub.value());
            String http = httpMethod(m);
            if (http != null) {
                Route route = new Route(http, normalise(template));
                Served previous = routes.put(route, new Served(route, resource, m, template));
                assertThat(previous).as("two methods serve " + route).isNull();
            } else if (sub != null && depth < 5) {
                collect(resource, m.getReturnType(), template, routes, depth + 1); // a sub-resource locator
            }
        }
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String p = ("/" + a + "/" + b).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** {@code /cases/{id}/claims/{claim_id: [0-9]+}} and {@code /cases/{case_id}/claims/{x}} are one path. */
    static String normalise(String path) {
        return TEMPLATE.matcher(join(path, "")).replaceAll("{}");
    }

    /** The lowest role a method needs ({@code reporter} for any key), or null for none. */
    private static String requiredRole(Class<?> resource, Method m) {
        if (m.isAnnotationPresent(RolesAllowed.class)) {
            return lowest(m.getAnnotation(RolesAllowed.class).value());
        }
        if (m.isAnnotationPresent(PermitAll.class)) {
            return "reporter";
        }
        if (resource.isAnnotationPresent(RolesAllowed.class)) {
            return lowest(resource.getAnnotation(RolesAllowed.class).value());
        }
        if (resource.isAnnotationPresent(PermitAll.class)) {
            return "reporter";
        }
        return null;
    }

    private static String lowest(String[] roles) {
        return com.docketwatch.auth.Role.ALL.stream()
                .filter(Arrays.asList(roles)::contains)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private static Set<String> annotated(Method m, Class<? extends Annotation> kind) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : m.getParameters()) {
            if (kind == QueryParam.class && p.isAnnotationPresent(QueryParam.class)) {
                names.add(p.getAnnotation(QueryParam.class).value());
            }
            if (kind == QueryParam.class && p.isAnnotationPresent(jakarta.ws.rs.BeanParam.class)) {
                Arrays.stream(p.getType().getDeclaredFields())
                        .filter(f -> f.isAnnotationPresent(QueryParam.class))
                        .forEach(
                                f -> names.add(f.getAnnotation(QueryParam.class).value()));
            }
            if (kind == HeaderParam.class && p.isAnnotationPresent(HeaderParam.class)) {
                names.add(p.getAnnotation(HeaderParam.class).value());
            }
        }
        return names;
    }

    /** A parameter with no JAX-RS (or injection) annotation is the request entity. */
    private static boolean isEntity(Parameter p) {
        return Arrays.stream(p.getAnnotations()).noneMatch(a -> {
            String pkg = a.annotationType().getPackageName();
            return pkg.startsWith("jakarta.ws.rs")
                    || pkg.startsWith("io.dropwizard.auth")
                    || pkg.startsWith("jakarta.inject");
        });
    }

    /** What a method answers on success: its {@code @Produces} (or its class's), without parameters. */
    private static Set<String> produces(Class<?> resource, Method m) {
        jakarta.ws.rs.Produces p = m.isAnnotationPresent(jakarta.ws.rs.Produces.class)
                ? m.getAnnotation(jakarta.ws.rs.Produces.class)
                : resource.getAnnotation(jakarta.ws.rs.Produces.class);
        return p == null
                ? Set.of("application/json")
                : Arrays.stream(p.value())
                        .flatMap(v -> Arrays.stream(v.split(",")))
                        .map(v -> v.replaceFirst(";.*$", "").trim())
                        .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> consumes(Class<?> resource, Method m) {
        Consumes c = m.isAnnotationPresent(Consumes.class)
                ? m.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        return c == null
                ? List.of("*/*")
                : Arrays.stream(c.value())
                        .flatMap(v -> Arrays.stream(v.split(",")))
                        .map(String::trim)
                        .toList();
    }

    // ---------------------------------------------------------------------------------------------
    // Reading the document

    /** Every documented operation by route. */
    static Map<Route, JsonNode> operations() {
        Map<Route, JsonNode> ops = new LinkedHashMap<>();
        doc.path("paths").fields().forEachRemaining(path -> {
            for (String method : HTTP_METHODS) {
                if (path.getValue().has(method)) {
                    ops.put(
                            new Route(method.toUpperCase(Locale.ROOT), normalise(path.getKey())),
                            path.getValue().get(method));
                }
            }
        });
        return ops;
    }

    /** The document's path key for a served path template. */
    private static String documentedTemplate(String servedTemplate) {
        for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (normalise(key).equals(normalise(servedTemplate))) {
                return key;
            }
        }
        return servedTemplate;
    }

    /** Path-level and operation-level parameters, resolved (the operation's win by name and place). */
    private static List<JsonNode> parameters(String servedTemplate, JsonNode op) {
        JsonNode pathItem = doc.path("paths").get(documentedTemplate(servedTemplate));
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode source : List.of(
                pathItem == null ? Api.JSON.createArrayNode() : pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : source) {
                JsonNode r = resolve(p);
                byKey.put(r.path("in").asText() + ":" + r.path("name").asText(), r);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static Set<String> names(List<JsonNode> params, String in) {
        return params.stream()
                .filter(p -> in.equals(p.path("in").asText()))
                .map(p -> p.path("name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Follows local {@code $ref}s. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        for (int i = 0; i < 10 && n != null && n.has("$ref"); i++) {
            n = doc.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
        visit.accept(node);
        node.elements().forEachRemaining(child -> walk(child, visit));
    }

    private static Set<String> properties(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        resolve(schema).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> wireFields(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .map(SNAKE::translate)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> minus(Set<String> set, String name) {
        Set<String> out = new TreeSet<>(set);
        out.remove(name);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.path(field).asText()));
        return out;
    }

    /** The simple names of the records in com.docketwatch.api (read from the compiled classes). */
    /**
     * The records that cross the wire, wherever their feature keeps them: requests, patches, views,
     * summaries and counts, the timeline's entries, the imported docket and the page.
     */
    private static Set<String> apiRecords() {
        Pattern wire = Pattern.compile(
                "\\w*(View|Request|Patch|Summary|Counts)|Timeline(Entry|ClaimChange|HearingEvent)|Docket|Page");
        try {
            java.nio.file.Path root = Paths.get(CaseView.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("com/docketwatch"))) {
                Set<String> out = new TreeSet<>();
                for (java.nio.file.Path f :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name =
                            root.relativize(f).toString().replace('/', '.').replace(".class", "");
                    Class<?> type = Class.forName(name);
                    if (!name.contains("$")
                            && type.isRecord()
                            && wire.matcher(type.getSimpleName()).matches()) {
                        out.add(type.getSimpleName());
                    }
                }
                return out;
            }
        } catch (Exception e) {
            throw new AssertionError("Could not list the records of com.docketwatch", e);
        }
    }

    /** The values a migration's {@code check (column in ('a', 'b'))} allows, in order. */
    private static List<String> checkedValues(String migration, String column) {
        try {
            String sql = Files.readString(Paths.get(migration));
            Matcher m = Pattern.compile("check \\(" + column + " in \\(([^)]*)\\)\\)")
                    .matcher(sql);
            assertThat(m.find()).as(migration + " checks " + column).isTrue();
            return Arrays.stream(m.group(1).split(","))
                    .map(v -> v.trim().replace("'", ""))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
