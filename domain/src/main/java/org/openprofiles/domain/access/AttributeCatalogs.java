package org.openprofiles.domain.access;

/** The attribute-catalog port: the LDAP attributes profiles may set. */
public interface AttributeCatalogs {

    AttributeCatalog catalog();

    /** Adds the definition or replaces the one with the same key. */
    void define(AttributeDefinition definition);
}
