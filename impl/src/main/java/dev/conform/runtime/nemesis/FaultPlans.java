package dev.conform.runtime.nemesis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading, writing and building fault plans. */
public final class FaultPlans {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private FaultPlans() {
    }

    /** Thrown for an unreadable plan; the message is one line {@code file:line:col: problem}. */
    public static final class PlanFormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PlanFormatException(String message) {
            super(message);
        }
    }

    public static FaultPlan read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PlanFormatException(file + ":1:1: cannot read fault plan: " + e.getMessage());
        }
        try {
            return MAPPER.readValue(bytes, FaultPlan.class);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
            int col = loc == null ? 1 : Math.max(1, loc.getColumnNr());
            throw new PlanFormatException(file + ":" + line + ":" + col + ": invalid fault plan: "
                    + e.getOriginalMessage().lines().findFirst().orElse("?"));
        } catch (IOException e) {
            throw new PlanFormatException(file + ":1:1: cannot read fault plan: " + e.getMessage());
        }
    }

    /** Converts plan data as found in a trace header (maps and lists) back into a plan. */
    public static FaultPlan fromData(Object data) {
        return data == null ? FaultPlan.none() : MAPPER.convertValue(data, FaultPlan.class);
    }

    public static String toJson(FaultPlan plan) {
        try {
            return MAPPER.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(FaultPlan plan, Path file) throws IOException {
        Files.writeString(file, toJson(plan) + "\n");
    }

    /** A partition into the lower and the upper half of {@code servers} (the lower gets the extra). */
    public static FaultEvent.Partition halves(long at, List<Integer> servers) {
        int cut = (servers.size() + 1) / 2;
        return new FaultEvent.Partition(at, List.of(new ArrayList<>(servers.subList(0, cut)),
                new ArrayList<>(servers.subList(cut, servers.size()))));
    }
}
