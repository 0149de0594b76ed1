package org.openprofiles.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@link Http} cannot do: send headers and hold the body
 * back, drip it a byte at a time, send malformed or oversized requests, and see exactly when the
 * answer comes.
 */
final class RawHttp implements AutoCloseable {

    /** A parsed answer. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawHttp(URI server) {
        try {
            socket = new Socket(server.getHost(), server.getPort());
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request line and headers (a {@code Host} header is added) and the blank line. */
    RawHttp head(String method, String target, String... headers) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("\r\n");
        return send(head.toString());
    }

    RawHttp send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    RawHttp send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #send(String)}, but false instead of an exception when the server has closed the connection. */
    boolean trySend(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * One request with {@code Expect: 100-continue}: the body is sent only after the server said
     * "continue"; its refusal (a final answer instead) is returned without the body being sent.
     * (The JDK 17 HttpClient waits forever for a "continue" that does not come.)
     */
    Answer exchange(String method, String target, byte[] body, int timeoutMillis, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 4);
        all[headers.length] = "Expect";
        all[headers.length + 1] = "100-continue";
        all[headers.length + 2] = "Content-Length";
        all[headers.length + 3] = String.valueOf(body.length);
        head(method, target, all);
        Answer first = read(timeoutMillis, false);
        if (first.status() != 100) {
            return first;
        }
        send(body);
        return read(timeoutMillis);
    }

    /** Reads one answer (after any "100 Continue"), waiting at most {@code timeoutMillis}. */
    Answer read(int timeoutMillis) {
        return read(timeoutMillis, true);
    }

    private Answer read(int timeoutMillis, boolean skipContinue) {
        try {
            socket.setSoTimeout(timeoutMillis);
            String statusLine = line();
            if (skipContinue && statusLine.startsWith("HTTP/1.1 100")) {
                line();
                statusLine = line();
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + timeoutMillis + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the server closed the connection (end of stream) within {@code timeoutMillis}. */
    boolean closedWithin(int timeoutMillis) {
        try {
            socket.setSoTimeout(timeoutMillis);
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("the server closed the connection");
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
