package dev.conform.runtime;

import java.util.EnumSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A teaching flaw an algorithm can be run with ({@code --flaw NAME}), as a constant of the
 * algorithm's flaw enum. One rule reads the option for every such enum: a flaw is named by its
 * flag name or its enum name, and an unknown name is an error listing the known ones.
 */
public interface TeachingFlaw {
    /** The {@code --flaw} name. */
    String flawName();

    /**
     * The flaws {@code options} ask for.
     *
     * @throws IllegalArgumentException naming the unknown flaw and the known ones
     */
    static <E extends Enum<E> & TeachingFlaw> EnumSet<E> parse(Options options, Class<E> type, String algorithm) {
        EnumSet<E> out = EnumSet.noneOf(type);
        E[] all = type.getEnumConstants();
        for (String name : options.flaws()) {
            E found = Stream.of(all).filter(f -> f.flawName().equals(name) || f.name().equals(name))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown " + algorithm + " flaw '"
                            + name + "'; known: " + Stream.of(all).map(TeachingFlaw::flawName)
                            .collect(Collectors.joining(", "))));
            out.add(found);
        }
        return out;
    }
}
