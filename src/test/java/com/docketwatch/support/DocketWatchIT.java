package com.docketwatch.support;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test against the running service. Starts the class's static
 * {@code DropwizardAppExtension} (built by {@link TestApp}, which keeps each class's configuration, clock
 * and fresh database in the class), then fills the class's {@link Client}, {@link Key} and {@link Court}
 * fields before its own {@code @BeforeAll} methods run:
 *
 * <pre>
 * &#64;DocketWatchIT
 * class CasesIT {
 *     static final DropwizardAppExtension&lt;DocketWatchConfiguration&gt; APP = TestApp.create();
 *     &#64;Client static Api api;
 *     &#64;Key("editor") static String editor;
 *     &#64;Court static String court;
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({DropwizardExtensionsSupport.class, ServiceExtension.class})
public @interface DocketWatchIT {}
