package com.docketwatch.claims;

/** Body of {@code POST /cases/{id}/claims}. */
public record ClaimRequest(String title, String statute, java.util.List<String> against, String status) {
}
