package org.openprofiles.domain.security;

/** An API token with the user it belongs to: what signing in with a token needs, read in one go. */
public record TokenOwner(ApiToken token, User user) {

    public TokenOwner {
        if (token == null || user == null || !token.userId().equals(user.id())) {
            throw new IllegalArgumentException("a token owner is a token and the user it belongs to");
        }
    }
}
