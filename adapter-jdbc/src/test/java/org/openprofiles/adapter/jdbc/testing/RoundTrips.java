package org.openprofiles.adapter.jdbc.testing;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;

/**
 * Counts the round trips the PostgreSQL driver makes: a socket factory ({@link #url} puts it in a
 * JDBC URL) whose sockets count each time the client reads an answer after having sent something.
 * A statement, a BEGIN, a COMMIT, a connection check each cost one; messages the driver sends
 * together (a BEGIN in front of the first query) cost one between them, as on the wire.
 */
public final class RoundTrips extends SocketFactory {

    private static final Map<String, AtomicLong> COUNTERS = new ConcurrentHashMap<>();

    private final AtomicLong counter;

    /** Called by the driver with the URL's {@code socketFactoryArg}: the name of the counter. */
    public RoundTrips(String name) {
        this.counter = counter(name);
    }

    /** {@code url} with this factory and the counter {@code name}. */
    public static String url(String url, String name) {
        return url + (url.contains("?") ? "&" : "?") + "socketFactory=" + RoundTrips.class.getName()
                + "&socketFactoryArg=" + name;
    }

    /** The round trips counted so far under {@code name}. */
    public static long count(String name) {
        return counter(name).get();
    }

    private static AtomicLong counter(String name) {
        return COUNTERS.computeIfAbsent(name, k -> new AtomicLong());
    }

    @Override
    public Socket createSocket() {
        return new CountingSocket(counter);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new java.net.InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(host.getHostAddress(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address, port);
    }

    /** A socket that counts reads that follow writes. */
    private static final class CountingSocket extends Socket {

        private final AtomicLong counter;
        private final AtomicBoolean sent = new AtomicBoolean();
        private InputStream in;
        private OutputStream out;

        CountingSocket(AtomicLong counter) {
            this.counter = counter;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        answered(b >= 0 ? 1 : 0);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = super.read(buffer, offset, length);
                        answered(n);
                        return n;
                    }
                };
            }
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        sent.set(true);
                        super.write(b);
                    }

                    @Override
                    public void write(byte[] buffer, int offset, int length) throws IOException {
                        sent.set(true);
                        // Straight to the socket: FilterOutputStream would write byte by byte.
                        this.out.write(buffer, offset, length);
                    }
                };
            }
            return out;
        }

        private void answered(int bytes) {
            if (bytes > 0 && sent.getAndSet(false)) {
                counter.incrementAndGet();
            }
        }
    }
}
