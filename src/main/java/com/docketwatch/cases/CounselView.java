package com.docketwatch.cases;

/** A party's counsel. */
public record CounselView(String name, String firm) {}
