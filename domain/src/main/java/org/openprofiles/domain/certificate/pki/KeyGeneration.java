package org.openprofiles.domain.certificate.pki;

/** Who makes a certificate's key pair: the client (it sends a PKCS#10 request) or the server (it sends back a PFX). */
public enum KeyGeneration {
    CLIENT,
    SERVER
}
