package dev.conform.checker.validate;

import dev.conform.checker.tlc.ParsedSpec;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import tla2sany.semantic.OpDeclNode;

/**
 * The state variables of a trace spec as SANY resolved them: those its module declares and
 * those of every module it EXTENDS (not those of an INSTANCE, which are substituted). The
 * validator needs the names to make TLC print a segment's end state as a record. They come in
 * declaration order, extended modules first, so generated modules read like the spec.
 */
final class SpecVariables {
    private SpecVariables() {
    }

    /** Variables of the parsed root module, in declaration order (extended modules first). */
    static List<String> of(ParsedSpec spec) {
        // A location's source is the name of the module the node was written in.
        Comparator<OpDeclNode> byModule = Comparator.comparingInt(v -> spec.modules().indexOf(v.getLocation().source()));
        Comparator<OpDeclNode> byPlace = Comparator.comparingInt((OpDeclNode v) -> v.getLocation().beginLine())
                .thenComparingInt(v -> v.getLocation().beginColumn());
        return Arrays.stream(spec.root().getVariableDecls())
                .sorted(byModule.thenComparing(byPlace))
                .map(v -> v.getName().toString())
                .toList();
    }
}
