package io.plumeline.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming parse of a reading (docs/contracts.md §2) against the data binding it replaced, which this test keeps as the oracle:
 * over a corpus of valid and invalid messages (every field varied, whitespace, escapes, big numbers, exponents,
 * negative zero, non-numbers, truncations), both accept the same messages with equal readings, and refuse the same
 * with the same reason. The usual messages must take the streaming path.
 */
class ReadingJsonEquivalenceTest {

    /** {@code ReadingJson.parse} as it was, on data binding alone (then the same checks). */
    private static final class Oracle {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();

        static Reading parse(byte[] json) {
            Reading r;
            try {
                r = MAPPER.readValue(json, Reading.class);
            } catch (JsonMappingException e) {
                String field = e.getPath().isEmpty() ? "" : e.getPath().get(e.getPath().size() - 1).getFieldName() + ": ";
                throw new ReadingFormatException(field + firstLine(e.getOriginalMessage()), e);
            } catch (JacksonException e) {
                throw new ReadingFormatException("not JSON: " + firstLine(e.getOriginalMessage()), e);
            } catch (java.io.IOException e) {
                throw new ReadingFormatException("unreadable: " + e.getMessage(), e);
            }
            return ReadingJson.checked(r); // the checks after the parse are one for both paths
        }

        static String firstLine(String message) {
            int nl = message == null ? -1 : message.indexOf('\n');
            return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
        }
    }

    /** What a parse gave: the reading, or the refusal's type and reason. */
    private static Object outcome(java.util.function.Function<byte[], Reading> parse, byte[] json) {
        try {
            return parse.apply(json);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static final Map<String, String> USUAL = new LinkedHashMap<>();

    static {
        USUAL.put("v", "1");
        USUAL.put("site", "\"dalian-refinery\"");
        USUAL.put("tag", "\"heater-1.fuel_gas_flow\"");
        USUAL.put("ts", "\"2026-11-26T04:00:00.500Z\"");
        USUAL.put("value", "1203.4");
        USUAL.put("quality", "\"GOOD\"");
        USUAL.put("status", "0");
        USUAL.put("serverTs", "\"2026-11-26T04:00:00.512Z\"");
        USUAL.put("seq", "918273");
    }

    private static final List<String> INSTANTS = List.of(
            "\"2026-11-26T04:00:00Z\"", "\"2026-11-26T04:00:00.5Z\"", "\"2026-11-26T04:00:00.123456789Z\"",
            "\"2026-11-26T04:00:00.1234567891Z\"", "\"2026-11-26T04:00:00.Z\"", "\"2026-11-26T04:00Z\"",
            "\"2026-11-26T12:00:00.5+08:00\"", "\"2026-11-26T04:00:00+00:00\"", "\"2026-11-26T04:00:00+0000\"",
            "\"2026-11-26T04:00:00z\"", "\"2026-11-26t04:00:00Z\"", "\" 2026-11-26T04:00:00Z \"", "\"2026-11-26 04:00:00Z\"",
            "\"2024-02-29T00:00:00Z\"", "\"2023-02-29T00:00:00Z\"", "\"2100-02-29T00:00:00Z\"", "\"2000-02-29T23:59:59.999Z\"",
            "\"2026-04-31T00:00:00Z\"", "\"2026-12-31T23:59:59Z\"", "\"2026-13-01T00:00:00Z\"", "\"2026-00-10T00:00:00Z\"",
            "\"2026-11-26T24:00:00Z\"", "\"2026-12-31T23:59:60Z\"", "\"2026-11-26T04:60:00Z\"", "\"0000-01-01T00:00:00Z\"",
            "\"1969-12-31T23:59:59.999999999Z\"", "\"1970-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.999999999Z\"",
            "\"+10000-01-01T00:00:00Z\"", "\"-0001-01-01T00:00:00Z\"", "\"2026-11-26T04:00:00.-5Z\"", "\"2026-1a-26T04:00:00Z\"",
            "\"\\u0032026-11-26T04:00:00Z\"", "\"2026\\u002d11-26T04:00:00Z\"", "\"1795665600\"", "\"1795665600.5\"",
            "\"-1.5\"", "\"yesterday\"", "\"\"", "\"   \"", "1795665600", "1795665600.5", "-1.5", "0", "-0", "-0.0",
            "1.7956656005E9", "1e300", "17956656001234567890123", "[1795665600]", "[\"2026-11-26T04:00:00Z\"]", "[]",
            "{}", "{\"seconds\":1}", "true", "null", "NaN", "\"NaN\"",
            // about the plausible range of reading times
            "\"1601-01-01T00:00:00Z\"", "\"1989-12-31T23:59:59.999999999Z\"", "\"1990-01-01T00:00:00Z\"",
            "\"2199-12-31T23:59:59.999999999Z\"", "\"2200-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"");

    private static final Map<String, List<String>> VARIANTS = Map.of(
            "v", List.of("1", "2", "0", "-0", "null", "\"1\"", "1.0", "1e0", "1.5", "2147483648", "10000000000000000000000",
                    "true", "[]", "[1]", "{}", "01", "+1", "-1"),
            "site", List.of("\"s\"", "\"\"", "null", "5", "5.5", "true", "\"\\u0073ite\"", "\"ü-Werk 🌫\"", "\"a\\\"b\\\\c\\n\"",
                    "[]", "{}", "[\"s\"]"),
            "tag", List.of("\"t\"", "\"\"", "\"  \"", "null", "7", "false", "\"\\u0074ag\\u00e9\"", "[]", "{\"a\":1}",
                    "\"\\ud83d\\ude00\"", "\"\\x41\""),
            "ts", INSTANTS,
            "value", List.of("1203.4", "0", "-0", "-0.0", "0.0", "1e400", "-1e400", "1E-400", "4.9e-324", "1.7976931348623157E308",
                    "12345678901234567890123", "9007199254740993", "1.0e10", "0.1e-3", "1E2", "-2.5E-3", "\"1.5\"", "\"NaN\"",
                    "\"Infinity\"", "NaN", "Infinity", "-Infinity", "null", "true", "[]", "[1.5]", "{}", "\"\"", ".5", "1.", "-",
                    "0x10", "1_000", "00.5", "1e300", "-1e300", "1e15", "-1e15", "1.0000000000000002e15", "1e16"),
            "quality", List.of("\"GOOD\"", "\"UNCERTAIN\"", "\"BAD\"", "\"good\"", "\"Good\"", "\"0\"", "\"2\"", "0", "2", "5",
                    "\"FINE\"", "\"\"", "null", "\" GOOD\"", "\"G\\u004fOD\"", "[\"GOOD\"]", "true", "{}"),
            "status", List.of("0", "2156593152", "-1", "9223372036854775807", "9223372036854775808",
                    "-9223372036854775809", "1.5", "1.0", "1e3", "\"5\"", "\"\"", "null", "true", "[]", "{}", "-0"),
            "serverTs", INSTANTS.subList(0, 30),
            "seq", List.of("918273", "0", "-0", "null", "9223372036854775807", "99999999999999999999", "2.5", "\"7\"", "[7]",
                    "false"));

    private static String message(Map<String, String> fields, String separator) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) json.append(',').append(separator);
            json.append('"').append(name).append("\":").append(separator).append(value);
        });
        return json.append('}').toString();
    }

    static Stream<String> corpus() {
        List<String> corpus = new ArrayList<>();
        String usual = message(USUAL, "");
        corpus.add(usual);
        corpus.add(message(USUAL, " \n\t"));
        corpus.add(" \r\n" + usual + " \n");
        // each field in each of its variants, and absent
        VARIANTS.forEach((field, values) -> {
            for (String value : values) {
                for (String quality : List.of("\"GOOD\"", "\"BAD\"")) {
                    Map<String, String> fields = new LinkedHashMap<>(USUAL);
                    fields.put("quality", quality);
                    fields.put(field, value);
                    corpus.add(message(fields, ""));
                }
            }
            Map<String, String> without = new LinkedHashMap<>(USUAL);
            without.remove(field);
            corpus.add(message(without, ""));
        });
        // a BAD reading as the collector writes it, and fields in another order
        Map<String, String> bad = new LinkedHashMap<>(USUAL);
        bad.put("value", "null");
        bad.put("quality", "\"BAD\"");
        bad.put("status", "2156593152");
        corpus.add(message(bad, ""));
        List<String> names = new ArrayList<>(USUAL.keySet());
        java.util.Collections.reverse(names);
        Map<String, String> reversed = new LinkedHashMap<>();
        names.forEach(n -> reversed.put(n, USUAL.get(n)));
        corpus.add(message(reversed, " "));
        // unknown fields, also nested, before, between and after all the known ones; escaped field names
        String body = usual.substring(1, usual.length() - 1);
        for (String unknown : List.of("\"x\":1", "\"x\":{\"ts\":\"1999-01-01T00:00:00Z\",\"a\":[1,{\"b\":null}]}",
                "\"list\":[{\"ts\":0},[],\"s\"]", "\"good\":false", "\"isGood\":true", "\"V\":2", "\"Ts\":\"x\"",
                "\"\":null", "\"x\":1e999999", "\"x\":12345678901234567890123456789")) {
            corpus.add("{" + unknown + "," + body + "}");
            corpus.add("{" + body + "," + unknown + "}");
        }
        corpus.add(usual.replace("\"ts\"", "\"\\u0074s\"").replace("\"seq\"", "\"s\\u0065q\""));
        // fields twice
        for (String twice : List.of("\"ts\":\"2026-11-26T05:00:00Z\"", "\"v\":2", "\"v\":1", "\"value\":null", "\"tag\":\"other\"",
                "\"quality\":\"BAD\"", "\"seq\":1", "\"status\":null", "\"serverTs\":null", "\"site\":\"x\"")) {
            corpus.add("{" + twice + "," + body + "}");
            corpus.add("{" + body + "," + twice + "}");
        }
        // not an object, not JSON, trailing content, comments
        corpus.addAll(List.of("", " ", "null", "[]", "[" + usual + "]", "\"" + usual.replace("\"", "\\\"") + "\"", "5", "true",
                "{}", "not json", "temperature=12", usual + " trailing", usual + usual, usual + "}", "{" + body + ",}",
                "{" + body + ",,\"x\":1}", "/*c*/" + usual, "{" + body.replace(":", " : ") + "}", "{'v':1}",
                "\uFEFF" + usual, "{\"v\":1 \"site\":\"s\"}"));
        // every truncation of a usual message
        for (int i = 1; i < usual.length(); i++) corpus.add(usual.substring(0, i));
        return corpus.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void acceptsAndRefusesAsTheDataBindingDid(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Object expected = outcome(Oracle::parse, bytes);
        assertThat(outcome(ReadingJson::parse, bytes)).isEqualTo(expected);
        Reading usualShape = ReadingJson.usualShape(bytes);
        if (usualShape != null) {
            // what the streaming path reads (before the checks) is what the binding reads
            assertThat(usualShape).isEqualTo(Oracle.MAPPER.readValue(bytes, Reading.class));
        }
    }

    @Test
    void theUsualMessagesTakeTheStreamingPath() {
        List<String> usual = List.of(message(USUAL, ""), message(USUAL, " "),
                ReadingJson.toJson(Reading.of("s", "t", Instant.parse("2026-01-01T00:00:00Z"), 5.0, 0x808B0000L, null, 7)),
                ReadingJson.toJson(Reading.of("s", "t", Instant.parse("2026-01-01T00:00:00.123456Z"), 5.0, 0, ReadingJson.EARLIEST, 7)));
        for (String json : usual) {
            assertThat(ReadingJson.usualShape(json.getBytes(StandardCharsets.UTF_8))).as(json)
                    .isNotNull().isEqualTo(ReadingJson.parse(json.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Random instants of every fraction length, as Instant.toString writes them: the fast text path against the binding. */
    @Test
    void readsRandomInstantsAsTheBindingDoes() throws Exception {
        Random random = new Random(20261126);
        int fast = 0;
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L); // 0000-01-01 .. 9999-12-31
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String text = instant.toString();
            if (i % 7 == 0 && nanos != 0) text = text.replaceAll("0+Z$", "Z"); // fewer digits than Instant writes
            Map<String, String> fields = new LinkedHashMap<>(USUAL);
            fields.put("ts", "\"" + text + "\"");
            byte[] json = message(fields, "").getBytes(StandardCharsets.UTF_8);
            // the text as read, before the checks (which refuse most of these years): the fast path and the binding
            assertThat(ReadingJson.usualShape(json).ts()).as(text)
                    .isEqualTo(Oracle.MAPPER.readValue(json, Reading.class).ts()).isEqualTo(instant);
            assertThat(outcome(ReadingJson::parse, json)).isEqualTo(outcome(Oracle::parse, json));
            char[] chars = text.toCharArray();
            if (UtcText.instant(chars, 0, chars.length) != null) fast++;
        }
        assertThat(fast).isEqualTo(20_000);
    }
}
