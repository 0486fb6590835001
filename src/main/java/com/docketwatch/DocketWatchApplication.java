package com.docketwatch;

import com.docketwatch.auth.ApiKeyAuthFilter;
import com.docketwatch.auth.Caller;
import com.docketwatch.cli.DemoCommand;
import com.docketwatch.cli.MigrateCommand;
import com.docketwatch.core.CaseService;
import com.docketwatch.core.ClaimService;
import com.docketwatch.core.EventFeed;
import com.docketwatch.core.Events;
import com.docketwatch.core.FilingService;
import com.docketwatch.core.HearingService;
import com.docketwatch.core.KeyService;
import com.docketwatch.core.Params;
import com.docketwatch.core.StatusService;
import com.docketwatch.db.Database;
import com.docketwatch.demo.DemoData;
import com.docketwatch.errors.ApiExceptionMapper;
import com.docketwatch.errors.DatabaseExceptionMapper;
import com.docketwatch.errors.JsonExceptionMapper;
import com.docketwatch.errors.UnexpectedExceptionMapper;
import com.docketwatch.errors.WebApplicationExceptionMapper;
import com.docketwatch.http.BodyLimitFilter;
import com.docketwatch.http.IdempotencyFilter;
import com.docketwatch.http.ProblemErrorHandler;
import com.docketwatch.resources.CaseResource;
import com.docketwatch.resources.ClaimResource;
import com.docketwatch.resources.CourtResource;
import com.docketwatch.resources.EventResource;
import com.docketwatch.resources.FilingResource;
import com.docketwatch.resources.HearingResource;
import com.docketwatch.resources.KeyResource;
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
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;

/** DocketWatch: court cases, docket entries, alerts and hearing reminders over REST. */
public class DocketWatchApplication extends Application<DocketWatchConfiguration> {
    private final Clock clock;

    public DocketWatchApplication() {
        this(Clock.systemUTC());
    }

    /** Tests pass a controllable clock; scheduling logic never reads the system time directly. */
    public DocketWatchApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new DocketWatchApplication().run(args);
    }

    @Override
    public String getName() {
        return "docketwatch";
    }

    @Override
    public void initialize(Bootstrap<DocketWatchConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new MigrateCommand());
        bootstrap.addCommand(new DemoCommand(this));
    }

    @Override
    public void run(DocketWatchConfiguration config, Environment environment) {
        ObjectMapper json = configureJson(environment.getObjectMapper());

        Database database = Database.open(config.getDatabase());
        environment.lifecycle().manage(database);
        database.migrate();
        Jdbi jdbi = new JdbiFactory().build(environment, database.dataSourceFactory(), "postgresql");

        Events events = new Events(json);
        KeyService keys = new KeyService(jdbi);
        ClaimService claims = new ClaimService(jdbi, clock, events);
        HearingService hearings = new HearingService(jdbi, clock, events);
        CaseService cases = new CaseService(jdbi, clock, claims, hearings);
        StatusService statuses = new StatusService(jdbi, clock, events);
        FilingService filings = new FilingService(jdbi, clock, events);

        if (config.getBootstrapAdminKey() != null) {
            keys.bootstrap(config.getBootstrapAdminKey());
        }
        if (config.isDemo()) {
            new DemoData(jdbi, cases, filings, claims, statuses, hearings).loadOnce();
        }

        if (config.getServerFactory() instanceof AbstractServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        var jersey = environment.jersey();
        jersey.register(new ApiExceptionMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new JsonExceptionMapper());
        jersey.register(new DatabaseExceptionMapper());
        jersey.register(new UnexpectedExceptionMapper());
        jersey.register(new BodyLimitFilter());
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(new ProblemErrorHandler());
                    // Jetty's per-connection header cache matches values ignoring case by default: a
                    // request whose Authorization differed from an earlier one on the same connection
                    // only in letter case was authenticated with the earlier request's key.
                    for (HttpConnectionFactory http : server.getContainedBeans(HttpConnectionFactory.class)) {
                        http.getHttpConfiguration().setHeaderCacheCaseSensitive(true);
                    }
                }
            }
        });
        jersey.register(new AuthDynamicFeature(ApiKeyAuthFilter.create(jdbi)));
        jersey.register(RolesAllowedDynamicFeature.class);
        jersey.register(new AuthValueFactoryProvider.Binder<>(Caller.class));
        jersey.register(new IdempotencyFilter(jdbi, json));

        jersey.register(new KeyResource(keys));
        jersey.register(new CourtResource(cases));
        jersey.register(new CaseResource(cases, statuses));
        jersey.register(new FilingResource(filings));
        jersey.register(new ClaimResource(claims));
        jersey.register(new HearingResource(hearings));
        jersey.register(new EventResource(new EventFeed(jdbi, json)));
    }

    /** snake_case on the wire, ISO-8601 times (strictly), unknown fields refused. */
    static ObjectMapper configureJson(ObjectMapper json) {
        return json.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Dates and instants only as ISO-8601 strings: no epoch numbers ("filed_on": 5 is not 1970-01-06).
                .setDefaultLeniency(false)
                .registerModule(new SimpleModule("iso-times")
                        .addDeserializer(LocalDate.class, new IsoOnly<>(LocalDate.class, LocalDateDeserializer.INSTANCE))
                        .addDeserializer(OffsetDateTime.class, new IsoOnly<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME)));
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
