package dev.conform.runtime;

/**
 * An {@link Algorithm} whose plain facts (name, description, message and persisted types, network
 * semantics) are given once to the constructor, so a descriptor states only how it builds nodes
 * and what differs from the defaults.
 */
public abstract class AbstractAlgorithm<M> implements Algorithm<M> {
    private final String name;
    private final String description;
    private final Class<M> messageType;
    private final Class<?> persistedType;
    private final NetSemantics defaultNet;

    /** Described by its name, persisting maps and lists, for a reliable network. */
    protected AbstractAlgorithm(String name, Class<M> messageType) {
        this(name, name, messageType, Object.class, NetSemantics.RELIABLE);
    }

    protected AbstractAlgorithm(String name, String description, Class<M> messageType, Class<?> persistedType,
                                NetSemantics defaultNet) {
        this.name = name;
        this.description = description;
        this.messageType = messageType;
        this.persistedType = persistedType;
        this.defaultNet = defaultNet;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<M> messageType() {
        return messageType;
    }

    @Override
    public final Class<?> persistedType() {
        return persistedType;
    }

    @Override
    public final NetSemantics defaultNet() {
        return defaultNet;
    }
}
