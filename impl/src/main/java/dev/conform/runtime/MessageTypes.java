package dev.conform.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/** Derives wire type names of messages from their classes. */
public final class MessageTypes {
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName();
        }
    };

    private MessageTypes() {
    }

    /** The wire type name of {@code msg}: its class's simple name, as {@link #of} keys it. */
    public static String name(Object msg) {
        return NAMES.get(msg.getClass());
    }

    /** Permitted subclasses of a sealed type (recursively), or the type itself, by simple name. */
    public static <M> Map<String, Class<? extends M>> of(Class<M> type) {
        Map<String, Class<? extends M>> out = new LinkedHashMap<>();
        collect(type, type, out);
        return out;
    }

    private static <M> void collect(Class<M> root, Class<?> c, Map<String, Class<? extends M>> out) {
        if (c.isSealed()) {
            for (Class<?> sub : c.getPermittedSubclasses()) {
                collect(root, sub, out);
            }
        } else if (!c.isInterface() && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
            Class<? extends M> sub = c.asSubclass(root);
            Class<? extends M> prev = out.put(c.getSimpleName(), sub);
            if (prev != null && prev != sub) {
                throw new IllegalStateException("two message classes named " + c.getSimpleName());
            }
        }
    }
}
