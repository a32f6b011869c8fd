#!/usr/bin/env bash
# Runs PlanB's whole test suite. On a fresh Debian machine it first installs the stock tools the
# tests use (zstd and sqlite3 for the by-hand restore test, PostgreSQL and MariaDB servers for the
# engine tests, OpenSSH's sshd for the SFTP tests, vsftpd for the FTP tests, rclone for the rclone tests, gpg
# for the encryption tests, Azurite from npm for the Azure tests); it needs a JDK 17+ and Maven, and runs core, the
# CLI and the starter a second time on JDK 25 when /usr/lib/jvm has a Temurin 25.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=()
for tool in zstd sqlite3; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
# Real PostgreSQL and MariaDB servers for the engine tests (started by the tests on free loopback ports).
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[[ -x /usr/sbin/mariadbd ]] || missing+=(mariadb-server)
command -v mariadb-dump >/dev/null || missing+=(mariadb-client)
# Stock gpg, which must decrypt PlanB's encrypted backups and encrypt files PlanB restores.
command -v gpg >/dev/null || missing+=(gnupg)
# GNU tar for the by-hand files restore; unshare (util-linux) so the unreadable-file test works as root.
command -v tar >/dev/null || missing+=(tar)
command -v unshare >/dev/null || missing+=(util-linux)
# A real OpenSSH server for the SFTP tests (started by the tests on a free loopback port).
[[ -x /usr/sbin/sshd ]] || missing+=(openssh-server)
# A real vsftpd (FTP and FTPS, certificates made with openssl) and rclone (its WebDAV server is the test remote).
[[ -x /usr/sbin/vsftpd ]] || missing+=(vsftpd)
command -v openssl >/dev/null || missing+=(openssl)
command -v rclone >/dev/null || missing+=(rclone)
# Azurite (npm) for the Azure Blob tests: Node.js and npm from Debian first.
if ! command -v azurite-blob >/dev/null; then
  command -v npm >/dev/null || missing+=(nodejs npm)
fi
# Headless Chromium and its driver for the Spring Boot sample's status-page test.
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} for the tests..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The tests need: ${missing[*]}. Install them (Debian: sudo apt-get install -y ${missing[*]}) and run again." >&2
    exit 1
  fi
fi
if ! command -v azurite-blob >/dev/null; then
  echo "Installing Azurite 3.37.0 (npm) for the Azure Blob tests..." >&2
  npm install -g --no-fund --no-audit azurite@3.37.0 >/dev/null
fi
command -v mvn >/dev/null || { echo "The tests need Maven: apt-get install -y maven" >&2; exit 1; }

# The whole suite on the default JDK (17, the bytecode target); installed, so the second pass can take the modules
# it does not rebuild from the local repository.
mvn -B -ntp install "$@"

# The ./planb launcher as a user runs it (start-up: docs/operations.md): the first run of a subcommand writes its
# class data archive and its later runs map it; --version runs without one.
check_launcher() {
  local cache out major
  cache="$(mktemp -d)"
  mkdir "$cache/empty"
  for _ in 1 2; do
    out="$(XDG_CACHE_HOME="$cache" ./planb --version)"
    [[ $out == "planb "* ]] || { echo "launcher: ./planb --version printed '$out'" >&2; exit 1; }
    out="$(XDG_CACHE_HOME="$cache" ./planb list --from "$cache/empty" 2>&1)"
    [[ $out == *"No backups"* ]] || { echo "launcher: ./planb list printed '$out'" >&2; exit 1; }
  done
  out="$(cd "$cache/planb" && ls -- *.jsa)"
  [[ $out =~ ^planb-[0-9]+-list\.jsa$ ]] || { echo "launcher: class data archives '$out', expected one for list" >&2; exit 1; }
  # Before JDK 19 the archive is a static one, which holds picocli's Java 5 classes (a dynamic archive holds none).
  major="$("${1:-java}" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  if [[ $major -lt 19 ]]; then
    XDG_CACHE_HOME="$cache" PLANB_JAVA_OPTS="-Xlog:class+load=info:file=$cache/loaded.txt" \
      ./planb list --from "$cache/empty" >/dev/null 2>&1
    out="$(grep -c 'picocli\..* source: shared objects file' "$cache/loaded.txt" || true)"
    [[ $out -ge 100 ]] || { echo "launcher: $out of picocli's classes came from the archive, expected 100 or more" >&2; exit 1; }
  fi
  rm -rf "$cache"
  echo "The ./planb launcher starts with and without its class data archive ($("${1:-java}" -version 2>&1 | head -1))" >&2
}
check_launcher

# The JDK matrix: core, the CLI and the starter again on JDK 25 when one is installed (Temurin's, as on the build
# machines; PLANB_TEST_JDK25=/path/to/jdk picks another, PLANB_TEST_JDK25=none skips it). KillSweepTest, sixty
# kill -9s of backups (1.5 minutes), ran on JDK 17 above; what it checks is the files a killed process leaves,
# which do not depend on the JDK.
jdk25=${PLANB_TEST_JDK25:-$(compgen -G '/usr/lib/jvm/temurin-25*' | head -1 || true)}
if [[ -n $jdk25 && $jdk25 != none ]]; then
  echo "Running core, cli and spring-boot-starter again on $("$jdk25/bin/java" -version 2>&1 | head -1)" >&2
  JAVA_HOME=$jdk25 mvn -B -ntp -o verify -pl core,cli,spring-boot-starter '-Dtest=!KillSweepTest' "$@"
  PATH="$jdk25/bin:$PATH" check_launcher "$jdk25/bin/java"
fi
