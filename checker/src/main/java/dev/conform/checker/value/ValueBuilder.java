package dev.conform.checker.value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link TlaValue}s from the parse tree of {@code TlaValue.g4}. */
final class ValueBuilder extends TlaValueBaseVisitor<TlaValue> {

    @Override
    public TlaValue visitInterval(TlaValueParser.IntervalContext ctx) {
        return new TlaValue.Interval(new BigInteger(ctx.lo.getText()), new BigInteger(ctx.hi.getText()));
    }

    @Override
    public TlaValue visitInteger(TlaValueParser.IntegerContext ctx) {
        return new TlaValue.Int(new BigInteger(ctx.INT().getText()));
    }

    @Override
    public TlaValue visitString(TlaValueParser.StringContext ctx) {
        return new TlaValue.Str(unescape(ctx.STRING().getText(), ctx.start.getLine(),
                ctx.start.getCharPositionInLine() + 1));
    }

    @Override
    public TlaValue visitTrue(TlaValueParser.TrueContext ctx) {
        return new TlaValue.Bool(true);
    }

    @Override
    public TlaValue visitFalse(TlaValueParser.FalseContext ctx) {
        return new TlaValue.Bool(false);
    }

    @Override
    public TlaValue visitModelValue(TlaValueParser.ModelValueContext ctx) {
        return new TlaValue.ModelValue(ctx.IDENT().getText());
    }

    @Override
    public TlaValue visitTuple(TlaValueParser.TupleContext ctx) {
        return new TlaValue.Tuple(all(ctx.value()));
    }

    @Override
    public TlaValue visitSet(TlaValueParser.SetContext ctx) {
        return new TlaValue.Set(all(ctx.value()));
    }

    @Override
    public TlaValue visitRecord(TlaValueParser.RecordContext ctx) {
        Map<String, TlaValue> fields = new LinkedHashMap<>();
        for (TlaValueParser.FieldContext f : ctx.field()) {
            if (fields.put(f.name.getText(), visit(f.value())) != null) {
                throw new TlaValueSyntaxException(f.start.getLine(), f.start.getCharPositionInLine() + 1,
                        "duplicate record field " + f.name.getText());
            }
        }
        return new TlaValue.Record(fields);
    }

    @Override
    public TlaValue visitFunction(TlaValueParser.FunctionContext ctx) {
        List<TlaValue.Entry> entries = new ArrayList<>();
        for (TlaValueParser.MappingContext m : ctx.mapping()) {
            entries.add(new TlaValue.Entry(visit(m.key), visit(m.val)));
        }
        return new TlaValue.Function(entries);
    }

    private List<TlaValue> all(List<TlaValueParser.ValueContext> values) {
        List<TlaValue> out = new ArrayList<>(values.size());
        for (TlaValueParser.ValueContext v : values) {
            out.add(visit(v));
        }
        return out;
    }

    /** Undoes TLC's string escapes; an unknown escape is an error, not a guess. */
    static String unescape(String quoted, int line, int column) {
        StringBuilder b = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = quoted.charAt(++i);
            switch (e) {
                case '"' -> b.append('"');
                case '\\' -> b.append('\\');
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'f' -> b.append('\f');
                default -> throw new TlaValueSyntaxException(line, column + i,
                        "unknown string escape \\" + e);
            }
        }
        return b.toString();
    }
}
