package org.openprofiles.bootstrap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Signing keys and access tokens made up by tests, standing in for an OpenID Connect provider. */
final class TestJwts {

    static final String ISSUER = "https://idp.example.test/realms/profiles";
    static final String AUDIENCE = "openprofiles";

    private TestJwts() {}

    static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey ecKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public halves of {@code keys} as a JWKS document. */
    static String jwks(JWK... keys) {
        return new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    }

    static Path writeJwks(Path dir, JWK... keys) {
        try {
            return Files.writeString(dir.resolve("jwks.json"), jwks(keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Good claims for {@code subject}: our issuer and audience, valid for five minutes. */
    static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    static String sign(JWK key, JWTClaimsSet.Builder claims) {
        return sign(key, key.getKeyID(), claims, UnaryOperator.identity());
    }

    /** Signs with {@code key} but names {@code kid} in the header (to fake a key the issuer has). */
    static String sign(JWK key, String kid, JWTClaimsSet.Builder claims, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
            JWSAlgorithm algorithm = key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm)
                            .keyID(kid)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    change.apply(claims).build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String[] bearer(String jwt) {
        return new String[] {"Authorization", "Bearer " + jwt};
    }
}
