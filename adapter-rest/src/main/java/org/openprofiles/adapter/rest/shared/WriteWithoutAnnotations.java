package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.lang.annotation.Annotation;

/**
 * Hands response bodies to their writer without the resource method's annotations. Jackson's
 * JAX-RS writer builds a lookup key from every one of them on every response, and with the OpenAPI
 * annotations on the resource methods hashing them cost about a tenth of a read's CPU (JFR, issue
 * 14). No writer of this service reads them: JSON views, JSONP and Jackson's per-method features
 * are not used.
 */
public final class WriteWithoutAnnotations implements WriterInterceptor {

    private static final Annotation[] NONE = new Annotation[0];

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        context.setAnnotations(NONE);
        context.proceed();
    }
}
