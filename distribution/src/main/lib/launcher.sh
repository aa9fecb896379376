# Shared by bin/gl-issue and bin/gl-verify (POSIX sh, sourced): they set tool, jar_name, long_running and
# lib, and define train, which runs its arguments (a java command line) with a typical workload.
#
# Finds Java (JAVA_HOME, else java on PATH), insists on 17 or later, and starts the tool with:
# - a class-data sharing archive of the tool's classes, made in the background after the first run, kept in
#   ${XDG_CACHE_HOME:-~/.cache}/greenlight/ (per user: an install dir may be shared or read-only);
#   a missing, stale or mismatched archive only costs speed (the JVM ignores it), never a failure.
#   GREENLIGHT_CDS=off turns it off.
# - for one-shot commands, C1 only and the serial GC: a one-shot run ends before C2 would pay off.
# - GREENLIGHT_JAVA_OPTS, added last, to override any of it.
# Exit 127 when no suitable Java is found.

jar=$lib/$jar_name

if [ -n "${JAVA_HOME:-}" ]; then
    java=$JAVA_HOME/bin/java
    if [ ! -x "$java" ]; then
        echo "$tool: JAVA_HOME is $JAVA_HOME but $java is missing: point JAVA_HOME at a Java 17 or later, or unset it" >&2
        exit 127
    fi
else
    java=$(command -v java 2>/dev/null) || {
        echo "$tool: no Java found: install a Java runtime 17 or later and put it on PATH, or set JAVA_HOME" >&2
        exit 127
    }
fi

# The Java version, from the runtime's release file (no JVM start), else from java -version. In the shell
# itself, without dirname, sed or cut: each program started here would add its own start to every run.
java_real=$java
if [ -L "$java" ]; then
    java_real=$(readlink -f "$java" 2>/dev/null || echo "$java")
fi
java_version=
java_home_dir=${java_real%/*}
java_home_dir=${java_home_dir%/*}
if [ -r "$java_home_dir/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in
            JAVA_VERSION=*) java_version=${line#JAVA_VERSION=}; java_version=${java_version#\"}; java_version=${java_version%\"} ;;
        esac
    done < "$java_home_dir/release"
fi
if [ -z "$java_version" ]; then
    java_version=$("$java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
fi
case $java_version in
    1.*) java_major=${java_version#1.}; java_major=${java_major%%[!0-9]*} ;;
    *) java_major=${java_version%%[!0-9]*} ;;
esac
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
    echo "$tool: needs Java 17 or later, but $java is Java ${java_version:-of an unknown version}: set JAVA_HOME to a Java 17 or later" >&2
    exit 127
fi

# The first word that is not an option is the subcommand.
command=
for arg in "$@"; do
    case $arg in
        -*) ;;
        *) command=$arg; break ;;
    esac
done
one_shot=yes
for c in $long_running; do
    [ "$command" = "$c" ] && one_shot=no
done
# Options are prepended: GREENLIGHT_JAVA_OPTS ends up last before -jar, so it wins over the ones below.
# shellcheck disable=SC2086
set -- ${GREENLIGHT_JAVA_OPTS:-} -jar "$jar" "$@"
if [ $one_shot = yes ]; then
    set -- -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "$@"
fi

# Unified-logging warnings go to stdout by default, which carries the tools' data: send them to stderr,
# and keep the CDS ones (an archive from another JVM, a corrupt one) out of sight.
set -- -Xlog:disable -Xlog:all=warning,cds=off,cds+dynamic=off:stderr -Xshare:auto -Djava.awt.headless=true "$@"

# Class-data sharing: a static archive of the classes a typical run of this tool loads, picocli's included
# (the dynamic archive of -XX:ArchiveClassesAtExit and -XX:+AutoCreateSharedArchive skips those: they are
# Java 5 bytecode). When there is none, this run goes ahead without; then, in the background, a training
# run (the tool's train function) lists its classes and the JVM dumps the archive for the next runs.
make_archive=
if [ "${GREENLIGHT_CDS:-on}" != off ]; then
    cache=${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/greenlight
    # One archive per install, Java runtime and tool: an archive only fits the JVM and jar it was made with.
    # Its name is a checksum of the three; an index in the cache remembers each checksum, so that a run
    # finds its archive without starting cksum (a line is appended once, by the first run that needs it).
    identity="$lib|$java_real|$java_version"
    key=
    if [ -r "$cache/$tool.index" ]; then
        # Each line is the key, a space, and the identity exactly as written (it may hold spaces).
        while IFS= read -r line; do
            if [ "${line#* }" = "$identity" ]; then
                key=${line%% *}
                break
            fi
        done < "$cache/$tool.index"
    fi
    if [ -z "$key" ]; then
        key=$(printf '%s' "$identity" | cksum | cut -d' ' -f1)
        if mkdir -p "$cache" 2>/dev/null; then
            printf '%s %s\n' "$key" "$identity" >> "$cache/$tool.index" 2>/dev/null || true
        fi
    fi
    archive=$cache/$tool-$key.jsa
    if [ -f "$archive" ] && [ ! "$jar" -nt "$archive" ]; then
        set -- -XX:SharedArchiveFile="$archive" "$@"
    elif mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
        make_archive=yes
    fi
fi

if [ -z "$make_archive" ]; then
    exec "$java" "$@"
fi
"$java" "$@"
status=$?
# Private names, moved into place whole: runs started meanwhile see no archive or a complete one.
work=$cache/.$tool-$key.$$
(
    mkdir -p "$work" &&
        train "$java" -Xshare:auto -Djava.awt.headless=true -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
            -XX:DumpLoadedClassList="$work/classes" -jar "$jar" &&
        "$java" -Xshare:dump -Xlog:disable -XX:SharedClassListFile="$work/classes" \
            -XX:SharedArchiveFile="$work/archive.jsa" -cp "$jar" &&
        mv -f "$work/archive.jsa" "$archive"
    rm -rf "$work"
) </dev/null >/dev/null 2>&1 &
exit $status
