package dev.conform.tracing.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.VectorClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The sink writes plain records without Jackson's ObjectMapper; these tests pin that the bytes
 * are exactly what Jackson writes, for plain records and for the shapes that must keep going
 * through Jackson (annotations, extra getters, doubles, enums).
 */
class RecordWriterParityTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    enum Color { RED, GREEN }

    record Entry(int term, String value) {
    }

    record Plain(int origin, long seq, String value, boolean flag, Short small) {
    }

    record Nested(Entry head, List<Entry> entries, Map<Integer, Long> match, Map<String, Object> extra,
                  Object anything) {
    }

    record WithDouble(double weight, Float f) {
    }

    record WithEnum(Color color, Map<Color, Integer> byColor) {
    }

    record Annotated(@JsonProperty("t") int term) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
    interface Typed {
    }

    record TypedRecord(int x) implements Typed {
    }

    /** A message family as algorithms declare theirs (e.g. RaftMessage). */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Vote.class, name = "Vote"),
        @JsonSubTypes.Type(value = Append.class, name = "Append"),
        @JsonSubTypes.Type(value = Reply.class, name = "Re\"ply\u00e9"),
        @JsonSubTypes.Type(value = Clash.class, name = "Clash"),
        @JsonSubTypes.Type(value = Open.class, name = "Open"),
        @JsonSubTypes.Type(value = Renamed.class, name = "Renamed"),
    })
    sealed interface Msg {
    }

    record Vote(long term, boolean granted) implements Msg {
    }

    record Append(long term, List<Entry> entries, Integer boxed) implements Msg {
    }

    record Reply(String value, int hint) implements Msg {
    }

    /** A component named like the type property. */
    record Clash(String type) implements Msg {
    }

    /** A component Jackson writes without the type id of a typed value in it. */
    record Open(Object anything) implements Msg {
    }

    @JsonTypeName("Other")
    record Renamed(int x) implements Msg {
    }

    /** Not listed in the family's subtypes: Jackson derives a default name. */
    record Unlisted(int x) implements Msg {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
    @JsonSubTypes(@JsonSubTypes.Type(value = Wrapped.class, name = "Wrapped"))
    interface WrapperFamily {
    }

    record Wrapped(int x) implements WrapperFamily {
    }

    /** Typed values where Jackson keeps their type ids: declared as the family type. */
    record Envelope(Msg msg, List<Msg> batch) {
    }

    record ExtraGetter(int x) {
        public int getDoubled() {
            return 2 * x;
        }
    }

    record Empty() {
    }

    @Test
    void plainRecordsHaveAShape() {
        assertNotNull(RecordShape.of(Plain.class));
        assertNotNull(RecordShape.of(Nested.class));
        assertNull(RecordShape.of(Annotated.class));
        assertNull(RecordShape.of(TypedRecord.class));
        assertNull(RecordShape.of(ExtraGetter.class));
    }

    @Test
    void messageFamilyRecordsHaveAShapeWithTheirTypeId() {
        for (Class<?> c : List.of(Vote.class, Append.class, Reply.class)) {
            assertNotNull(RecordShape.of(c), c.getName());
            assertNotNull(RecordShape.of(c).typeId, c.getName());
        }
        for (Class<?> c : List.of(Clash.class, Open.class, Renamed.class, Unlisted.class, Wrapped.class)) {
            assertNull(RecordShape.of(c), c.getName());
        }
        assertNull(RecordShape.of(Plain.class).typeId);
    }

    @Test
    void sameBytesAsJacksonForMessageFamilies() throws Exception {
        List<Object> samples = List.of(
                new Vote(3, true),
                new Vote(Long.MIN_VALUE, false),
                new Append(1, List.of(new Entry(1, "a"), new Entry(2, "b \" \u00e9 \u4e2d \n")), 7),
                new Append(0, List.of(), null),
                new Reply(null, 0),
                new Reply("x", -2),
                new Clash("t"),
                new Open(new Vote(1, true)),
                new Open(List.of(new Reply("y", 1))),
                new Renamed(1),
                new Unlisted(2),
                new Wrapped(3),
                new Envelope(new Vote(2, false), List.of(new Append(1, List.of(new Entry(1, "z")), 1),
                        new Reply("r", 3))));
        for (Object s : samples) {
            assertEquals(jackson(s), writtenState(s), s.toString());
        }
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 500; i++) {
            Object m = randomMessage(rnd);
            assertEquals(jackson(m), writtenState(m), "sample " + i);
        }
    }

    @Test
    void fieldMapsAreWrittenAsTheLinkedHashMapsTheyReplace() throws Exception {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int i = 0; i < 500; i++) {
            dev.conform.tracing.FieldMap.Builder b = dev.conform.tracing.FieldMap.builder(2);
            Map<String, Object> same = new LinkedHashMap<>();
            for (int k = rnd.nextInt(10); k > 0; k--) {
                String key = k % 3 == 0 ? "k\u00e9\"" + k : "f" + k;
                Object v = switch (rnd.nextInt(5)) {
                    case 0 -> rnd.nextLong();
                    case 1 -> "v\n" + (char) rnd.nextInt(0x3000);
                    case 2 -> null;
                    case 3 -> List.of(new Entry(k, "e"), dev.conform.tracing.FieldMap.builder(1).put("n", k).build());
                    default -> randomMessage(rnd);
                };
                if (v instanceof Long l) {
                    b.put(key, l.longValue());
                } else {
                    b.put(key, v);
                }
                same.put(key, v);
            }
            dev.conform.tracing.FieldMap f = b.build();
            assertEquals(writtenState(same), writtenState(f), "sample " + i);
            assertEquals(writtenState(List.of(same)), writtenState(new Nested(null, List.of(), null, null, f))
                    .replaceFirst("^\\{\"head\":null,\"entries\":\\[\\],\"match\":null,\"extra\":null,\"anything\":", "[")
                    .replaceFirst("}$", "]"), "nested sample " + i);
        }
    }

    private static Msg randomMessage(SplittableRandom rnd) {
        return switch (rnd.nextInt(3)) {
            case 0 -> new Vote(rnd.nextLong(), rnd.nextBoolean());
            case 1 -> {
                List<Entry> es = new ArrayList<>();
                for (int k = rnd.nextInt(5); k > 0; k--) {
                    es.add(new Entry(rnd.nextInt(), rnd.nextInt(4) == 0 ? null : "v" + (char) rnd.nextInt(0x3000)));
                }
                yield new Append(rnd.nextLong(), es, rnd.nextBoolean() ? null : rnd.nextInt());
            }
            default -> new Reply(rnd.nextBoolean() ? null : "r" + rnd.nextInt(), rnd.nextInt());
        };
    }

    @Test
    void sameBytesAsJacksonForFixedShapes() throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("a", null);
        extra.put("b", List.of(1L, "x", true));
        extra.put("c", new Entry(3, "z"));
        Map<Integer, Long> match = new TreeMap<>(Map.of(1, 4L, 2, 0L));
        List<Object> samples = List.of(
                new Plain(1, 2, "v", true, (short) 3),
                new Plain(-1, Long.MAX_VALUE, null, false, null),
                new Plain(0, 0, "quote \" and \u00e9 and \n", false, (short) -1),
                new Nested(new Entry(1, "a"), List.of(new Entry(1, "a"), new Entry(2, "b")), match, extra,
                        new Annotated(5)),
                new Nested(null, Collections.emptyList(), Map.of(), Map.of(), List.of(new WithDouble(1.5, 2f))),
                new WithDouble(0.1, null),
                new WithEnum(Color.GREEN, new LinkedHashMap<>(Map.of(Color.RED, 1))),
                new Annotated(7),
                new TypedRecord(9),
                new ExtraGetter(4),
                new Empty(),
                new Nested(null, Arrays.asList(null, new Entry(0, "")), null, null, new ExtraGetter(1)));
        for (Object s : samples) {
            assertEquals(jackson(s), writtenState(s), s.toString());
        }
    }

    @Test
    void sameBytesAsJacksonForRandomNestings() throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            Object v = randomRecord(rnd, 0);
            assertEquals(jackson(v), writtenState(v), "sample " + i);
        }
    }

    @Test
    void stringsAreEscapedAsJacksonEscapesThem() throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(12); k > 0; k--) {
                int pick = rnd.nextInt(5);
                char c = (char) switch (pick) {
                    case 0 -> rnd.nextInt(0x20);
                    case 1 -> rnd.nextInt(0x80);
                    case 2 -> 0x80 + rnd.nextInt(0x800);
                    case 3 -> 0xd800 + rnd.nextInt(0x800);
                    default -> rnd.nextInt(0x10000);
                };
                sb.append(c);
                if (pick == 3 && c < 0xdc00 && rnd.nextBoolean()) {
                    sb.append((char) (0xdc00 + rnd.nextInt(0x400)));
                }
            }
            String s = sb.toString();
            Map<String, Object> state = new LinkedHashMap<>();
            state.put(s, List.of(s, new Entry(i, s)));
            assertEquals(jackson(state), writtenState(state), "string " + i);
        }
    }

    private static Object randomRecord(SplittableRandom rnd, int depth) {
        return switch (rnd.nextInt(4)) {
            case 0 -> new Entry(rnd.nextInt(), rnd.nextBoolean() ? null : "s" + rnd.nextInt(100));
            case 1 -> new Plain(rnd.nextInt(), rnd.nextLong(), "v", rnd.nextBoolean(), (short) rnd.nextInt(100));
            default -> {
                List<Entry> es = new ArrayList<>();
                for (int k = rnd.nextInt(4); k > 0; k--) {
                    es.add(new Entry(k, "e" + k));
                }
                Map<String, Object> extra = new LinkedHashMap<>();
                for (int k = rnd.nextInt(3); k > 0; k--) {
                    extra.put("k" + k, depth < 3 ? randomRecord(rnd, depth + 1) : (Object) (long) k);
                }
                yield new Nested(es.isEmpty() ? null : es.get(0), es, Map.of(rnd.nextInt(9), rnd.nextLong()), extra,
                        depth < 3 && rnd.nextBoolean() ? randomRecord(rnd, depth + 1) : null);
            }
        };
    }

    /** What the UTF-8 Jackson generator (the one the sink used to be) writes for {@code v}. */
    private static String jackson(Object v) throws Exception {
        return new String(MAPPER.writeValueAsBytes(v), StandardCharsets.UTF_8);
    }

    /** The JSON text the sink writes for {@code state}, cut out of the event line. */
    private static String writtenState(Object state) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NdjsonSink sink = new NdjsonSink(out)) {
            sink.header(new TraceHeader(1, "x", List.of(1), null, null, "p", Map.of()));
            sink.event(new TraceEvent(0, 1, EventKind.SEND, null, new TraceMessage(1, 1, 1, "M", state), null,
                    -1, VectorClock.empty()));
        }
        String text = out.toString(StandardCharsets.UTF_8);
        String line = text.substring(text.indexOf('\n') + 1, text.length() - 1);
        String prefix = "{\"seq\":0,\"node\":1,\"kind\":\"send\",\"msg\":{\"id\":1,\"from\":1,\"to\":1,\"type\":\"M\",\"body\":";
        String suffix = "},\"vc\":{}}";
        assertEquals(prefix, line.substring(0, prefix.length()), line);
        assertEquals(suffix, line.substring(line.length() - suffix.length()), line);
        return line.substring(prefix.length(), line.length() - suffix.length());
    }
}
