package dev.daprliberty.support.testing;

import dev.daprliberty.support.problem.Problem;
import jakarta.ws.rs.core.Response.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Every kind of bad {@code POST /greet} request found so far, with the problem greeter and comms both answer
 * it with (the README's API table lists the same), and the unusual but good requests that must be greeted.
 * Used by the body reader's unit test and by both services' integration tests against their real Liberty servers.
 */
public final class WireRequests {

    public static final String ADA = "{\"name\":\"Ada\"}";
    private static final String JSON = "application/json";
    private static final String CONTENT_TYPE_DETAIL = "the request body must be sent with Content-Type: application/json";
    private static final String CHARSET_DETAIL =
            "the request body must be UTF-8 JSON: Content-Type: application/json, without a charset or with charset=utf-8";
    private static final String NOT_AN_OBJECT = "the request body must be a JSON object, e.g. {\"name\":\"Ada\"}";
    private static final String EXAMPLE = "; it must be a JSON object, e.g. {\"name\":\"Ada\"}";
    private static final String NOT_A_STRING = "name must be a JSON string";
    private static final String METHOD_NOT_ALLOWED = "this method is not allowed here; allowed: POST, OPTIONS";

    private WireRequests() {
    }

    public static Stream<WireRequest> bad() {
        List<WireRequest> all = new ArrayList<>();
        all.add(invalid("missing name", "{}", "name is required"));
        all.add(invalid("null name", "{\"name\":null}", "name is required"));
        all.add(invalid("empty name", "{\"name\":\"\"}", "name must not be blank"));
        all.add(invalid("blank name", "{\"name\":\"  \\t \"}", "name must not be blank"));
        all.add(invalid("bell character", "{\"name\":\"Ada\\u0007\"}", "name must not contain control characters"));
        all.add(invalid("newline", "{\"name\":\"A\\nda\"}", "name must not contain control characters"));
        all.add(invalid("line separator", "{\"name\":\"A\\u2028da\"}", "name must not contain control characters"));
        all.add(invalid("101 characters", "{\"name\":\"" + "a".repeat(101) + "\"}", "name must be at most 100 characters"));
        all.add(invalid("unpaired surrogate", "{\"name\":\"Ada \\ud83d\"}",
                "name must be valid Unicode (an escaped surrogate such as \\ud83d needs its pair)"));
        all.add(invalid("number as name", "{\"name\":42}", NOT_A_STRING));
        all.add(invalid("boolean as name", "{\"name\":true}", NOT_A_STRING));
        all.add(invalid("array as name", "{\"name\":[\"Ada\"]}", NOT_A_STRING));
        all.add(invalid("object as name", "{\"name\":{\"first\":\"Ada\"}}", NOT_A_STRING));
        all.add(invalid("duplicate name", "{\"name\":\"Ada\",\"name\":\"Bob\"}", "name is given more than once"));
        all.add(invalid("unknown field", "{\"name\":\"Ada\",\"age\":36}", "unknown field \"age\": the request has one field, name"));
        all.add(invalid("misspelt field", "{\"nmae\":\"Ada\"}", "unknown field \"nmae\": the request has one field, name"));

        all.add(malformed("empty body", "", "the request body is empty" + EXAMPLE));
        all.add(malformed("white space only", " \r\n\t", "the request body is empty" + EXAMPLE));
        all.add(malformed("cut off", "{\"name\":", "the request body is not valid JSON (it ends too early)" + EXAMPLE));
        all.add(malformed("not JSON", "name=Ada", "the request body is not valid JSON (line 1, column 2)" + EXAMPLE));
        all.add(malformed("comment", "{\"name\":\"Ada\" /* hi */}", "the request body is not valid JSON (line 1, column 15)" + EXAMPLE));
        all.add(malformed("NaN", "{\"name\":NaN}", "the request body is not valid JSON (line 1, column 9)" + EXAMPLE));
        all.add(malformed("single quotes", "{'name':'Ada'}", "the request body is not valid JSON (line 1, column 2)" + EXAMPLE));
        for (String notAnObject : List.of("[\"Ada\"]", "[]", "42", "\"Ada\"", "true", "null")) {
            all.add(malformed("body " + notAnObject, notAnObject, NOT_AN_OBJECT));
        }
        all.add(malformed("text after the object", ADA + " x",
                "the request body must be one JSON object with nothing after it (line 1, column 16)"));
        all.add(malformed("two objects", ADA + ADA,
                "the request body must be one JSON object with nothing after it (line 1, column 15)"));
        all.add(malformed("invalid UTF-8", bytes("{\"name\":\"Ad", 0xff, "\"}"), "the request body is not valid UTF-8 (byte 11)"));
        all.add(malformed("overlong UTF-8", bytes("{\"name\":\"", 0xc0, 0xaf, "Ada\"}"), "the request body is not valid UTF-8 (byte 9)"));
        all.add(malformed("UTF-8 encoded surrogate", bytes("{\"name\":\"Ada", 0xed, 0xa0, 0xbd, "\"}"),
                "the request body is not valid UTF-8 (byte 12)"));
        all.add(malformed("Latin-1 without a charset", "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.ISO_8859_1),
                "the request body is not valid UTF-8 (byte 11)"));
        all.add(malformed("UTF-16 with its byte order mark", utf16(ADA), "the request body is not valid UTF-8 (byte 0)"));
        all.add(malformed("UTF-8 byte order mark", bytes("", 0xef, 0xbb, 0xbf, ADA), "the request body must not start with a byte order mark"));

        all.add(rejected("Content-Type text/plain", Map.of("Content-Type", "text/plain"), Status.UNSUPPORTED_MEDIA_TYPE, CONTENT_TYPE_DETAIL));
        all.add(rejected("Content-Type application/xml", Map.of("Content-Type", "application/xml"), Status.UNSUPPORTED_MEDIA_TYPE,
                CONTENT_TYPE_DETAIL));
        all.add(rejected("form", Map.of("Content-Type", "application/x-www-form-urlencoded"), Status.UNSUPPORTED_MEDIA_TYPE,
                CONTENT_TYPE_DETAIL));
        all.add(rejected("no Content-Type", Map.of(), Status.UNSUPPORTED_MEDIA_TYPE, CONTENT_TYPE_DETAIL));
        all.add(rejected("charset ISO-8859-1", Map.of("Content-Type", "application/json; charset=ISO-8859-1"),
                Status.UNSUPPORTED_MEDIA_TYPE, CHARSET_DETAIL));
        all.add(rejected("charset UTF-16", Map.of("Content-Type", "application/json;charset=utf-16"), Status.UNSUPPORTED_MEDIA_TYPE,
                CHARSET_DETAIL));
        all.add(new WireRequest("gzip", "POST", "/greet", headers(JSON, "Content-Encoding", "gzip"), gzip(ADA), false,
                Problem.of(Status.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding gzip is not supported: send the JSON uncompressed")));
        all.add(rejected("Accept text/plain", Map.of("Content-Type", JSON, "Accept", "text/plain"), Status.NOT_ACCEPTABLE,
                "this resource answers application/json only"));

        all.add(tooLarge("8 KiB + 1 byte", paddedTo(8193), false));
        all.add(tooLarge("1 MiB, chunked", "{\"name\":\"" + "a".repeat(1 << 20) + "\"}", true));

        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            all.add(new WireRequest(method + " /greet", method, "/greet", headers(JSON), utf8(method.equals("PUT") ? ADA : ""), false,
                    Problem.of(Status.METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED)));
        }
        for (String path : List.of("/", "/greetings", "/greet/Ada")) {
            all.add(new WireRequest("POST " + path, "POST", path, headers(JSON), utf8(ADA), false,
                    Problem.of(Status.NOT_FOUND, "no resource at this path")));
        }
        return all.stream();
    }

    /** Requests that look unusual but are good: each must be greeted as Ada. */
    public static Stream<WireRequest> good() {
        return Stream.of(
                good("charset=utf-8", headers("application/json; charset=utf-8"), utf8(ADA), false),
                good("charset=\"UTF-8\"", headers("application/json;charset=\"UTF-8\""), utf8(ADA), false),
                good("Content-Encoding identity", headers(JSON, "Content-Encoding", "identity"), utf8(ADA), false),
                good("pretty-printed", headers(JSON), utf8("\r\n{\n  \"name\" : \"Ada\"\n}\n"), false),
                good("surrounding white space in the name", headers(JSON), utf8("{\"name\":\"  Ada\\t\"}"), false),
                good("escaped characters", headers(JSON), utf8("{\"n\\u0061me\":\"\\u0041da\"}"), false),
                good("exactly 8 KiB", headers(JSON), utf8(paddedTo(8192)), false),
                good("chunked", headers(JSON), utf8(ADA), true));
    }

    /** {"name":"Ada"} padded with white space to exactly {@code size} bytes. */
    private static String paddedTo(int size) {
        String start = "{\"name\":\"Ada\"";
        return start + " ".repeat(size - start.length() - 1) + "}";
    }

    private static WireRequest good(String what, Map<String, String> headers, byte[] body, boolean chunked) {
        return new WireRequest(what, "POST", "/greet", headers, body, chunked, null);
    }

    private static WireRequest invalid(String what, String body, String detail) {
        return new WireRequest(what, "POST", "/greet", headers(JSON), utf8(body), false, Problem.invalidRequest(detail));
    }

    private static WireRequest malformed(String what, String body, String detail) {
        return malformed(what, utf8(body), detail);
    }

    private static WireRequest malformed(String what, byte[] body, String detail) {
        return new WireRequest(what, "POST", "/greet", headers(JSON), body, false, Problem.malformedBody(detail));
    }

    private static WireRequest rejected(String what, Map<String, String> headers, Status status, String detail) {
        return new WireRequest(what, "POST", "/greet", headers, utf8(ADA), false, Problem.of(status, detail));
    }

    private static WireRequest tooLarge(String what, String body, boolean chunked) {
        return new WireRequest(what, "POST", "/greet", headers(JSON), utf8(body), chunked,
                Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "the request body must be at most 8192 bytes"));
    }

    private static Map<String, String> headers(String contentType, String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Text and raw bytes, in order: a String is UTF-8, an Integer one byte. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(utf8(text));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static byte[] utf16(String text) {
        // Java's UTF-16 encoder writes a big-endian byte order mark first (FE FF).
        return text.getBytes(StandardCharsets.UTF_16);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(utf8(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
