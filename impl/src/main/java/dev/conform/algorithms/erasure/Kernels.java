package dev.conform.algorithms.erasure;

/**
 * Picks the coding kernel once per JVM: {@code -Dconform.erasure.kernel=table|vector|auto}
 * (default auto). Auto takes the vector kernel when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, else the table kernel. The vector class is loaded by
 * name, so without the incubator module nothing refers to it.
 */
final class Kernels {
    static final CodingKernel TABLE = new TableKernel();
    static final CodingKernel DEFAULT = select(System.getProperty("conform.erasure.kernel", "auto"));

    private Kernels() {
    }

    static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The vector kernel; fails with a clear message when the module was not added. */
    static CodingKernel vector() {
        if (!vectorAvailable()) {
            throw new IllegalStateException("the vector kernel needs --add-modules jdk.incubator.vector");
        }
        try {
            return (CodingKernel) Class.forName(Kernels.class.getPackageName() + ".VectorKernel")
                .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the vector kernel", e);
        }
    }

    private static CodingKernel select(String name) {
        return switch (name) {
            case "table" -> TABLE;
            case "vector" -> vector();
            case "auto" -> vectorAvailable() ? vector() : TABLE;
            default -> throw new IllegalArgumentException("conform.erasure.kernel is table, vector or auto, not " + name);
        };
    }
}
