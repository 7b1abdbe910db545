package dev.conform.tracing.itf;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** An ITF set, {@code {"#set": [...]}}. Equality ignores element order. */
public record ItfSet(Set<Object> elements) {
    public ItfSet {
        elements = Collections.unmodifiableSet(new LinkedHashSet<>(elements));
    }
}
