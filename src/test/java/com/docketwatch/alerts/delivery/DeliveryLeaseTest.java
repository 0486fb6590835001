package com.docketwatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.alerts.delivery.DeliveryDao.Attempt;
import com.docketwatch.alerts.delivery.DeliveryDao.Due;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery leases against a real PostgreSQL: a claim fences the row with its token, and the outcome of
 * a worker whose lease ran out and whose delivery another worker claimed since is refused.
 */
class DeliveryLeaseTest {
    static final Duration LEASE = Duration.ofSeconds(30);
    static Jdbi jdbi;
    static long subscription;
    static long event;
    long delivery;
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void migrateAndSeed() {
        String url = TestDatabases.migrated();
        jdbi = Daos.configure(
                Jdbi.create(url).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin()));
        jdbi.useHandle(h -> {
            long key = h.createQuery("insert into api_keys (name, role, key_hash) values ('r', 'reporter', "
                            + "'\\x01') returning id")
                    .mapTo(Long.class)
                    .one();
            h.execute("insert into courts (id, name, jurisdiction, timezone) values "
                    + "('nd', 'N.D. Cal.', 'federal', 'America/Los_Angeles')");
            long kase = h.createQuery("insert into cases (court_id, docket_number, caption, filed_on, status, "
                            + "status_since) values ('nd', '1', 'Musk v. Altman', '2024-08-05', 'open', "
                            + "'2024-08-05') returning id")
                    .mapTo(Long.class)
                    .one();
            event = h.createQuery("insert into events (type, case_id, data) values ('filing.created', ?, '{}') "
                            + "returning id")
                    .bind(0, kase)
                    .mapTo(Long.class)
                    .one();
            subscription = h.createQuery("insert into subscriptions (owner_key_id, case_id, events, channel_type, "
                            + "email) values (?, ?, '{filing.created}', 'email', 'desk@newsroom.test') "
                            + "returning id")
                    .bind(0, key)
                    .bind(1, kase)
                    .mapTo(Long.class)
                    .one();
        });
    }

    @BeforeEach
    void oneDueDelivery() {
        delivery = jdbi.withHandle(h -> {
            h.execute("delete from deliveries");
            return h.createQuery("insert into deliveries (event_id, subscription_id, status, next_attempt_at) "
                            + "values (?, ?, 'pending', ?) returning id")
                    .bind(0, event)
                    .bind(1, subscription)
                    .bind(2, t0.minusSeconds(1))
                    .mapTo(Long.class)
                    .one();
        });
    }

    @Test
    void aSettleByAHolderWhoseLeaseWasTakenOverIsRefused() {
        UUID first = UUID.randomUUID();
        assertThat(claim(t0, first)).extracting(Due::id).containsExactly(delivery);
        assertThat(claim(t0.plusSeconds(1), UUID.randomUUID()))
                .as("leased: nobody else claims it")
                .isEmpty();

        // The first holder stalls past its lease; a second worker claims the delivery and sends it.
        Instant later = t0.plus(LEASE).plusSeconds(1);
        UUID second = UUID.randomUUID();
        assertThat(claim(later, second)).extracting(Due::id).containsExactly(delivery);

        // The first holder wakes up and records a failure: refused, it would undo the second's work.
        assertThat(record(first, attempt("retrying", later.plusSeconds(2)))).isZero();
        assertThat(state()).isEqualTo("pending/0/leased");
        assertThat(attemptsLogged()).isZero();

        assertThat(record(second, attempt("delivered", later.plusSeconds(3)))).isOne();
        assertThat(state()).isEqualTo("delivered/1/free");
        assertThat(attemptsLogged()).isOne();

        // And once settled, a late outcome of the first holder changes nothing either.
        assertThat(record(first, attempt("failed", later.plusSeconds(4)))).isZero();
        assertThat(state()).isEqualTo("delivered/1/free");
    }

    @Test
    void theHolderMayStillSettleAfterItsLeaseRanOutIfNobodyClaimedTheDelivery() {
        UUID token = UUID.randomUUID();
        claim(t0, token);
        assertThat(record(token, attempt("delivered", t0.plus(LEASE).plusSeconds(5))))
                .as("sent once, recorded once: nothing was sent twice")
                .isOne();
        assertThat(state()).isEqualTo("delivered/1/free");
        assertThat(claim(t0.plus(LEASE).plusSeconds(6), UUID.randomUUID())).isEmpty();
    }

    @Test
    void aStaleTokenInTheMiddleOfABatchIsRefusedForThatRowAlone() {
        long hook = webhook("http://hooks.batch.test/1");
        List<Long> ids = deliveries(hook, 4);
        UUID first = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        lease(ids.get(0), first);
        lease(ids.get(1), UUID.randomUUID()); // claimed again by another worker since: first's token is stale
        lease(ids.get(2), first);
        lease(ids.get(3), other);
        Instant at = t0.plusSeconds(2);
        List<Attempt> batch = ids.stream()
                .map(id -> new Attempt(id, "delivered", 1, null, null, at, at, 204, 3, null))
                .toList();

        DeliveryDao.Recorded recorded = jdbi.inTransaction(h ->
                Daos.on(h, DeliveryDao.class).record(batch, List.of(first, first, first, other), DeliveryDao.NEVER));

        assertThat(recorded.recorded())
                .as("one statement, each row fenced by its own token")
                .isEqualTo(3);
        assertThat(ids.stream().map(this::stateOf).toList())
                .containsExactly("delivered/1/free", "pending/0/leased", "delivered/1/free", "delivered/1/free");
        assertThat(ids.stream().map(this::attemptsLoggedOf).toList()).containsExactly(1L, 0L, 1L, 1L);
    }

    @Test
    void aDeliveryTwiceInABatchIsRecordedOnceUnderItsCurrentToken() {
        UUID stale = UUID.randomUUID();
        UUID current = UUID.randomUUID();
        lease(delivery, current);
        Attempt late = attempt("retrying", t0.plusSeconds(1));
        Attempt now = attempt("delivered", t0.plusSeconds(2));

        int recorded = jdbi.inTransaction(h -> Daos.on(h, DeliveryDao.class)
                        .record(List.of(late, now), List.of(stale, current), DeliveryDao.NEVER))
                .recorded();

        assertThat(recorded).isOne();
        assertThat(state()).isEqualTo("delivered/1/free");
        assertThat(attemptsLogged())
                .as("the stale holder's attempt is not logged")
                .isOne();
    }

    @Test
    void emailsAreClaimedOnlyUpToTheReservedSenders() {
        assertThat(claim(t0, UUID.randomUUID(), 0)).as("no free email sender").isEmpty();
        assertThat(state()).isEqualTo("pending/0/free");
        assertThat(claim(t0, UUID.randomUUID(), 1)).hasSize(1);
    }

    @Test
    void aReceiverWithoutAShareLeftIsPassedOverAndTheOthersAreClaimed() {
        long a = webhook("http://hooks.a.test/1");
        long b = webhook("http://HOOKS.B.test:8443/2");
        List<Long> toA = deliveries(a, 5);
        List<Long> toB = deliveries(b, 1);
        // Two sends already under way to a.test, two allowed per receiver: only b's is claimed.
        assertThat(claimFair(t0, new String[] {"hooks.a.test"}, new int[] {2}, new String[] {"hooks.a.test"}))
                .extracting(Due::id)
                .containsExactlyElementsOf(toB);
        // One under way to a.test: one more of a.test's (its oldest), however many are due.
        List<Due> next = claimFair(t0, new String[] {"hooks.a.test"}, new int[] {1}, new String[0]);
        assertThat(next).extracting(Due::id).containsExactly(toA.get(0));
        assertThat(next.get(0).receiver()).isEqualTo("hooks.a.test");
        assertThat(claimFair(t0, new String[0], new int[0], new String[0]))
                .extracting(Due::id)
                .containsExactly(toA.get(1), toA.get(2));
    }

    @Test
    void aClaimReadsAWindowOfTheDueDeliveriesAndTheNextWindowFindsWhatAFullReceiverHidFromIt() {
        long a = webhook("http://hooks.a.test/1");
        long b = webhook("http://hooks.b.test/2");
        List<Long> toA = deliveries(a, 7);
        List<Long> toB = deliveries(b, 1);
        jdbi.useHandle(h ->
                h.execute("update deliveries set next_attempt_at = ? where id = ?", t0.minusSeconds(50), toB.get(0)));
        // Due order: a.test's seven, b.test's, then the email of @BeforeEach. a.test is full: a window of
        // three holds nothing to claim, and ends at a.test's third.
        String[] busyA = {"hooks.a.test"};
        int[] twoUnderWay = {2};
        assertThat(claimWindow(t0, busyA, twoUnderWay, busyA, null, 3)).isEmpty();
        DeliveryDao.Position second = windowEnd(t0, null, 3).orElseThrow();
        assertThat(second.id()).isEqualTo(toA.get(2));
        // The next window (a.test's 4th to 6th) holds nothing either; the one after it finds b.test's.
        assertThat(claimWindow(t0, busyA, twoUnderWay, busyA, second, 3)).isEmpty();
        DeliveryDao.Position third = windowEnd(t0, second, 3).orElseThrow();
        assertThat(third.id()).isEqualTo(toA.get(5));
        assertThat(claimWindow(t0, busyA, twoUnderWay, busyA, third, 3))
                .extracting(Due::id)
                .containsExactlyElementsOf(toB);
        // Three due after it (a.test's last, b.test's, the email); fewer than three after those: the window
        // reached the end of the due deliveries (the worker goes back to the head).
        DeliveryDao.Position fourth = windowEnd(t0, third, 3).orElseThrow();
        assertThat(fourth.id()).isEqualTo(delivery);
        assertThat(windowEnd(t0, fourth, 3)).isEmpty();
    }

    @Test
    void replayedDeliveriesAreClaimedOneAtATimeInEventOrder() {
        long a = webhook("http://hooks.c.test/1");
        List<Long> ids = deliveries(a, 3);
        jdbi.useHandle(h ->
                h.execute("update deliveries set status = 'delivered', attempts = 1 where subscription_id = ?", a));
        int replayed = jdbi.inTransaction(h -> {
            DeliveryDao dao = Daos.on(h, DeliveryDao.class);
            return dao.replay(a, t0.minusSeconds(3600), t0, dao.nextReplay() * DeliveryDao.REPLAY_BLOCK);
        });
        assertThat(replayed).isEqualTo(3);
        for (long id : ids) {
            UUID token = UUID.randomUUID();
            List<Due> claimed = jdbi.inTransaction(
                    h -> Daos.on(h, DeliveryDao.class).claimDue(t0.plusSeconds(1), t0.plus(LEASE), token, 10, 0));
            assertThat(claimed)
                    .as("only the next replayed delivery, while it is under way")
                    .extracting(Due::id)
                    .containsExactly(id);
            assertThat(claimed.get(0).retrySince())
                    .as("the retry window starts again")
                    .isEqualTo(t0);
            jdbi.useTransaction(h -> Daos.on(h, DeliveryDao.class)
                    .record(
                            List.of(new Attempt(id, "delivered", 2, null, null, t0, t0.plusSeconds(1), 204, 5, null)),
                            token));
        }
    }

    @Test
    void failuresForDisableAfterDisableTheSubscriptionAndASuccessEndsTheRun() {
        long a = webhook("http://hooks.d.test/1");
        List<Long> ids = deliveries(a, 3);
        Duration after = Duration.ofMinutes(10);
        assertThat(fail(ids.get(0), t0, 503, after)).as("the run starts").isEmpty();
        assertThat(subscriptionState(a)).isEqualTo("failing since " + t0 + "/enabled");
        assertThat(fail(ids.get(1), t0.plus(after).minusSeconds(1), 503, after)).isEmpty();
        assertThat(fail(ids.get(2), t0.plus(after), 503, after))
                .as("ten minutes of failures")
                .containsExactly(a);
        assertThat(subscriptionState(a)).endsWith("/disabled: HTTP 503");

        long b = webhook("http://hooks.e.test/1");
        List<Long> more = deliveries(b, 3);
        fail(more.get(0), t0, 500, after);
        UUID token = UUID.randomUUID();
        jdbi.inTransaction(h -> Daos.on(h, DeliveryDao.class).claimDue(t0, t0.plus(LEASE), token, 10, 0));
        jdbi.inTransaction(h -> Daos.on(h, DeliveryDao.class)
                .record(
                        List.of(new Attempt(more.get(1), "delivered", 1, null, null, t0, t0, 204, 5, null)),
                        token,
                        after));
        assertThat(subscriptionState(b)).as("a success ends the run").isEqualTo("ok/enabled");
        assertThat(fail(more.get(2), t0.plus(after), 410, after))
                .as("410 Gone: at once")
                .containsExactly(b);
        assertThat(subscriptionState(b)).endsWith("/disabled: " + DeliveryDao.GONE);
    }

    private List<Long> fail(long delivery, Instant at, int code, Duration after) {
        UUID token = UUID.randomUUID();
        jdbi.useHandle(h -> h.execute(
                "update deliveries set lease_token = ?, lease_until = ? where id = ?",
                token,
                at.plus(LEASE),
                delivery));
        return jdbi.inTransaction(h -> Daos.on(h, DeliveryDao.class)
                        .record(
                                List.of(new Attempt(
                                        delivery,
                                        "retrying",
                                        1,
                                        "HTTP " + code,
                                        at.plusSeconds(30),
                                        null,
                                        at,
                                        code,
                                        5,
                                        "down")),
                                token,
                                after))
                .disabled();
    }

    private String subscriptionState(long subscription) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select failing_since, disabled_at, disabled_reason from subscriptions" + " where id = ?")
                .bind(0, subscription)
                .map((rs, ctx) -> (rs.getTimestamp(1) == null
                                ? "ok"
                                : "failing since " + rs.getTimestamp(1).toInstant())
                        + "/" + (rs.getTimestamp(2) == null ? "enabled" : "disabled: " + rs.getString(3)))
                .one());
    }

    /** A webhook subscription to {@code url} of the seeded key and case. */
    private static long webhook(String url) {
        return jdbi.withHandle(h -> h.createQuery("insert into subscriptions (owner_key_id, case_id, events,"
                        + " channel_type, webhook_url, secret_enc) select owner_key_id, case_id, events, 'webhook',"
                        + " ?, '\\x00' from subscriptions where id = ? returning id")
                .bind(0, url)
                .bind(1, subscription)
                .mapTo(Long.class)
                .one());
    }

    /** {@code n} due deliveries to the subscription, of new events, oldest first. */
    private List<Long> deliveries(long sub, int n) {
        List<Long> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            long at = i;
            out.add(jdbi.withHandle(h -> h.createQuery("with e as (insert into events (type, case_id, data)"
                            + " select type, case_id, data from events where id = ? returning id)"
                            + " insert into deliveries (event_id, subscription_id, status, next_attempt_at)"
                            + " select e.id, ?, 'pending', ? from e returning id")
                    .bind(0, event)
                    .bind(1, sub)
                    .bind(2, t0.minusSeconds(100 - at))
                    .mapTo(Long.class)
                    .one()));
        }
        return out;
    }

    private List<Due> claimFair(Instant now, String[] busy, int[] used, String[] full) {
        return claimWindow(now, busy, used, full, null, Integer.MAX_VALUE);
    }

    private List<Due> claimWindow(
            Instant now, String[] busy, int[] used, String[] full, DeliveryDao.Position from, int examine) {
        return jdbi.inTransaction(h -> Daos.on(h, DeliveryDao.class)
                .claimDue(
                        now,
                        now.plus(LEASE),
                        UUID.randomUUID(),
                        10,
                        0,
                        DeliveryDao.KEY_REVOKED,
                        40,
                        from == null ? DeliveryDao.WINDOW_START : from.at(),
                        from == null ? 0 : from.id(),
                        examine,
                        2,
                        busy,
                        used,
                        full));
    }

    private Optional<DeliveryDao.Position> windowEnd(Instant now, DeliveryDao.Position from, int examine) {
        return jdbi.withHandle(h -> Daos.on(h, DeliveryDao.class)
                .windowEnd(
                        now,
                        from == null ? DeliveryDao.WINDOW_START : from.at(),
                        from == null ? 0 : from.id(),
                        examine));
    }

    private List<Due> claim(Instant now, UUID token) {
        return claim(now, token, 10);
    }

    private List<Due> claim(Instant now, UUID token, int emails) {
        return jdbi.inTransaction(h -> Daos.on(h, DeliveryDao.class).claimDue(now, now.plus(LEASE), token, 10, emails));
    }

    private int record(UUID token, Attempt a) {
        return jdbi.inTransaction(h -> Daos.on(h, DeliveryDao.class).record(List.of(a), token));
    }

    private Attempt attempt(String status, Instant at) {
        boolean ok = status.equals("delivered");
        return new Attempt(
                delivery,
                status,
                1,
                ok ? null : "SMTP: timeout",
                status.equals("retrying") ? at.plusSeconds(30) : null,
                ok ? at : null,
                at,
                ok ? 250 : null,
                5000,
                ok ? "250 OK" : null);
    }

    /** Delivery {@code id} leased under {@code token}, as a claim leaves it. */
    private void lease(long id, UUID token) {
        jdbi.useHandle(h -> h.execute(
                "update deliveries set lease_token = ?, lease_until = ? where id = ?", token, t0.plus(LEASE), id));
    }

    private String state() {
        return stateOf(delivery);
    }

    private String stateOf(long id) {
        return jdbi.withHandle(h -> h.createQuery("select status || '/' || attempts || '/' || "
                        + "case when lease_until is null then 'free' else 'leased' end from deliveries where id = ?")
                .bind(0, id)
                .mapTo(String.class)
                .one());
    }

    private long attemptsLogged() {
        return attemptsLoggedOf(delivery);
    }

    private long attemptsLoggedOf(long id) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from delivery_attempts where delivery_id = ?")
                .bind(0, id)
                .mapTo(Long.class)
                .one());
    }
}
