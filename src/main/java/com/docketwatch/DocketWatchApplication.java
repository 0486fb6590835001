package com.docketwatch;

import com.docketwatch.alerts.AlertsConfig;
import com.docketwatch.ingest.rss.CourtFeedsConfig;
import com.docketwatch.platform.net.AddressPolicy;
import com.docketwatch.alerts.delivery.Channels;
import com.docketwatch.alerts.delivery.DeliveryWorker;
import com.docketwatch.alerts.delivery.DigestSender;
import com.docketwatch.alerts.delivery.EmailChannel;
import com.docketwatch.alerts.delivery.Messages;
import com.docketwatch.alerts.delivery.RetryPolicy;
import com.docketwatch.platform.crypto.SecretBox;
import com.docketwatch.alerts.delivery.WebhookChannel;
import com.docketwatch.auth.ApiKeyAuthFilter;
import com.docketwatch.auth.KeyCache;
import com.docketwatch.auth.Caller;
import com.docketwatch.outputs.FeedTokenAuthFilter;
import com.docketwatch.demo.DemoCommand;
import com.docketwatch.ingest.ImportCommand;
import com.docketwatch.platform.db.MigrateCommand;
import com.docketwatch.cases.CaseService;
import com.docketwatch.claims.ClaimService;
import com.docketwatch.events.ChangeFeed;
import com.docketwatch.events.EventWaiters;
import com.docketwatch.ingest.rss.RssFetcher;
import com.docketwatch.ingest.rss.CourtFeedService;
import com.docketwatch.events.Events;
import com.docketwatch.outputs.FeedTokenService;
import com.docketwatch.filings.FilingService;
import com.docketwatch.hearings.HearingService;
import com.docketwatch.ingest.ImportService;
import com.docketwatch.auth.KeyService;
import com.docketwatch.reminders.ReminderService;
import com.docketwatch.platform.web.Params;
import com.docketwatch.cases.StatusService;
import com.docketwatch.alerts.SubscriptionService;
import com.docketwatch.timeline.TimelineService;
import com.docketwatch.outputs.OutputService;
import com.docketwatch.alerts.delivery.DeliveryHealthCheck;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.db.Database;
import com.docketwatch.events.EventNotifications;
import com.docketwatch.demo.DemoData;
import com.docketwatch.platform.errors.ApiExceptionMapper;
import com.docketwatch.platform.errors.DatabaseExceptionMapper;
import com.docketwatch.platform.errors.JsonExceptionMapper;
import com.docketwatch.platform.errors.UnexpectedExceptionMapper;
import com.docketwatch.platform.errors.WebApplicationExceptionMapper;
import com.docketwatch.platform.web.BodyLimitFilter;
import com.docketwatch.platform.web.ETagFilter;
import com.docketwatch.platform.web.IdempotencyFilter;
import com.docketwatch.platform.web.RateLimitFilter;
import com.docketwatch.platform.errors.ProblemErrorHandler;
import com.docketwatch.cases.CaseResource;
import com.docketwatch.alerts.delivery.DigestJob;
import com.docketwatch.ingest.rss.CourtFeedPollJob;
import com.docketwatch.scheduling.MaintenanceJob;
import com.docketwatch.scheduling.QuartzScheduler;
import com.docketwatch.reminders.ReminderSweepJob;
import com.docketwatch.scheduling.SchedulerHealthCheck;
import com.docketwatch.scheduling.Schedules;
import com.docketwatch.claims.ClaimResource;
import com.docketwatch.courts.CourtResource;
import com.docketwatch.events.EventResource;
import com.docketwatch.outputs.OutputResource;
import com.docketwatch.outputs.FeedTokenResource;
import com.docketwatch.ingest.rss.CourtFeedResource;
import com.docketwatch.filings.FilingResource;
import com.docketwatch.hearings.HearingResource;
import com.docketwatch.ingest.ImportResource;
import com.docketwatch.auth.KeyResource;
import com.docketwatch.platform.web.OpenApiResource;
import com.docketwatch.alerts.SubscriptionResource;
import com.docketwatch.timeline.TimelineResource;
import com.docketwatch.platform.web.WebResource;
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
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.quartz.SchedulerException;
import java.io.IOException;
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
        bootstrap.addCommand(new ImportCommand());
    }

    @Override
    public void run(DocketWatchConfiguration config, Environment environment) {
        ObjectMapper json = configureJson(environment.getObjectMapper());

        Database database = Database.open(config.getDatabase());
        environment.lifecycle().manage(database);
        database.migrate();
        DataSourceFactory dataSources = database.dataSourceFactory();
        ManagedDataSource dataSource = dataSources.build(environment.metrics(), "postgresql");
        Jdbi jdbi = new JdbiFactory().build(environment, dataSources, dataSource, "postgresql");
        Daos.configure(jdbi);

        Events events = new Events(json);
        KeyCache keyCache = new KeyCache(Duration.ofSeconds(5));
        KeyService keys = new KeyService(jdbi, keyCache);
        ClaimService claims = new ClaimService(jdbi, clock, events);
        ReminderService reminders = new ReminderService(jdbi, clock, json, Duration.ofSeconds(30), 1000);
        HearingService hearings = new HearingService(jdbi, clock, events, reminders);
        CaseService cases = new CaseService(jdbi, clock, claims, hearings);
        StatusService statuses = new StatusService(jdbi, clock, events);
        FilingService filings = new FilingService(jdbi, clock, events);
        ImportService imports = new ImportService(jdbi, clock, events);

        AlertsConfig alerts = config.getAlerts();
        SecretBox secrets = alerts.getSecretKey() != null ? SecretBox.fromBase64(alerts.getSecretKey())
                : SecretBox.fromKeyFile(config.getDatabase().dataDirPath().resolve("secret.key"));
        AddressPolicy addresses = new AddressPolicy(alerts.webhookAllowHostList());
        WebhookChannel webhooks = new WebhookChannel(addresses, alerts.getWebhookTimeout());
        environment.lifecycle().manage(webhooks);
        EmailChannel email = alerts.emailEnabled() ? new EmailChannel(alerts.getSmtpHost(),
                alerts.getSmtpPort() == null ? 25 : alerts.getSmtpPort(), alerts.getMailFrom()) : null;
        Channels channels = new Channels(webhooks, email, secrets, new Messages(json, alerts.getPublicBaseUrl()));
        DeliveryWorker worker = new DeliveryWorker(jdbi, clock, channels,
                new RetryPolicy(alerts.getRetryInitialDelay(), alerts.getMaxRetryDelay(), alerts.getRetryWindow()),
                alerts.getWorkers(), alerts.getBatchSize(), alerts.getPollInterval(),
                alerts.getWebhookTimeout().multipliedBy(3), environment.metrics());
        environment.lifecycle().manage(worker);
        environment.healthChecks().register("deliveries", new DeliveryHealthCheck(worker, alerts.getMaxBacklogAge()));
        SubscriptionService subscriptions = new SubscriptionService(jdbi, clock, addresses, channels, alerts.emailEnabled(),
                reminders);

        DigestSender digests = new DigestSender(jdbi, clock, channels);
        CourtFeedsConfig feedsConfig = config.getFeeds();
        AddressPolicy feedAddresses = new AddressPolicy(feedsConfig.allowHostList());
        CourtFeedService feeds = new CourtFeedService(jdbi, clock, imports, new RssFetcher(feedAddresses, feedsConfig.getTimeout()),
                feedAddresses, feedsConfig.getPollInterval(), feedsConfig.getMaxBackoff(), feedsConfig.getTimeout());
        QuartzScheduler quartz = new QuartzScheduler(dataSource, 4, Map.of(
                ReminderSweepJob.class, () -> new ReminderSweepJob(reminders, worker),
                DigestJob.class, () -> new DigestJob(digests),
                MaintenanceJob.class, () -> new MaintenanceJob(jdbi),
                CourtFeedPollJob.class, () -> new CourtFeedPollJob(feeds)));
        environment.lifecycle().manage(quartz);
        try {
            Schedules.register(quartz.scheduler(), alerts.getDigestCron(), feedsConfig.sweepInterval());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not register the scheduled jobs", e);
        }
        environment.healthChecks().register("scheduler", new SchedulerHealthCheck(quartz.scheduler()));

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
        jersey.register(new com.docketwatch.platform.errors.ParamExceptionMapper());
        jersey.register(new com.docketwatch.platform.errors.ViolationExceptionMapper());
        jersey.register(new com.docketwatch.platform.web.ParamConverters());
        jersey.register(new com.docketwatch.platform.web.PageRequestBinder());
        jersey.register(new BodyLimitFilter());
        jersey.register(new FeedTokenAuthFilter(jdbi));
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
        jersey.register(new AuthDynamicFeature(ApiKeyAuthFilter.create(jdbi, keyCache)));
        jersey.register(RolesAllowedDynamicFeature.class);
        jersey.register(new AuthValueFactoryProvider.Binder<>(Caller.class));
        jersey.register(new IdempotencyFilter(jdbi, json, secrets));
        jersey.register(new RateLimitFilter(config.getRateLimit().getPerMinute(), config.getRateLimit().getBurst()));
        jersey.register(new ETagFilter(json));

        jersey.register(new KeyResource(keys));
        jersey.register(new CourtResource(cases));
        jersey.register(new CaseResource(cases, statuses));
        jersey.register(new FilingResource(filings));
        jersey.register(new ClaimResource(claims));
        jersey.register(new HearingResource(hearings));
        EventWaiters waiters = new EventWaiters();
        environment.lifecycle().manage(waiters);
        environment.lifecycle().manage(new EventNotifications(database, waiters::signal));
        jersey.register(new EventResource(new ChangeFeed(jdbi, json), waiters));
        jersey.register(new OpenApiResource());
        jersey.register(new SubscriptionResource(subscriptions));
        jersey.register(new FeedTokenResource(new FeedTokenService(jdbi)));
        jersey.register(new TimelineResource(new TimelineService(jdbi, json)));
        jersey.register(new OutputResource(new OutputService(jdbi)));
        jersey.register(new WebResource());
        jersey.register(new ImportResource(imports));
        jersey.register(new CourtFeedResource(feeds));
    }

    /** snake_case on the wire, ISO-8601 times (strictly), unknown fields refused. */
    public static ObjectMapper configureJson(ObjectMapper json) {
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
