package dev.conform.checker.value;

import java.util.LinkedHashMap;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/** Parses TLC's printed values and states into {@link TlaValue}s. */
public final class TlaValues {
    private TlaValues() {
    }

    /** Parses one value, e.g. {@code [a |-> <<1, "x">>]}. */
    public static TlaValue parse(String text) {
        return new ValueBuilder().visit(parser(text).valueOnly().value());
    }

    /**
     * Parses the variables of one state as TLC prints it ({@code x = 1} or
     * {@code /\ x = 1 /\ y = 2}), in printed order.
     */
    public static Map<String, TlaValue> parseState(String text) {
        TlaValueParser.StateContext ctx = parser(text).state();
        ValueBuilder builder = new ValueBuilder();
        Map<String, TlaValue> vars = new LinkedHashMap<>();
        if (ctx.assignment() != null) {
            put(vars, ctx.assignment(), builder);
        }
        for (TlaValueParser.ConjunctContext c : ctx.conjunct()) {
            put(vars, c.assignment(), builder);
        }
        return vars;
    }

    private static void put(Map<String, TlaValue> vars, TlaValueParser.AssignmentContext a, ValueBuilder b) {
        String name = a.IDENT().getText();
        if (vars.put(name, b.visit(a.value())) != null) {
            throw new TlaValueSyntaxException(a.start.getLine(), a.start.getCharPositionInLine() + 1,
                    "variable " + name + " assigned twice");
        }
    }

    private static TlaValueParser parser(String text) {
        ThrowingListener errors = new ThrowingListener();
        TlaValueLexer lexer = new TlaValueLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        TlaValueParser parser = new TlaValueParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        return parser;
    }

    /** Turns ANTLR's recoverable errors into one exception: unparsable output is never guessed at. */
    private static final class ThrowingListener extends BaseErrorListener {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                int charPositionInLine, String msg, RecognitionException e) {
            throw new TlaValueSyntaxException(line, charPositionInLine + 1, msg);
        }
    }
}
