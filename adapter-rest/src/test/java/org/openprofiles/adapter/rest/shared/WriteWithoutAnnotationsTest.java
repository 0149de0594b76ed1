package org.openprofiles.adapter.rest.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.junit.jupiter.api.Test;

/** Body writers get no resource-method annotations to hash, however many the method carries. */
class WriteWithoutAnnotationsTest {

    record Body(String value) {}

    @Path("annotated")
    public static final class Annotated {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        @Deprecated
        public Body get() {
            return new Body("x");
        }
    }

    /** Writes {@link Body} and counts the annotations it was handed. */
    @Produces(MediaType.APPLICATION_JSON)
    public static final class CountingWriter implements MessageBodyWriter<Body> {
        final AtomicInteger annotationsSeen = new AtomicInteger(-1);

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == Body.class;
        }

        @Override
        public void writeTo(
                Body body,
                Class<?> type,
                Type genericType,
                Annotation[] annotations,
                MediaType mediaType,
                MultivaluedMap<String, Object> headers,
                OutputStream out)
                throws java.io.IOException {
            annotationsSeen.set(annotations.length);
            out.write('1');
        }
    }

    @Test
    void theWriterIsHandedNoneOfTheResourceMethodsAnnotations() throws Exception {
        CountingWriter writer = new CountingWriter();
        ApplicationHandler application = new ApplicationHandler(RestApplication.of(List.of(new Annotated(), writer)));

        ContainerRequest request = new ContainerRequest(
                URI.create("http://localhost/"),
                URI.create("http://localhost/annotated"),
                "GET",
                null,
                new org.glassfish.jersey.internal.MapPropertiesDelegate(),
                null);
        ContainerResponse response = application.apply(request).get();

        assertEquals(200, response.getStatus());
        assertEquals(0, writer.annotationsSeen.get());
    }
}
