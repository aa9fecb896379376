# Sourced by bin/gl-issue and bin/gl-verify (POSIX sh): build_if_stale TOOL MODULE JAR rebuilds JAR
# through the Maven wrapper when it is missing or older than any source or pom of MODULE and the
# codec, and shows the build's progress on stderr (one line per module) instead of a long silence.

build_if_stale() {
    tool=$1 module=$2 jar=$3
    if [ -f "$jar" ] && [ -z "$(find "$root/codec/src/main" "$root/$module/src/main" "$root/pom.xml" \
            "$root/codec/pom.xml" "$root/$module/pom.xml" -newer "$jar" -print 2>/dev/null | head -n 1)" ]; then
        return 0
    fi
    if [ -f "$jar" ]; then
        echo "$tool: sources changed since $jar was built: rebuilding it..." >&2
    else
        echo "$tool: building $jar (first run: Maven may download its plugins and dependencies first)..." >&2
    fi
    log=$root/target/$tool-build.log
    mkdir -p "$root/target"
    status_file=$root/target/$tool-build.status
    # The full log goes to the file; stderr gets one line per module, first download and the verdict.
    {
        (cd "$root" && ./mvnw -B -pl "$module" -am package -DskipTests 2>&1)
        echo $? > "$status_file"
    } | tee "$log" | awk -v tool="$tool" '
        /Downloading from/ && !downloading { print tool ": downloading plugins and dependencies..."; downloading = 1 }
        /^\[INFO\] Building .*\[[0-9]+\/[0-9]+\]$/ { sub(/^\[INFO\] Building /, ""); print tool ":   building " $0 }
        /^\[ERROR\]/ { print }
        /BUILD SUCCESS|Total time:/ { sub(/^\[INFO\] /, ""); print tool ":   " $0 }
        { fflush() }' >&2
    status=$(cat "$status_file" 2>/dev/null || echo 1)
    rm -f "$status_file"
    if [ "$status" != 0 ]; then
        echo "$tool: the build failed (log: $log); run './mvnw -B -pl $module -am package' in $root to see why" >&2
        exit 2
    fi
}
