package com.docketwatch.auth;

/** Body of {@code POST /keys}. */
public record KeyRequest(String name, String role) {
}
