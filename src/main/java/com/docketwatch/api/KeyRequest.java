package com.docketwatch.api;

/** Body of {@code POST /keys}. */
public record KeyRequest(String name, String role) {
}
