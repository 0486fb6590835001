package com.docketwatch.platform.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a GET resource method: its answer may come from the read replica ({@code DOCKETWATCH_DATABASE_READ_URL}),
 * up to {@code database.maxReplicaLag} behind, except for a key whose own write the replica has not shown yet
 * ({@link ReadReplica}). Only for reads that write nothing (the replica's sessions are read-only) and that
 * need neither the newest rows nor the primary's transaction ids (the change feed, long polls, deliveries).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReplicaRead {}
