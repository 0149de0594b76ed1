#!/usr/bin/env bash
# Builds the container image as an OCI tar without a Docker daemon or a registry:
# bootstrap/target/openprofiles-image.tar, loadable with `docker load -i` or `podman load -i`.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -DskipTests package
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")} packaging/container/make-root.sh
./mvnw -B -q -DskipTests -Pimage package -pl bootstrap -am
echo "image: bootstrap/target/openprofiles-image.tar"
