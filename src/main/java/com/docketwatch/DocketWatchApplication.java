package com.docketwatch;

import com.docketwatch.alerts.AddressPolicy;
import com.docketwatch.alerts.Channels;
import com.docketwatch.alerts.DeliveryWorker;
import com.docketwatch.alerts.DigestSender;
import com.docketwatch.alerts.EmailChannel;
import com.docketwatch.alerts.Messages;
import com.docketwatch.alerts.RetryPolicy;
import com.docketwatch.auth.SecretBox;
import com.docketwatch.alerts.WebhookChannel;
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
import com.docketwatch.core.ReminderService;
import com.docketwatch.core.StatusService;
import com.docketwatch.core.SubscriptionService;
import com.docketwatch.health.DeliveryHealthCheck;
import com.docketwatch.db.Daos;
import com.docketwatch.db.Database;
import com.docketwatch.demo.DemoData;
import com.docketwatch.errors.ApiExceptionMapper;
import com.docketwatch.errors.DatabaseExceptionMapper;
import com.docketwatch.errors.JsonExceptionMapper;
import com.docketwatch.errors.UnexpectedExceptionMapper;
import com.docketwatch.errors.WebApplicationExceptionMapper;
import com.docketwatch.http.BodyLimitFilter;
import com.docketwatch.http.IdempotencyFilter;
import com.docketwatch.resources.CaseResource;
import com.docketwatch.scheduling.DigestJob;
import com.docketwatch.scheduling.MaintenanceJob;
import com.docketwatch.scheduling.QuartzScheduler;
import com.docketwatch.scheduling.ReminderSweepJob;
import com.docketwatch.scheduling.SchedulerHealthCheck;
import com.docketwatch.scheduling.Schedules;
import com.docketwatch.resources.ClaimResource;
import com.docketwatch.resources.CourtResource;
import com.docketwatch.resources.EventResource;
import com.docketwatch.resources.FilingResource;
import com.docketwatch.resources.HearingResource;
import com.docketwatch.resources.KeyResource;
import com.docketwatch.resources.OpenApiResource;
import com.docketwatch.resources.SubscriptionResource;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
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
        DataSourceFactory dataSources = database.dataSourceFactory();
        ManagedDataSource dataSource = dataSources.build(environment.metrics(), "postgresql");
        Jdbi jdbi = new JdbiFactory().build(environment, dataSources, dataSource, "postgresql");
        Daos.cacheMetadata(jdbi);

        Events events = new Events(json);
        KeyService keys = new KeyService(jdbi);
        ClaimService claims = new ClaimService(jdbi, clock, events);
        ReminderService reminders = new ReminderService(jdbi, clock, json, Duration.ofSeconds(30), 1000);
        HearingService hearings = new HearingService(jdbi, clock, events, reminders);
        CaseService cases = new CaseService(jdbi, clock, claims, hearings);
        StatusService statuses = new StatusService(jdbi, clock, events);
        FilingService filings = new FilingService(jdbi, clock, events);

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
        QuartzScheduler quartz = new QuartzScheduler(dataSource, 4, Map.of(
                ReminderSweepJob.class, () -> new ReminderSweepJob(reminders, worker),
                DigestJob.class, () -> new DigestJob(digests),
                MaintenanceJob.class, () -> new MaintenanceJob(jdbi)));
        environment.lifecycle().manage(quartz);
        try {
            Schedules.register(quartz.scheduler(), alerts.getDigestCron());
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
        jersey.register(new BodyLimitFilter());
        jersey.register(new AuthDynamicFeature(ApiKeyAuthFilter.create(jdbi)));
        jersey.register(RolesAllowedDynamicFeature.class);
        jersey.register(new AuthValueFactoryProvider.Binder<>(Caller.class));
        jersey.register(new IdempotencyFilter(jdbi, json, secrets));

        jersey.register(new KeyResource(keys));
        jersey.register(new CourtResource(cases));
        jersey.register(new CaseResource(cases, statuses));
        jersey.register(new FilingResource(filings));
        jersey.register(new ClaimResource(claims));
        jersey.register(new HearingResource(hearings));
        jersey.register(new EventResource(new EventFeed(jdbi, json)));
        jersey.register(new OpenApiResource());
        jersey.register(new SubscriptionResource(subscriptions));
    }

    /** snake_case on the wire, ISO-8601 times, unknown fields refused. */
    static ObjectMapper configureJson(ObjectMapper json) {
        return json.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
