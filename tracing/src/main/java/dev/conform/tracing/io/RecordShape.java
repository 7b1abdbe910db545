package dev.conform.tracing.io;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
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
 * {@code {"component": value, ...}} in declaration order qualify: no annotations on the record or
 * its components, and no extra getter-like methods. The one annotated supertype allowed is the
 * common message-family pattern {@code @JsonTypeInfo(use = NAME, include = PROPERTY, property =
 * "p")} with {@code @JsonSubTypes} naming the record: Jackson then writes {@code "p":"Name"} first,
 * and so does the shape ({@link #typeId}). Others return null from {@link #of(Class)} and keep
 * going through Jackson, so output bytes never change.
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
    static final byte OBJECT = 0;
    static final byte LONG = 1;
    static final byte INT = 2;
    static final byte BOOLEAN = 3;

    final byte[][] names;
    /** Accessors typed {@code (Object)Object}, or for primitive kinds {@code (Object)long/int/boolean}. */
    final MethodHandle[] accessors;
    /** {@link #OBJECT}, {@link #LONG}, {@link #INT} or {@link #BOOLEAN} per component: primitives unboxed. */
    final byte[] kinds;
    /** {@code "property":"Name"}, written before the components; null when Jackson adds no type id. */
    final byte[] typeId;

    private RecordShape(byte[][] names, MethodHandle[] accessors, byte[] kinds, byte[] typeId) {
        this.names = names;
        this.accessors = accessors;
        this.kinds = kinds;
        this.typeId = typeId;
    }

    /** The shape of {@code type}, or null when Jackson must write it. */
    static RecordShape of(Class<?> type) {
        // no Class.isRecord() here: it is a native call on every value; build() checks it once per class
        return SHAPES.get(type);
    }

    private static RecordShape build(Class<?> type) {
        if (!type.isRecord()) {
            return null;
        }
        try {
            byte[] typeId = null;
            if (hasAnnotations(type)) {
                typeId = typeIdOf(type);
                if (typeId == null) {
                    return null;
                }
            }
            if (Iterable.class.isAssignableFrom(type) || java.util.Map.class.isAssignableFrom(type)
                    || CharSequence.class.isAssignableFrom(type) || fromJackson(type)) {
                return null;
            }
            RecordComponent[] cs = type.getRecordComponents();
            Set<String> componentNames = new HashSet<>();
            byte[][] names = new byte[cs.length][];
            MethodHandle[] accessors = new MethodHandle[cs.length];
            byte[] kinds = new byte[cs.length];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < cs.length; i++) {
                RecordComponent c = cs[i];
                Method m = c.getAccessor();
                if (c.getAnnotations().length > 0 || m.getAnnotations().length > 0
                        || type.getDeclaredField(c.getName()).getAnnotations().length > 0) {
                    return null;
                }
                if (typeId != null && (c.getName().equals(typeProperty(type)) || !closed(c.getGenericType(), 0))) {
                    return null; // a clash with the type property, or values Jackson might type differently
                }
                componentNames.add(c.getName());
                byte[] quoted = NAME_WRITER.writeValueAsBytes(c.getName());
                names[i] = java.util.Arrays.copyOf(quoted, quoted.length + 1);
                names[i][quoted.length] = ':';
                m.setAccessible(true);
                Class<?> t = c.getType();
                kinds[i] = t == long.class ? LONG : t == int.class ? INT : t == boolean.class ? BOOLEAN : OBJECT;
                MethodType mt = kinds[i] == OBJECT ? GETTER : MethodType.methodType(t, Object.class);
                accessors[i] = lookup.unreflect(m).asType(mt);
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
            return new RecordShape(names, accessors, kinds, typeId);
        } catch (ReflectiveOperationException | RuntimeException | java.io.IOException e) {
            return null;
        }
    }

    /**
     * {@code "property":"Name"} when the record's only annotations are a type-id family on one
     * interface it implements: {@code @JsonTypeInfo(use = NAME, include = PROPERTY)} with a
     * property name, and {@code @JsonSubTypes} listing this record once with a name. Null for
     * anything else (annotations on the record itself, other annotations, default names).
     */
    private static byte[] typeIdOf(Class<?> type) throws java.io.IOException {
        if (type.getDeclaredAnnotations().length > 0 || type.getSuperclass() != Record.class) {
            return null;
        }
        Set<Class<?>> annotated = new HashSet<>();
        collectAnnotatedInterfaces(type, annotated);
        if (annotated.size() != 1) {
            return null;
        }
        Class<?> family = annotated.iterator().next();
        JsonTypeInfo info = family.getDeclaredAnnotation(JsonTypeInfo.class);
        JsonSubTypes subtypes = family.getDeclaredAnnotation(JsonSubTypes.class);
        if (family.getDeclaredAnnotations().length != 2 || info == null || subtypes == null
                || info.use() != JsonTypeInfo.Id.NAME || info.include() != JsonTypeInfo.As.PROPERTY
                || info.property().isEmpty()) {
            return null;
        }
        String name = null;
        for (JsonSubTypes.Type t : subtypes.value()) {
            if (t.value() == type) {
                if (name != null || t.name().isEmpty()) {
                    return null;
                }
                name = t.name();
            }
        }
        if (name == null) {
            return null;
        }
        byte[] property = NAME_WRITER.writeValueAsBytes(info.property());
        byte[] value = NAME_WRITER.writeValueAsBytes(name);
        byte[] out = java.util.Arrays.copyOf(property, property.length + 1 + value.length);
        out[property.length] = ':';
        System.arraycopy(value, 0, out, property.length + 1, value.length);
        return out;
    }

    /**
     * Whether every value of declared type {@code t} is written the same nested as at the top
     * level: primitives, their boxes, strings, lists of such, and unannotated records of such.
     * Jackson leaves out the type id of a typed record held in a field declared {@code Object}
     * (the writer would add it), so typed records only take the fast path with closed components.
     */
    private static boolean closed(java.lang.reflect.Type t, int depth) {
        if (depth > 8) {
            return false;
        }
        if (t instanceof Class<?> c) {
            if (c.isPrimitive() || c == String.class || c == Long.class || c == Integer.class
                    || c == Boolean.class || c == Short.class || c == Byte.class) {
                return true;
            }
            if (!c.isRecord() || c.getDeclaredAnnotations().length > 0 || c.getInterfaces().length > 0) {
                return false;
            }
            for (RecordComponent rc : c.getRecordComponents()) {
                if (!closed(rc.getGenericType(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (t instanceof java.lang.reflect.ParameterizedType p && p.getRawType() == java.util.List.class) {
            return closed(p.getActualTypeArguments()[0], depth + 1);
        }
        return false;
    }

    private static String typeProperty(Class<?> type) {
        Set<Class<?>> annotated = new HashSet<>();
        collectAnnotatedInterfaces(type, annotated);
        return annotated.iterator().next().getDeclaredAnnotation(JsonTypeInfo.class).property();
    }

    private static void collectAnnotatedInterfaces(Class<?> type, Set<Class<?>> out) {
        for (Class<?> i : type.getInterfaces()) {
            if (i.getDeclaredAnnotations().length > 0) {
                out.add(i);
            }
            collectAnnotatedInterfaces(i, out);
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
