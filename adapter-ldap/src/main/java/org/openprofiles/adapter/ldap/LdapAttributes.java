package org.openprofiles.adapter.ldap;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openprofiles.adapter.ldap.LdapSettings.Preset;
import org.openprofiles.domain.access.AttributeValue;

/**
 * Which LDAP attribute holds what: the object id (and how it is encoded), the login, the display
 * name, a group's name, the membership attributes, and the attribute behind each catalog key (with
 * how its value is written). A catalog key with no mapping is read from the LDAP attribute of the
 * same name as text: catalog keys are LDAP attribute names.
 */
public record LdapAttributes(
        String id,
        IdFormat idFormat,
        String login,
        String displayName,
        String groupName,
        String member,
        String memberOf,
        Map<String, Mapped> catalog) {

    /** How the object id is stored. */
    public enum IdFormat implements SettingValue {
        /** 16 bytes in Microsoft's GUID layout (first three fields little-endian): AD's objectGUID */
        BINARY_GUID("binary-guid"),
        /** the textual UUID: OpenLDAP's entryUUID */
        UUID("uuid");

        private final String setting;

        IdFormat(String setting) {
            this.setting = setting;
        }

        @Override
        public String setting() {
            return setting;
        }
    }

    /** How a catalog attribute's value is written in the directory. */
    public enum ValueFormat implements SettingValue {
        /** as it is */
        TEXT("text"),
        /** Windows FILETIME: 100-ns intervals since 1601-01-01 UTC; 0 and 2^63-1 mean never (AD accountExpires) */
        FILETIME("filetime"),
        /** LDAP GeneralizedTime (yyyyMMddHHmmssZ) */
        GENERALIZED_TIME("generalized-time");

        private final String setting;

        ValueFormat(String setting) {
            this.setting = setting;
        }

        @Override
        public String setting() {
            return setting;
        }
    }

    /** The LDAP attribute behind a catalog key. */
    public record Mapped(String ldapAttribute, ValueFormat format) {}

    public LdapAttributes {
        id = name(id, "id");
        login = name(login, "login");
        displayName = name(displayName, "displayName");
        groupName = name(groupName, "groupName");
        member = name(member, "member");
        memberOf = name(memberOf, "memberOf");
        if (idFormat == null) {
            throw new IllegalArgumentException("the id format is required");
        }
        catalog = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(catalog));
    }

    /** The preset's mapping. */
    public static LdapAttributes defaults(Preset preset) {
        return switch (preset) {
            case ACTIVE_DIRECTORY ->
                new LdapAttributes(
                        "objectGUID",
                        IdFormat.BINARY_GUID,
                        "sAMAccountName",
                        "displayName",
                        "cn",
                        "member",
                        "memberOf",
                        Map.of("accountexpires", new Mapped("accountExpires", ValueFormat.FILETIME)));
            case OPENLDAP ->
                new LdapAttributes("entryUUID", IdFormat.UUID, "uid", "cn", "cn", "member", "memberOf", Map.of());
        };
    }

    /** Where catalog key {@code key} is read and written. */
    public Mapped catalogAttribute(String key) {
        String k = AttributeValue.normalizeKey(key);
        return catalog.getOrDefault(k, new Mapped(k, ValueFormat.TEXT));
    }

    /**
     * These names replaced: {@code id=objectGUID:binary-guid,login=uid,displayName=cn,groupName=cn,
     * member=uniqueMember,memberOf=isMemberOf} (any subset, empty: none).
     */
    public LdapAttributes withOverrides(String overrides) {
        Map<String, String> given = pairs(overrides);
        String newId = id;
        IdFormat newFormat = idFormat;
        String idValue = given.remove("id");
        if (idValue != null) {
            int colon = idValue.indexOf(':');
            newId = colon < 0 ? idValue : idValue.substring(0, colon);
            newFormat = colon < 0 ? newFormat : format(IdFormat.class, idValue.substring(colon + 1), "the id");
        }
        LdapAttributes result = new LdapAttributes(
                newId,
                newFormat,
                given.getOrDefault("login", login),
                given.getOrDefault("displayname", displayName),
                given.getOrDefault("groupname", groupName),
                given.getOrDefault("member", member),
                given.getOrDefault("memberof", memberOf),
                catalog);
        given.keySet().removeAll(java.util.Set.of("login", "displayname", "groupname", "member", "memberof"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("names unknown mappings " + given.keySet()
                    + "; known: id, login, displayName, groupName, member, memberOf");
        }
        return result;
    }

    /** These catalog mappings added or replaced: {@code department=ou,accountexpires=accountExpires:filetime}. */
    public LdapAttributes withCatalog(String mappings) {
        Map<String, Mapped> merged = new LinkedHashMap<>(catalog);
        pairs(mappings).forEach((key, value) -> {
            int colon = value.indexOf(':');
            String attribute = name(colon < 0 ? value : value.substring(0, colon), key);
            ValueFormat format =
                    colon < 0 ? ValueFormat.TEXT : format(ValueFormat.class, value.substring(colon + 1), key);
            merged.put(AttributeValue.normalizeKey(key), new Mapped(attribute, format));
        });
        return new LdapAttributes(id, idFormat, login, displayName, groupName, member, memberOf, merged);
    }

    private static <E extends Enum<E> & SettingValue> E format(Class<E> type, String value, String of) {
        try {
            return SettingValue.parse(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("names a format of " + of + " that " + e.getMessage(), e);
        }
    }

    private static Map<String, String> pairs(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException(
                        "must be name=attribute pairs separated by commas, got '" + pair.strip() + "'");
            }
            result.put(
                    pair.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                    pair.substring(eq + 1).strip());
        }
        return result;
    }

    private static String name(String attribute, String what) {
        if (attribute == null || !attribute.strip().matches("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+")) {
            throw new IllegalArgumentException(
                    "LDAP attribute for " + what + " must be an attribute name, was '" + attribute + "'");
        }
        return attribute.strip();
    }
}
