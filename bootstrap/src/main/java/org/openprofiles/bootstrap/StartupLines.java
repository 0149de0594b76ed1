package org.openprofiles.bootstrap;

import java.util.Locale;
import java.util.regex.Pattern;

/** What the start-up lines may say about a setting that can hold a secret. */
final class StartupLines {

    /** A JDBC URL parameter that carries a secret ({@code password}, {@code sslpassword}, {@code sslkey}, …). */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(".*(pass|secret|key|token).*");

    private static final Pattern USER_INFO = Pattern.compile("//([^/@:?]*):[^/@?]*@");

    private StartupLines() {}

    /** {@code url} with the values of its secret parameters replaced by {@code ***} (the password is never logged). */
    static String withoutSecrets(String given) {
        // A password in the authority (user:password@host) is masked too.
        String url = USER_INFO.matcher(given).replaceFirst("//$1:***@");
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        StringBuilder shown = new StringBuilder(url.substring(0, query + 1));
        String[] parameters = url.substring(query + 1).split("&", -1);
        for (int i = 0; i < parameters.length; i++) {
            String parameter = parameters[i];
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (i > 0) {
                shown.append('&');
            }
            shown.append(
                    equals >= 0
                                    && SECRET_PARAMETER
                                            .matcher(name.toLowerCase(Locale.ROOT))
                                            .matches()
                            ? name + "=***"
                            : parameter);
        }
        return shown.toString();
    }
}
