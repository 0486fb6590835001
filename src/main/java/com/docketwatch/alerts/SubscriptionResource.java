package com.docketwatch.alerts;

import com.docketwatch.auth.Caller;
import com.docketwatch.platform.request.Id;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import com.docketwatch.platform.web.Created;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Subscriptions: any role may subscribe; each key sees and changes only its own (others' are 404). */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SubscriptionResource {
    private final SubscriptionService subscriptions;
    private final DeliveryOperations operations;

    public SubscriptionResource(SubscriptionService subscriptions, DeliveryOperations operations) {
        this.subscriptions = subscriptions;
        this.operations = operations;
    }

    /**
     * Subscribes: 201 with the webhook secret (shown only here); 422 for a bad target, event, channel or
     * lead time; 409 when the key already holds the most subscriptions one key may have.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Caller caller, @NotNull @Valid SubscriptionRequest body) {
        SubscriptionView s = subscriptions.create(caller, body);
        return Created.at("subscriptions/" + s.id(), s);
    }

    /** The caller's own subscriptions. */
    @GET
    public Page<SubscriptionView> list(@Auth Caller caller, @BeanParam PageRequest page) {
        return subscriptions.list(caller, page);
    }

    /** One of the caller's subscriptions; 404 for anyone else's. */
    @GET
    @Path("{id}")
    public SubscriptionView get(@Auth Caller caller, @PathParam("id") Id id) {
        return subscriptions.get(caller, id.value());
    }

    /** Pauses or resumes ({@code {"paused": true|false}}): 200; 422 for any other field. */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public SubscriptionView patch(@Auth Caller caller, @PathParam("id") Id id, JsonNode body) {
        return subscriptions.patch(caller, id.value(), body);
    }

    /** Deletes the subscription and its pending alerts: 204. */
    @DELETE
    @Path("{id}")
    public Response delete(@Auth Caller caller, @PathParam("id") Id id) {
        subscriptions.delete(caller, id.value());
        return Response.noContent().build();
    }

    /** The delivery log, newest first. */
    @GET
    @Path("{id}/deliveries")
    public Page<DeliveryView> deliveries(@Auth Caller caller, @PathParam("id") Id id, @BeanParam PageRequest page) {
        return subscriptions.deliveries(caller, id.value(), page);
    }

    /** The subscription's hearing reminders, as planned: pending ones and what became of the others. */
    @GET
    @Path("{id}/reminders")
    public Page<com.docketwatch.reminders.ReminderView> reminders(
            @Auth Caller caller, @PathParam("id") Id id, @BeanParam PageRequest page) {
        return subscriptions.reminders(caller, id.value(), page);
    }

    /** Sends a signed test ping now: 200 with what the receiver answered. */
    @POST
    @Path("{id}/test")
    public PingView test(@Auth Caller caller, @PathParam("id") Id id) {
        return subscriptions.ping(caller, id.value());
    }

    /** One delivery with every attempt (when, status code, error, duration, the start of the answer). */
    @GET
    @Path("{id}/deliveries/{deliveryId}")
    public DeliveryDetailView delivery(
            @Auth Caller caller, @PathParam("id") Id id, @PathParam("deliveryId") Id deliveryId) {
        return operations.delivery(caller, id.value(), deliveryId.value());
    }

    /** Sends one delivery again now, with the same {@code webhook-id}: 202 with the delivery. */
    @POST
    @Path("{id}/deliveries/{deliveryId}/retry")
    public Response retry(@Auth Caller caller, @PathParam("id") Id id, @PathParam("deliveryId") Id deliveryId) {
        return Response.accepted(operations.retry(caller, id.value(), deliveryId.value()))
                .build();
    }

    /** Sends again, in order, every delivery queued since {@code since}: 202 {@code {"events": n}}. */
    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replay(@Auth Caller caller, @PathParam("id") Id id, @NotNull @Valid ReplayRequest body) {
        return Response.accepted(operations.replay(caller, id.value(), body)).build();
    }
}
