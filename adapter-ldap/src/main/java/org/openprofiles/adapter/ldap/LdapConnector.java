package org.openprofiles.adapter.ldap;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLSocketFactory;
import org.openprofiles.domain.access.directory.DirectoryUnavailable;
import org.openprofiles.domain.access.directory.DirectoryUnavailable.Reason;

/**
 * Opens one bound connection as the settings say (timeouts, ldaps or StartTLS with host name
 * checking, simple bind), and turns every LDAP failure into a {@link DirectoryUnavailable} whose
 * message names the server and the step, never the password.
 */
final class LdapConnector {

    private final LdapSettings settings;

    LdapConnector(LdapSettings settings) {
        this.settings = settings;
    }

    LdapSettings settings() {
        return settings;
    }

    /** A connected, bound connection; the caller closes it. */
    LDAPConnection open() {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(millis(settings.connectTimeout()));
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        // One thread uses a connection at a time: no reader thread needed, and a response
        // timeout then also bounds a server that stops answering in the middle of a page.
        options.setUseSynchronousMode(true);
        options.setFollowReferrals(false);
        if (settings.usesTls()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        LDAPConnection connection;
        try {
            connection = settings.url().getScheme().equalsIgnoreCase("ldaps")
                    ? new LDAPConnection(
                            socketFactory(), options, settings.url().getHost(), settings.port())
                    : new LDAPConnection(options, settings.url().getHost(), settings.port());
        } catch (LDAPException e) {
            throw failure("connecting", e, Reason.UNREACHABLE);
        }
        try {
            if (settings.startTls()) {
                startTls(connection);
            }
            if (!settings.bindDn().isEmpty()) {
                connection.bind(settings.bindDn(), settings.bindPassword());
            }
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw failure("binding as " + settings.bindDn(), e, null);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private void startTls(LDAPConnection connection) {
        ExtendedResult result;
        try {
            result = connection.processExtendedOperation(new StartTLSExtendedRequest(socketFactory()));
        } catch (LDAPException e) {
            // Refused or a failed handshake: the server cannot be reached securely, and plain text is no option.
            throw new DirectoryUnavailable(
                    Reason.UNREACHABLE,
                    failure("starting TLS", e, Reason.UNREACHABLE).getMessage());
        }
        if (result.getResultCode() != ResultCode.SUCCESS) {
            throw new DirectoryUnavailable(
                    Reason.UNREACHABLE,
                    "Directory " + settings.server() + ": StartTLS was refused ("
                            + describe(result.getResultCode(), result.getDiagnosticMessage()) + ")");
        }
    }

    /**
     * The failure to report for {@code e} raised while {@code doing} something; {@code whenLost}
     * overrides the reason of a broken connection (it means "unreachable" while connecting).
     */
    DirectoryUnavailable failure(String doing, LDAPException e, Reason whenLost) {
        ResultCode code = e.getResultCode();
        Reason reason;
        if (code == ResultCode.INVALID_CREDENTIALS) {
            reason = Reason.BIND_REFUSED;
        } else if (code == ResultCode.TIMEOUT) {
            reason = Reason.TIMED_OUT;
        } else if (code == ResultCode.CONNECT_ERROR) {
            reason = Reason.UNREACHABLE;
        } else if (code == ResultCode.SERVER_DOWN
                || code == ResultCode.LOCAL_ERROR
                || code == ResultCode.DECODING_ERROR
                || code == ResultCode.ENCODING_ERROR) {
            reason = whenLost != null ? whenLost : Reason.CONNECTION_LOST;
        } else {
            reason = Reason.REFUSED;
        }
        String what = switch (reason) {
            case BIND_REFUSED -> "the server refused the credentials";
            case TIMED_OUT -> "no answer within " + settings.responseTimeout().toSeconds() + " s";
            case UNREACHABLE -> "cannot reach the server";
            case CONNECTION_LOST -> "the connection was lost";
            case REFUSED -> "the server answered with an error";
        };
        return new DirectoryUnavailable(
                reason,
                "Directory " + settings.server() + ": " + what + " while " + doing + " ("
                        + describe(code, e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage())
                        + ")");
    }

    private static String describe(ResultCode code, String diagnostic) {
        String text = code.getName() + " (" + code.intValue() + ")";
        return diagnostic == null || diagnostic.isBlank() ? text : text + ": " + diagnostic.strip();
    }

    private SSLSocketFactory socketFactory() {
        try {
            char[] password = settings.trustStorePassword().isEmpty()
                    ? null
                    : settings.trustStorePassword().toCharArray();
            SSLUtil ssl = settings.trustStore().isPresent()
                    ? new SSLUtil(new TrustStoreTrustManager(
                            settings.trustStore().get().toFile(), password, null, true))
                    : new SSLUtil(JVMDefaultTrustManager.getInstance());
            return ssl.createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new DirectoryUnavailable(
                    Reason.UNREACHABLE,
                    "Directory " + settings.server() + ": TLS could not be set up from the configured trust store ("
                            + e.getMessage() + ")");
        }
    }

    private static int millis(java.time.Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
