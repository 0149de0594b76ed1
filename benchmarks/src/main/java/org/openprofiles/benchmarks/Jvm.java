package org.openprofiles.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Looks into another JVM with {@code jcmd} (from the JDK running the benchmarks): the heap after a full GC. */
final class Jvm {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private Jvm() {}

    /** The java launcher of this JVM, to start children with the same JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Forces a full collection in {@code pid}, then returns the heap in use, in MB. */
    static double heapAfterFullGcMb(long pid) {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = USED.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in jcmd output: " + info);
        }
        return Math.round(Long.parseLong(m.group(1)) / 102.4) / 10.0;
    }

    private static String jcmd(long pid, String command) {
        try {
            String jcmd =
                    Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process process = new ProcessBuilder(List.of(jcmd, Long.toString(pid), command))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
