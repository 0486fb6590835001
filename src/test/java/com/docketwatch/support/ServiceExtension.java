package com.docketwatch.support;

import com.docketwatch.DocketWatchConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fills a {@link DocketWatchIT}'s {@link Client}, {@link Key} and {@link Court} fields once its service
 * runs: the clients first, then the keys in the order the fields are declared, then the courts.
 */
public final class ServiceExtension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        Class<?> test = context.getRequiredTestClass();
        DropwizardAppExtension<DocketWatchConfiguration> app = app(test);
        Api api = TestApp.api(app);
        List<Field> fields = fields(test);
        for (Field f : fields) {
            if (f.isAnnotationPresent(Client.class)) {
                f.set(null, f.getType() == Api.class ? api : Db.of(app));
            }
        }
        String editor = null;
        for (Field f : fields) {
            Key key = f.getAnnotation(Key.class);
            if (key != null) {
                String issued = api.key(key.value());
                f.set(null, issued);
                if (editor == null && key.value().equals("editor")) {
                    editor = issued;
                }
            }
        }
        for (Field f : fields) {
            if (f.isAnnotationPresent(Court.class)) {
                if (editor == null) {
                    editor = api.key("editor");
                }
                f.set(null, api.court(editor));
            }
        }
    }

    /** The class's one static service. */
    @SuppressWarnings("unchecked")
    private static DropwizardAppExtension<DocketWatchConfiguration> app(Class<?> test) throws IllegalAccessException {
        List<DropwizardAppExtension<DocketWatchConfiguration>> found = new ArrayList<>();
        for (Field f : test.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && DropwizardAppExtension.class.isAssignableFrom(f.getType())) {
                f.setAccessible(true);
                found.add((DropwizardAppExtension<DocketWatchConfiguration>) f.get(null));
            }
        }
        if (found.size() != 1) {
            throw new ExtensionConfigurationException("@DocketWatchIT " + test.getSimpleName() + " needs exactly one "
                    + "static DropwizardAppExtension field (TestApp.create(...)); it has " + found.size());
        }
        return found.get(0);
    }

    /** The fields this extension fills, in declaration order, checked before anything is created. */
    private static List<Field> fields(Class<?> test) {
        List<Field> out = new ArrayList<>();
        for (Field f : test.getDeclaredFields()) {
            boolean client = f.isAnnotationPresent(Client.class);
            boolean text = f.isAnnotationPresent(Key.class) || f.isAnnotationPresent(Court.class);
            if (!client && !text) {
                continue;
            }
            if (!Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
                throw misuse(f, "a filled field must be static and not final");
            }
            if (client && f.getType() != Api.class && f.getType() != Db.class) {
                throw misuse(f, "@Client fills an Api or a Db field");
            }
            if (text && f.getType() != String.class) {
                throw misuse(f, "@Key and @Court fill a String field");
            }
            f.setAccessible(true);
            out.add(f);
        }
        return out;
    }

    private static ExtensionConfigurationException misuse(Field f, String why) {
        return new ExtensionConfigurationException(
                f.getDeclaringClass().getSimpleName() + "." + f.getName() + ": " + why);
    }
}
