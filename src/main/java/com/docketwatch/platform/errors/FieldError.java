package com.docketwatch.platform.errors;

/** One invalid field of a request: its snake_case name (or JSON path) and what is wrong with it. */
public record FieldError(String field, String message) {}
