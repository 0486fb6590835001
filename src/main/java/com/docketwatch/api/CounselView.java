package com.docketwatch.api;

/** A party's counsel. */
public record CounselView(String name, String firm) {
}
