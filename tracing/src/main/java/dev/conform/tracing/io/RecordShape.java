package dev.conform.tracing.io;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Set;

/**
 * How the trace writer serializes a plain record without going through Jackson's
 * {@code ObjectMapper} (whose per-call serializer lookup dominated tracing cost): component names
 * pre-encoded and accessors as method handles. Only records Jackson would write as exactly
 * {@code {"component": value, ...}} in declaration order qualify: no annotations anywhere on the
 * record, its components or its supertypes, and no extra getter-like methods. Others return
 * null from {@link #of(Class)} and keep going through Jackson, so output bytes never change.
 */
final class RecordShape {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return build(type);
        }
    };
    private static final ObjectMapper NAME_WRITER = new ObjectMapper();
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    /** {@code "name":} of each component, escaped as Jackson escapes it. */
    final byte[][] names;
    final MethodHandle[] accessors;

    private RecordShape(byte[][] names, MethodHandle[] accessors) {
        this.names = names;
        this.accessors = accessors;
    }

    /** The shape of {@code type}, or null when Jackson must write it. */
    static RecordShape of(Class<?> type) {
        return type.isRecord() ? SHAPES.get(type) : null;
    }

    private static RecordShape build(Class<?> type) {
        try {
            if (hasAnnotations(type) || Iterable.class.isAssignableFrom(type) || java.util.Map.class.isAssignableFrom(type)
                    || CharSequence.class.isAssignableFrom(type) || fromJackson(type)) {
                return null;
            }
            RecordComponent[] cs = type.getRecordComponents();
            Set<String> componentNames = new HashSet<>();
            byte[][] names = new byte[cs.length][];
            MethodHandle[] accessors = new MethodHandle[cs.length];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < cs.length; i++) {
                RecordComponent c = cs[i];
                Method m = c.getAccessor();
                if (c.getAnnotations().length > 0 || m.getAnnotations().length > 0
                        || type.getDeclaredField(c.getName()).getAnnotations().length > 0) {
                    return null;
                }
                componentNames.add(c.getName());
                byte[] quoted = NAME_WRITER.writeValueAsBytes(c.getName());
                names[i] = java.util.Arrays.copyOf(quoted, quoted.length + 1);
                names[i][quoted.length] = ':';
                m.setAccessible(true);
                accessors[i] = lookup.unreflect(m).asType(GETTER);
            }
            for (Method m : type.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0
                        || m.getDeclaringClass() == Object.class || m.getDeclaringClass() == Record.class
                        || componentNames.contains(m.getName())) {
                    continue;
                }
                String n = m.getName();
                if (n.startsWith("get") || n.startsWith("is") || m.getAnnotations().length > 0) {
                    return null;
                }
            }
            return new RecordShape(names, accessors);
        } catch (ReflectiveOperationException | RuntimeException | java.io.IOException e) {
            return null;
        }
    }

    /** Jackson gives special treatment to its own interfaces (e.g. JsonSerializable). */
    private static boolean fromJackson(Class<?> type) {
        for (Class<?> i : type.getInterfaces()) {
            if (i.getName().startsWith("com.fasterxml.") || fromJackson(i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAnnotations(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
            if (c.getAnnotations().length > 0) {
                return true;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (hasAnnotations(i)) {
                    return true;
                }
            }
        }
        return false;
    }
}
