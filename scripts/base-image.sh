#!/usr/bin/env bash
# Builds the base image Dharma's service images are put on when no container registry is reachable
# (Maven profile `local-base`, ADR 0024): a docker-save tar that Jib reads as `tar://<dir>/base.tar`.
#
# It holds a Java runtime jlink'd from this machine's JDK (25 or newer) on the C library of Debian's
# own packages (apt-get download: no registry, no root, no container engine), laid out as the
# public eclipse-temurin image is (/opt/java/openjdk, on PATH), so the service images are the same
# on either base. One layer, files owned by root with fixed timestamps: the same inputs give the
# same tar. It is rebuilt only when its inputs change (this script, the JDK, the packages' versions).
#
# Usage: scripts/base-image.sh <output dir>     (writes <output dir>/base.tar)
set -euo pipefail

out="${1:?usage: base-image.sh <output dir>}"
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=jdk.sh
. "$here/jdk.sh"
MIN_JAVA=25 # the images' JVM flags (--sun-misc-unsafe-memory-access) need 24+; the public base is 25
jdk="$(find_jdk)"

# Dynamic libraries that native code in the images links (ldd): glibc for the JDK (which bundles zlib
# and freetype) and for the JNI libraries in the dependency jars (zstd, snappy), libstdc++ and
# libgcc_s for RocksDB's (the state application's stores; glibc also loads libgcc_s to unwind a
# cancelled thread). Then what the public base has and compose's health checks use: bash (its
# /dev/tcp speaks HTTP without curl), sh, coreutils and grep, with the libraries they link, and
# base-files for /etc/os-release. apt-get download fetches no dependencies: each is listed.
packages=(libc6 libgcc-s1 libstdc++6
  base-files bash dash coreutils grep libtinfo6 libacl1 libattr1 libgmp10 libselinux1 libpcre2-8-0)
# The JRE's modules minus the desktop and developer tools; jcmd stays for diagnosing a live container.
modules=java.se,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.httpserver,jdk.jcmd,jdk.jfr,jdk.management,jdk.management.agent,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.xml.dom,jdk.zipfs
user_id=65532 # distroless's "nonroot"; the service images run as it (parent pom, image.user)

command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null ||
  { echo "base-image.sh: needs Debian's apt-get and dpkg-deb; elsewhere build on a public base: -Dimage.base=eclipse-temurin:25-jre" >&2; exit 1; }
arch="$(dpkg --print-architecture)"
if ! apt-cache show "${packages[0]}" >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { echo "base-image.sh: apt has no package lists; run 'apt-get update' as root once" >&2; exit 1; }
  apt-get update -qq
fi
# One apt-cache call (each costs a second): "name:" lines, then each one's "Candidate: version".
versions="$(apt-cache policy "${packages[@]}" | awk '/^[^ ]/ { sub(":$", ""); name = $0 } /^ *Candidate:/ { print name "=" $2 }')"
key="$( { cat "$0"; cat "$jdk/release"; echo "$versions $arch"; } | sha256sum | cut -c1-16)"
[ -f "$out/base.tar" ] && [ "$(cat "$out/base.key" 2>/dev/null)" = "$key" ] && exit 0

work="$out/work"
rm -rf "$work" && mkdir -p "$work/debs" "$work/rootfs"
rootfs="$work/rootfs"

# As root, apt downloads as its _apt user, who cannot write here: download as whoever runs this.
(cd "$work/debs" && apt-get download -qq -o APT::Sandbox::User="$(id -un)" $versions)
mkdir -p "$rootfs/var/lib/dpkg/status.d"
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$rootfs"
  # What image scanners read to know the Debian packages in a distroless image.
  name="$(dpkg-deb -f "$deb" Package)"
  { dpkg-deb -f "$deb"; } >"$rootfs/var/lib/dpkg/status.d/$name"
done
# Keep the packages' copyright files, drop the rest of their docs, translations, and glibc's iconv
# modules (Java converts charsets itself).
find "$rootfs/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$rootfs/usr/share/lintian" "$rootfs/usr/share/man" "$rootfs/usr/share/info" "$rootfs/usr/share/locale" "$rootfs/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)/gconv"

"$jdk/bin/jlink" --add-modules "$modules" --output "$rootfs/opt/java/openjdk" \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive

mkdir -p "$rootfs/etc" "$rootfs/root" "$rootfs/home/nonroot" "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/bin/bash\nnonroot:x:%s:%s:nonroot:/home/nonroot:/bin/bash\n' "$user_id" "$user_id" >"$rootfs/etc/passwd"
printf 'root:x:0:\nnonroot:x:%s:\n' "$user_id" >"$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
chmod 700 "$rootfs/root" "$rootfs/home/nonroot"
chmod 1777 "$rootfs/tmp"

tar_flags=(--sort=name --mtime=@0 --numeric-owner --format=posix
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
tar "${tar_flags[@]}" --owner=0 --group=0 --exclude=./home/nonroot -C "$rootfs" -cf "$work/layer.tar" .
tar "${tar_flags[@]}" --owner="$user_id" --group="$user_id" -C "$rootfs" -rf "$work/layer.tar" ./home/nonroot

diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
java_version="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release")"
cat >"$work/config.json" <<EOF
{"architecture":"$arch","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"$user_id:$user_id",
  "Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],
  "Labels":{"io.dharma.base.java":"$java_version","io.dharma.base.debian-packages":"$(echo $versions)"}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"scripts/base-image.sh"}]}
EOF
echo '[{"Config":"config.json","RepoTags":["dharma/base:local"],"Layers":["layer.tar"]}]' >"$work/manifest.json"
tar "${tar_flags[@]}" --owner=0 --group=0 -C "$work" -cf "$out/base.tar.partial" manifest.json config.json layer.tar
mv "$out/base.tar.partial" "$out/base.tar"
echo "$key" >"$out/base.key"
rm -rf "$work"
