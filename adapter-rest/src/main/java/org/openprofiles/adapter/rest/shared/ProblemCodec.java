package org.openprofiles.adapter.rest.shared;

import java.util.Map;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Grizzly's HTTP codec with the service's error shape: a request whose header block is larger
 * than the listener allows, or that has too many header fields, is answered 431 (a request line
 * too long, 414) with an {@code application/problem+json} body, where Grizzly alone would send
 * an empty 400. Any other request the codec cannot parse gets its 400 with a problem body too.
 * Installed as an {@link AddOn}: it takes the place of the codec filter in the listener's chain,
 * configured exactly like it.
 */
final class ProblemCodec implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int index = builder.indexOfType(HttpServerFilter.class);
        if (index < 0) {
            throw new IllegalStateException("no HTTP codec in the listener's filter chain");
        }
        HttpServerFilter original = (HttpServerFilter) builder.get(index);
        int maxHeaderSize = listener.getMaxHttpHeaderSize() == -1
                ? HttpServerFilter.DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE
                : listener.getMaxHttpHeaderSize();
        @SuppressWarnings("deprecation")
        Codec codec = new Codec(
                listener.isChunkingEnabled(),
                maxHeaderSize,
                listener.getKeepAlive(),
                listener.getMaxRequestHeaders(),
                listener.getMaxResponseHeaders());
        for (var encoding : original.getContentEncodings()) {
            codec.addContentEncoding(encoding);
        }
        codec.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
        codec.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
        codec.getMonitoringConfig().addProbes(original.getMonitoringConfig().getProbes());
        builder.set(index, codec);
    }

    /** The codec filter answering its errors with problem bodies. */
    private static final class Codec extends HttpServerFilter {

        @SuppressWarnings("deprecation")
        Codec(
                boolean chunking,
                int maxHeaderSize,
                org.glassfish.grizzly.http.KeepAlive keepAlive,
                int maxRequestHeaders,
                int maxResponseHeaders) {
            // Like HttpServer's own: no delayed executor here, the listener's IdleTimeoutFilter handles idle
            // connections.
            super(chunking, maxHeaderSize, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
        }

        @Override
        protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable failure)
                throws java.io.IOException {
            if (header instanceof org.glassfish.grizzly.http.HttpRequestPacket request) {
                HttpResponsePacket response = request.getResponse();
                String message = String.valueOf(failure.getMessage());
                if (failure instanceof MimeHeaders.MaxHeaderCountExceededException
                        || message.contains("header is too large")) {
                    HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.setValues(response);
                } else if (message.contains("intial line is too large")
                        || message.contains("initial line is too large")) {
                    HttpStatus.REQUEST_URI_TOO_LONG_414.setValues(response);
                }
            }
            super.onHttpHeaderError(header, ctx, failure);
        }

        @Override
        protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
            int status = response.getStatus() < 400 ? 400 : response.getStatus();
            Map.Entry<String, String> what = switch (status) {
                case 431 ->
                    Map.entry(
                            "header_too_large",
                            "the request's header fields are larger, or more numerous, than this server accepts");
                case 414 -> Map.entry("request_line_too_long", "the request line (method and URI) is too long");
                default -> Map.entry("malformed_request", "the request is not a well-formed HTTP request");
            };
            byte[] body =
                    IntakeResponses.problemBody(status, response.getReasonPhrase(), what.getKey(), what.getValue());
            // As a plain header: when the request line could not be read, Grizzly writes no
            // Content-Type of its own for the answer.
            response.getHeaders().setValue(Header.ContentType).setString(Problem.MEDIA_TYPE);
            response.setContentLength(body.length);
            IntakeResponses.SECURITY_HEADERS.forEach(response::setHeader);
            return HttpContent.builder(response)
                    .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                    .last(true)
                    .build();
        }
    }
}
