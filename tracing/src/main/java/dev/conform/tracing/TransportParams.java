package dev.conform.tracing;

import java.util.Map;

/**
 * What a header's {@code params.transport} promises about duplication (docs/trace-format.md,
 * "Header"). Real-network traces name their transport: {@code tcp} and {@code quic} never deliver
 * one sent message twice, {@code udp} may, and also loses and reorders. Simulator traces carry no
 * transport; then only {@code net} and the rates decide. This is the one definition of the rule;
 * TraceNet.tla states the same ({@code TransportConsistent}, {@code TransportMayDuplicate}).
 */
public final class TransportParams {
    private TransportParams() {
    }

    /** Whether the header's transport may duplicate: no transport named, or {@code udp}. */
    public static boolean mayDuplicate(Map<String, Object> params) {
        Object t = params == null ? null : params.get("transport");
        return t == null || "udp".equals(t);
    }

    /**
     * Why the header's transport contradicts its other network params, naming the field, or null
     * when it does not (or names no transport). UDP needs an unreliable network that may duplicate
     * ({@code duplicatePercent} above 0); TCP and QUIC must not duplicate ({@code duplicatePercent} 0).
     */
    public static String problem(Map<String, Object> params) {
        if (params == null || !params.containsKey("transport")) {
            return null;
        }
        Object t = params.get("transport");
        if (!"tcp".equals(t) && !"udp".equals(t) && !"quic".equals(t)) {
            return "params.transport is " + show(t) + ", not \"tcp\", \"udp\" or \"quic\"";
        }
        Object dup = params.get("duplicatePercent");
        long d = dup instanceof Number n ? n.longValue() : 0;
        if ("udp".equals(t)) {
            if (d <= 0) {
                return "inconsistent header: params.transport is \"udp\", which may duplicate, but"
                        + " params.duplicatePercent is " + show(dup);
            }
            if ("reliable".equals(String.valueOf(params.getOrDefault("net", "reliable")))) {
                return "inconsistent header: params.transport is \"udp\", which may lose messages, but params.net is"
                        + " \"reliable\"";
            }
        } else if (d != 0) {
            return "inconsistent header: params.transport is " + show(t) + ", which never duplicates, but"
                    + " params.duplicatePercent is " + show(dup);
        }
        return null;
    }

    private static String show(Object o) {
        return o instanceof String s ? "\"" + s + "\"" : String.valueOf(o);
    }
}
