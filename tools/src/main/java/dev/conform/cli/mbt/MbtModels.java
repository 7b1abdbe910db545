package dev.conform.cli.mbt;

import java.util.List;
import java.util.Optional;

/** The algorithms {@code conform mbt} can replay spec behaviours into. */
public final class MbtModels {
    private static final List<MbtModel<?>> ALL = List.of(new TwoPhaseMbt(), new RaftMbt(), new CrdtMbt());

    private MbtModels() {
    }

    public static Optional<MbtModel<?>> find(String algorithm) {
        return ALL.stream().filter(m -> m.name().equals(algorithm)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(MbtModel::name).toList();
    }
}
