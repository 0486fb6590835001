package com.docketwatch.cases;

/** One lawyer or firm representing a party. */
public record CounselRequest(String name, String firm) {
}
