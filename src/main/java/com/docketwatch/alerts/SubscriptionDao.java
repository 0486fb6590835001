package com.docketwatch.alerts;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Subscriptions, always read and changed through their owner's key. */
interface SubscriptionDao {
    record Row(
            long id,
            long ownerKeyId,
            Long caseId,
            boolean includeRelated,
            String courtId,
            String party,
            String query,
            List<String> events,
            List<String> filingKinds,
            String channelType,
            String webhookUrl,
            String email,
            List<String> reminderLeadTimes,
            String delivery,
            Integer digestDay,
            LocalTime digestAt,
            String digestZone,
            boolean paused,
            Instant disabledAt,
            String disabledReason,
            Instant createdAt,
            Instant updatedAt) {}

    /** A new subscription's values. */
    record NewSubscription(
            long ownerKeyId,
            Long caseId,
            boolean includeRelated,
            String courtId,
            String party,
            String query,
            String[] events,
            String[] filingKinds,
            String channelType,
            String webhookUrl,
            byte[] secretEnc,
            String email,
            String[] reminderLeadTimes,
            String delivery,
            Integer digestDay,
            LocalTime digestAt,
            String digestZone,
            java.time.LocalDate lastDigestOn) {}

    /** A subscription's columns, as {@link Row} names them. */
    String ROW = """
            id, owner_key_id, case_id, court_id, party, query, events, filing_kinds, channel_type, webhook_url,
            include_related, digest_day,
            email, reminder_lead_times, delivery, digest_at, digest_zone, paused, created_at, updated_at
            , disabled_at, disabled_reason
            """;

    @SqlQuery("""
            insert into subscriptions (owner_key_id, case_id, court_id, party, query, query_tsq, events, filing_kinds,
                channel_type, webhook_url, secret_enc, email, reminder_lead_times, delivery, digest_at, digest_zone,
                include_related, digest_day,
                last_digest_on)
            values (:ownerKeyId, :caseId, :courtId, :party, :query,
                case when cast(:query as text) is null then null else websearch_to_tsquery('english', :query) end,
                :events, :filingKinds, :channelType, :webhookUrl, :secretEnc, :email, :reminderLeadTimes, :delivery,
                :digestAt, :digestZone,
                :includeRelated, :digestDay,
                :lastDigestOn)
            returning
            """ + ROW)
    Row insert(@BindMethods NewSubscription s);

    /**
     * Locks the owner key's row for the rest of the transaction: creates by one key (subscriptions, feed
     * tokens) count and insert one after the other, so two at once cannot both pass the limit.
     */
    @SqlQuery("select id from api_keys where id = :owner for no key update")
    Optional<Long> lockOwner(@Bind("owner") long ownerKeyId);

    @SqlQuery("select count(*) from subscriptions where owner_key_id = :owner")
    long count(@Bind("owner") long ownerKeyId);

    @SqlQuery("select " + ROW + " from subscriptions where id = :id and owner_key_id = :owner")
    Optional<Row> find(@Bind("owner") long ownerKeyId, @Bind("id") long id);

    @SqlQuery("select " + ROW + """
            from subscriptions
            where owner_key_id = :owner and id > :after
            order by id
            limit :limit
            """)
    List<Row> list(@Bind("owner") long ownerKeyId, @Bind("after") long after, @Bind("limit") int limit);

    @SqlQuery("""
            update subscriptions
            set paused = :paused, updated_at = :now
            where id = :id and owner_key_id = :owner
            returning
            """ + ROW)
    Optional<Row> setPaused(
            @Bind("owner") long ownerKeyId,
            @Bind("id") long id,
            @Bind("paused") boolean paused,
            @Bind("now") Instant now);

    @SqlUpdate("delete from subscriptions where id = :id and owner_key_id = :owner")
    int delete(@Bind("owner") long ownerKeyId, @Bind("id") long id);

    /**
     * Enables a disabled subscription again (its run of failures starts afresh); false when it was not
     * disabled.
     */
    @SqlUpdate("""
            update subscriptions
            set disabled_at = null, disabled_reason = null, failing_since = null
            where id = :id and owner_key_id = :owner and disabled_at is not null
            """)
    boolean enable(@Bind("owner") long ownerKeyId, @Bind("id") long id);

    @SqlQuery("select secret_enc from subscriptions where id = :id")
    @org.jdbi.v3.sqlobject.SingleValue
    byte[] secret(@Bind("id") long id);
}
