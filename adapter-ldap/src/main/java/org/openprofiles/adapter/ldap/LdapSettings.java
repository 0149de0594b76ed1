package org.openprofiles.adapter.ldap;

import com.unboundid.ldap.sdk.DN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How to reach and read the organisation's directory: the server, the bind account, where and what
 * to search, how attributes map, and whether remediation may write. A plain typed value: the
 * service's configuration (bootstrap) owns the settings and fills it, usually through
 * {@link #builder}, which takes every mapping the caller leaves out from the {@link Preset}. The
 * password never appears in {@link #toString()} or in any message.
 *
 * @param url             {@code ldap://host[:port]} or {@code ldaps://host[:port]}
 * @param preset          the kind of server, which decided the defaults below
 * @param bindDn          the account to bind as; empty binds anonymously
 * @param bindPassword    its password
 * @param baseDn          where accounts and groups are searched (subtree)
 * @param startTls        upgrade an {@code ldap://} connection with StartTLS before binding
 * @param trustStore      PKCS#12 or JKS file of the certificates to trust for TLS; empty: the JVM's
 * @param trustStorePassword its password (may be empty)
 * @param userFilter      LDAP filter selecting accounts
 * @param groupFilter     LDAP filter selecting groups
 * @param attributes      which LDAP attributes hold what
 * @param membership      where memberships are read from
 * @param disabledFilter  accounts matching this filter are disabled (evaluated on the entry as read);
 *                        empty: Active Directory's {@code userAccountControl} bit 0x2
 * @param changeTracking  how incremental reads find changed accounts
 * @param connectTimeout  how long to wait for a connection
 * @param responseTimeout how long to wait for any one answer (a page, a bind, a modify)
 * @param pageSize        entries per page of the simple paged results control (RFC 2696)
 * @param writeEnabled    whether remediation may modify the directory
 */
public record LdapSettings(
        URI url,
        Preset preset,
        String bindDn,
        String bindPassword,
        String baseDn,
        boolean startTls,
        Optional<Path> trustStore,
        String trustStorePassword,
        String userFilter,
        String groupFilter,
        LdapAttributes attributes,
        Membership membership,
        Optional<String> disabledFilter,
        ChangeTracking changeTracking,
        Duration connectTimeout,
        Duration responseTimeout,
        int pageSize,
        boolean writeEnabled) {

    public static final int MAX_PAGE_SIZE = 10_000;
    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    /** The kind of directory server; decides the defaults of every mapping. */
    public enum Preset implements SettingValue {
        ACTIVE_DIRECTORY("active-directory"),
        OPENLDAP("openldap");

        private final String setting;

        Preset(String setting) {
            this.setting = setting;
        }

        @Override
        public String setting() {
            return setting;
        }

        /** The filter selecting accounts on such a server. */
        public String userFilter() {
            return this == ACTIVE_DIRECTORY
                    ? "(&(objectClass=user)(!(objectClass=computer)))"
                    : "(objectClass=inetOrgPerson)";
        }

        /** The filter selecting groups on such a server. */
        public String groupFilter() {
            return this == ACTIVE_DIRECTORY ? "(objectClass=group)" : "(objectClass=groupOfNames)";
        }

        /** Where memberships are read on such a server. */
        public Membership membership() {
            return this == ACTIVE_DIRECTORY ? Membership.MEMBER_OF : Membership.MEMBER;
        }

        /** Which accounts are disabled; empty: {@code userAccountControl} bit 0x2. */
        public Optional<String> disabledFilter() {
            return this == ACTIVE_DIRECTORY ? Optional.empty() : Optional.of("(pwdAccountLockedTime=000001010000Z)");
        }

        /** How such a server tells what changed. */
        public ChangeTracking changeTracking() {
            return this == ACTIVE_DIRECTORY ? ChangeTracking.USN : ChangeTracking.MODIFY_TIMESTAMP;
        }
    }

    /** Where an account's groups come from. */
    public enum Membership implements SettingValue {
        /**
         * The account's own {@code memberOf} values (Active Directory; OpenLDAP with the memberof
         * overlay), nesting from the groups' {@code memberOf}. Holds only the group graph in memory.
         */
        MEMBER_OF("member-of"),
        /**
         * The groups' {@code member} values (any LDAP server). Every membership is held while the
         * accounts are read, compactly (12 bytes each: 24 MB for 2,000,000).
         */
        MEMBER("member");

        private final String setting;

        Membership(String setting) {
            this.setting = setting;
        }

        @Override
        public String setting() {
            return setting;
        }
    }

    /** How an incremental read finds what changed. */
    public enum ChangeTracking implements SettingValue {
        /** Active Directory: {@code uSNChanged} against the root DSE's {@code highestCommittedUSN} */
        USN("usn"),
        /** any server keeping {@code modifyTimestamp} (OpenLDAP) */
        MODIFY_TIMESTAMP("modify-timestamp"),
        /** every read is full */
        NONE("none");

        private final String setting;

        ChangeTracking(String setting) {
            this.setting = setting;
        }

        @Override
        public String setting() {
            return setting;
        }
    }

    public LdapSettings {
        url = url(url == null ? null : url.toString());
        if (preset == null || attributes == null || membership == null || changeTracking == null) {
            throw new IllegalArgumentException("preset, attributes, membership and change tracking must be given");
        }
        bindDn = bindDn == null ? "" : bindDn.strip();
        bindPassword = bindPassword == null ? "" : bindPassword;
        if (!bindDn.isEmpty() && bindPassword.isEmpty()) {
            throw new IllegalArgumentException("a bind password is required with a bind DN");
        }
        baseDn = dn(baseDn);
        if (!bindDn.isEmpty()) {
            dn(bindDn);
        }
        if (startTls && url.getScheme().equals("ldaps")) {
            throw new IllegalArgumentException("StartTLS cannot be combined with an ldaps:// URL (already TLS)");
        }
        trustStore = trustStore == null ? Optional.empty() : trustStore;
        trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
        userFilter = LdapFilters.require(userFilter);
        groupFilter = LdapFilters.require(groupFilter);
        disabledFilter = disabledFilter == null
                ? Optional.empty()
                : disabledFilter.map(String::strip).filter(f -> !f.isEmpty());
        disabledFilter.ifPresent(LdapFilters::require);
        connectTimeout = positive(connectTimeout, "the connect timeout");
        responseTimeout = positive(responseTimeout, "the response timeout");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "the page size must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }

    /** Whether the connection is (or becomes, through StartTLS) encrypted. */
    public boolean usesTls() {
        return startTls || url.getScheme().equalsIgnoreCase("ldaps");
    }

    public int port() {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return url.getScheme().equalsIgnoreCase("ldaps") ? 636 : 389;
    }

    /** The URL without anything but scheme, host and port: what messages name. */
    public String server() {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost() + ":" + port();
    }

    @Override
    public String toString() {
        return "LdapSettings[" + server() + ", preset=" + preset.setting() + ", bindDn=" + bindDn + ", baseDn=" + baseDn
                + ", startTls=" + startTls + ", pageSize=" + pageSize + ", writeEnabled=" + writeEnabled + "]";
    }

    /**
     * {@code text} as a directory URL ({@code ldap://host[:port]} or {@code ldaps://host[:port]});
     * otherwise an {@link IllegalArgumentException} whose message completes the setting's name.
     */
    public static URI url(String text) {
        URI uri;
        try {
            uri = new URI(text == null ? "" : text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL: '" + text + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps") || uri.getHost() == null) {
            throw new IllegalArgumentException("must be ldap://host[:port] or ldaps://host[:port], was '" + text + "'");
        }
        try {
            return new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL: '" + text + "'");
        }
    }

    /** {@code text} as a distinguished name, stripped; otherwise a message completing the setting's name. */
    public static String dn(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        if (!DN.isValidDN(text.strip())) {
            throw new IllegalArgumentException("is not a distinguished name: '" + text + "'");
        }
        return text.strip();
    }

    /** {@code text} as an LDAP search filter, stripped; otherwise a message completing the setting's name. */
    public static String filter(String text) {
        return LdapFilters.require(text);
    }

    private static Duration positive(Duration value, String what) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " must be longer than zero");
        }
        return value;
    }

    /** Settings for a server of this kind at {@code url}, searched under {@code baseDn}; the preset fills the rest. */
    public static Builder builder(Preset preset, URI url, String baseDn) {
        return new Builder(preset, url, baseDn);
    }

    /**
     * Builds settings from a preset: every value not given (an empty text, a null choice) is the
     * preset's; mapping overrides are given in the compact text form of {@link LdapAttributes}.
     */
    public static final class Builder {
        private final Preset preset;
        private final URI url;
        private final String baseDn;
        private String bindDn = "";
        private String bindPassword = "";
        private boolean startTls;
        private Optional<Path> trustStore = Optional.empty();
        private String trustStorePassword = "";
        private String userFilter = "";
        private String groupFilter = "";
        private String attributeOverrides = "";
        private String catalogMappings = "";
        private Membership membership;
        private String disabledFilter;
        private ChangeTracking changeTracking;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private boolean writeEnabled;

        private Builder(Preset preset, URI url, String baseDn) {
            if (preset == null) {
                throw new IllegalArgumentException("a preset is required");
            }
            this.preset = preset;
            this.url = url;
            this.baseDn = baseDn;
        }

        /** Bind as {@code dn} with {@code password}; an empty DN binds anonymously. */
        public Builder bind(String dn, String password) {
            this.bindDn = dn;
            this.bindPassword = password;
            return this;
        }

        public Builder startTls(boolean startTls) {
            this.startTls = startTls;
            return this;
        }

        public Builder trustStore(Optional<Path> file, String password) {
            this.trustStore = file;
            this.trustStorePassword = password;
            return this;
        }

        /** The account filter; empty: the preset's. */
        public Builder userFilter(String filter) {
            this.userFilter = filter;
            return this;
        }

        /** The group filter; empty: the preset's. */
        public Builder groupFilter(String filter) {
            this.groupFilter = filter;
            return this;
        }

        /** Overrides of the preset's attribute names ({@link LdapAttributes#withOverrides}). */
        public Builder attributes(String overrides) {
            this.attributeOverrides = overrides;
            return this;
        }

        /** Catalog keys mapped to LDAP attributes ({@link LdapAttributes#withCatalog}). */
        public Builder catalogAttributes(String mappings) {
            this.catalogMappings = mappings;
            return this;
        }

        /** Where memberships are read; null: the preset's. */
        public Builder membership(Membership membership) {
            this.membership = membership;
            return this;
        }

        /** Which accounts are disabled; empty: the preset's. */
        public Builder disabledFilter(String filter) {
            this.disabledFilter = filter;
            return this;
        }

        /** How changes are found; null: the preset's. */
        public Builder changeTracking(ChangeTracking tracking) {
            this.changeTracking = tracking;
            return this;
        }

        public Builder timeouts(Duration connect, Duration response) {
            this.connectTimeout = connect;
            this.responseTimeout = response;
            return this;
        }

        public Builder pageSize(int size) {
            this.pageSize = size;
            return this;
        }

        public Builder writeEnabled(boolean enabled) {
            this.writeEnabled = enabled;
            return this;
        }

        public LdapSettings build() {
            return new LdapSettings(
                    url,
                    preset,
                    bindDn,
                    bindPassword,
                    baseDn,
                    startTls,
                    trustStore,
                    trustStorePassword,
                    given(userFilter).orElse(preset.userFilter()),
                    given(groupFilter).orElse(preset.groupFilter()),
                    LdapAttributes.defaults(preset)
                            .withOverrides(attributeOverrides)
                            .withCatalog(catalogMappings),
                    membership != null ? membership : preset.membership(),
                    disabledFilter == null || disabledFilter.isBlank()
                            ? preset.disabledFilter()
                            : Optional.of(disabledFilter),
                    changeTracking != null ? changeTracking : preset.changeTracking(),
                    connectTimeout,
                    responseTimeout,
                    pageSize,
                    writeEnabled);
        }

        private static Optional<String> given(String text) {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
        }
    }
}
