package dev.daprliberty.support.json;

import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.support.problem.Problem;
import dev.daprliberty.support.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads {@code POST /greet}'s body strictly, so that nothing a client sends is silently reinterpreted,
 * dropped or corrupted: one UTF-8 JSON object (RFC 8259) of at most {@value #MAX_BYTES} bytes, with exactly
 * the field {@code name}, once, whose value is a string (or null, which validation reports as missing).
 * Everything else ends the request with a problem naming what is wrong. JSON-B alone would greet
 * {@code {"name":42}}, decode invalid UTF-8 into replacement characters, keep the last of two names and
 * ignore unknown fields and trailing text. The name rules themselves are Bean Validation's (GreetRequest).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class GreetRequestReader implements MessageBodyReader<GreetRequest> {

    /** Far above the longest valid request (100 characters, each escaped as a surrogate pair: 1.2 KB). */
    public static final int MAX_BYTES = 8192;

    static final String EXAMPLE = "it must be a JSON object, e.g. {\"name\":\"Ada\"}";
    private static final String NAME = "name";
    private static final JsonParserFactory JSON = Json.createParserFactory(Map.of());

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == GreetRequest.class;
    }

    @Override
    public GreetRequest readFrom(Class<GreetRequest> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        requireUtf8(mediaType);
        requireNoContentEncoding(headers.getFirst(HttpHeaders.CONTENT_ENCODING));
        return parse(utf8(readAtMostMaxBytes(body)));
    }

    private static void requireUtf8(MediaType mediaType) {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new ProblemException(Problem.of(Status.UNSUPPORTED_MEDIA_TYPE,
                    "the request body must be UTF-8 JSON: Content-Type: application/json, without a charset or with charset=utf-8"));
        }
    }

    private static void requireNoContentEncoding(String contentEncoding) {
        if (contentEncoding != null && !contentEncoding.isBlank() && !contentEncoding.strip().equalsIgnoreCase("identity")) {
            throw new ProblemException(Problem.of(Status.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding " + contentEncoding.strip() + " is not supported: send the JSON uncompressed"));
        }
    }

    private static byte[] readAtMostMaxBytes(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new ProblemException(Problem.of(Status.REQUEST_ENTITY_TOO_LARGE,
                    "the request body must be at most " + MAX_BYTES + " bytes"));
        }
        return bytes;
    }

    /** Decodes strictly: an invalid byte sequence is an error, never a replacement character. */
    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw malformed("the request body is not valid UTF-8 (byte " + in.position() + ")");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            throw malformed("the request body must not start with a byte order mark");
        }
        return text;
    }

    private static GreetRequest parse(String text) {
        if (text.isBlank()) {
            throw malformed("the request body is empty; " + EXAMPLE);
        }
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (parser.next() != Event.START_OBJECT) {
                throw malformed("the request body must be a JSON object, e.g. {\"name\":\"Ada\"}");
            }
            GreetRequest request = readFields(parser);
            requireEnd(parser);
            return request;
        } catch (JsonParsingException e) {
            throw malformed("the request body is not valid JSON (" + where(e.getLocation(), text) + "); " + EXAMPLE);
        } catch (JsonException e) {
            throw malformed("the request body is not valid JSON; " + EXAMPLE);
        }
    }

    /** The fields up to the object's end: only {@code name}, once, a string or null. */
    private static GreetRequest readFields(JsonParser parser) {
        String name = null;
        boolean seen = false;
        while (parser.next() == Event.KEY_NAME) {
            String field = parser.getString();
            if (!NAME.equals(field)) {
                throw invalid("unknown field \"" + shortened(field) + "\": the request has one field, name");
            }
            if (seen) {
                throw invalid("name is given more than once");
            }
            seen = true;
            name = switch (parser.next()) {
                case VALUE_STRING -> parser.getString();
                case VALUE_NULL -> null;
                default -> throw invalid("name must be a JSON string");
            };
        }
        return new GreetRequest(name);
    }

    private static void requireEnd(JsonParser parser) {
        try {
            if (!parser.hasNext()) {
                return;
            }
        } catch (JsonParsingException e) {
            throw malformed("the request body must be one JSON object with nothing after it (" + where(e.getLocation(), "") + ")");
        }
        throw malformed("the request body must be one JSON object with nothing after it");
    }

    /** Where parsing failed; a body cut short is reported as such (the parser's position is past its end then). */
    private static String where(JsonLocation location, String text) {
        if (location == null) {
            return "position unknown";
        }
        if (!text.isEmpty() && location.getStreamOffset() >= text.length()) {
            return "it ends too early";
        }
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private static String shortened(String field) {
        return field.length() <= 40 ? field : field.substring(0, 40) + "...";
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(Problem.malformedBody(detail));
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.invalidRequest(detail));
    }
}
