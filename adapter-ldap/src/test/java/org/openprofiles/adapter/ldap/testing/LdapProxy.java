package org.openprofiles.adapter.ldap.testing;

import com.unboundid.asn1.ASN1Element;
import com.unboundid.asn1.ASN1Sequence;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a test's LDAP server that lets the test break the conversation at a
 * chosen point, the same way whatever the server (in-memory or slapd): it forwards the client's
 * bytes as they come and the server's answers one LDAP message at a time, so it can {@link #hold}
 * answers (a sync then waits on the directory) and {@link #cutAfterSearchesDone} (the connection
 * drops right after the n-th finished search page, as when the server stops in the middle of a
 * read). The server itself stays up.
 */
public final class LdapProxy implements AutoCloseable {

    /** An LDAP message's protocol op tag for searchResDone ([APPLICATION 5], constructed). */
    private static final byte SEARCH_RESULT_DONE = 0x65;

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private boolean held;
    private final AtomicInteger cutAfter = new AtomicInteger(-1);
    private volatile Runnable atCut = () -> {};
    private final AtomicInteger searchesDone = new AtomicInteger();

    private LdapProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "ldap-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy listening on a free loopback port, forwarding to {@code ldap://host:port} of {@code server}. */
    public static LdapProxy to(DirectoryServer server) throws IOException {
        java.net.URI url = java.net.URI.create(server.url());
        return new LdapProxy(url.getHost(), url.getPort());
    }

    /** The URL clients use instead of the server's. */
    public String url() {
        return "ldap://127.0.0.1:" + listener.getLocalPort();
    }

    /** From now on, the server's answers wait here until {@link #release}. */
    public void hold() {
        synchronized (gate) {
            held = true;
        }
    }

    /** Lets the server's answers through again. */
    public void release() {
        synchronized (gate) {
            held = false;
            gate.notifyAll();
        }
    }

    /** Drops every connection right after forwarding the {@code pages}-th finished search from now on. */
    public void cutAfterSearchesDone(int pages) {
        cutAfterSearchesDone(pages, () -> {});
    }

    /**
     * As {@link #cutAfterSearchesDone(int)}, running {@code action} first (e.g. stopping the server:
     * the reader then finds it gone at its next request).
     */
    public void cutAfterSearchesDone(int pages, Runnable action) {
        atCut = action;
        searchesDone.set(0);
        cutAfter.set(pages);
    }

    /** Finished searches forwarded since the last {@link #cutAfterSearchesDone}. */
    public int searchesDone() {
        return searchesDone.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            try {
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                pump(
                        "ldap-proxy-requests",
                        () -> copyBytes(client.getInputStream(), server.getOutputStream()),
                        client,
                        server);
                pump(
                        "ldap-proxy-answers",
                        () -> copyMessages(server.getInputStream(), client.getOutputStream()),
                        client,
                        server);
            } catch (IOException e) {
                // The server is gone: the client sees its connection closed, as with the server itself.
                closeQuietly(client);
            }
        }
    }

    /** Work on the streams of one connection, ended (both sockets closed) by an error or the end. */
    private interface Pump {
        void run() throws IOException, InterruptedException;
    }

    private void pump(String name, Pump pump, Socket client, Socket server) {
        Thread thread = new Thread(
                () -> {
                    try {
                        pump.run();
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        // The conversation ended (or was cut): close both sides below.
                    } finally {
                        closeQuietly(client);
                        closeQuietly(server);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void copyBytes(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    private void copyMessages(InputStream in, OutputStream out) throws IOException, InterruptedException {
        while (true) {
            ASN1Element message;
            try {
                message = ASN1Element.readFrom(in);
            } catch (com.unboundid.asn1.ASN1Exception e) {
                throw new IOException("not an LDAP message", e);
            }
            if (message == null) {
                return;
            }
            synchronized (gate) {
                while (held) {
                    gate.wait();
                }
            }
            out.write(message.encode());
            out.flush();
            if (opOf(message) == SEARCH_RESULT_DONE && searchesDone.incrementAndGet() == cutAfter.get()) {
                atCut.run();
                throw new IOException("cut by the test");
            }
        }
    }

    private static byte opOf(ASN1Element message) {
        try {
            return ASN1Sequence.decodeAsSequence(message).elements()[1].getType();
        } catch (Exception e) {
            return 0;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        release();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        sockets.forEach(LdapProxy::closeQuietly);
    }
}
