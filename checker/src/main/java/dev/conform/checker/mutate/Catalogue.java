package dev.conform.checker.mutate;

import java.util.List;
import java.util.Optional;

/** Every mutation operator, in the order reports list them. */
public final class Catalogue {
    private Catalogue() {
    }

    public static final List<MutationOperator> ALL = List.of(
            MessageOperators.DELIVER_UNSENT,
            MessageOperators.DELIVER_BEFORE_SEND,
            MessageOperators.DUPLICATE_DELIVERY,
            MessageOperators.DROP_HANDLER,
            MessageOperators.DUPLICATE_HANDLER,
            NodeOperators.STEP_WHILE_DOWN,
            NodeOperators.RESTART_WITHOUT_CRASH,
            StateOperators.STATE_FIELD,
            StateOperators.WRONG_TYPE,
            StateOperators.REPLY_BEFORE_COMMIT,
            HeaderOperators.PHANTOM_NODE,
            HeaderOperators.OTHER_ALGORITHM,
            HeaderOperators.RELIABLE_NETWORK,
            HeaderOperators.OTHER_TRANSPORT,
            HeaderOperators.UNPLANNED_FAULT,
            HeaderOperators.OTHER_PARAMETER);

    public static Optional<MutationOperator> named(String name) {
        return ALL.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
