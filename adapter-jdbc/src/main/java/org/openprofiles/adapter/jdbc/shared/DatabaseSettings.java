package org.openprofiles.adapter.jdbc.shared;

/** Where the database is and how many connections the service may hold to it. */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    public DatabaseSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database url must not be blank");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, was " + poolSize);
        }
    }

    @Override
    public String toString() {
        // Never print the password.
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
