package io.easnet.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project, the "sandwich": generated {@code ImmutableX} classes are package-private
 * and overshadowed, so users write {@code X.builder()…build()} and only ever see {@code X}. Put it on a
 * package-info.java to apply it to every value type of the package.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    get = {"is*", "get*"},
    depluralize = true,
    depluralizeDictionary = {"entry:entries", "switch:switches", "address:addresses", "storage:storage"},
    defaults = @Value.Immutable(copy = false))
public @interface ValueStyle {}
