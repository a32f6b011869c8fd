#!/usr/bin/env bash
# PlanB's S3 upload vs the SDK's S3TransferManager: the same bytes to the same local S3Mock, in one JVM
# with a 128 MiB heap. Usage: bench/s3/run.sh [GiB, default 1] [rounds, default 2]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -B -ntp -q -Pbench -pl bench/s3 -am package -DskipTests
classpath="bench/s3/target/planb-bench-s3-0.1.0-SNAPSHOT.jar:$(cat bench/s3/target/classpath.txt)"
exec java -Xmx128m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Ds3mock.jar="$(cat bench/s3/target/s3mock-jar.txt)" \
  -cp "$classpath" dev.planb.bench.s3.S3UploadBenchmark "$@"
