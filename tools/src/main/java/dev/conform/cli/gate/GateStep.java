package dev.conform.cli.gate;

import java.nio.file.Path;
import java.util.List;

/** One kind of check the gate runs on each spec folder (model checking, chaos runs, ...). */
public interface GateStep {

    /** The checks this step contributes for {@code specFolder}; empty when it does not apply. */
    List<GateCheck> checks(Path specFolder);
}
