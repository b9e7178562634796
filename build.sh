#!/usr/bin/env bash
# shellcheck disable=SC2119,SC2120 # some functions take extra dotnet arguments, passed through attempt
# Build, pack, demo and test DevEndpoint. Run `./build.sh help` for the subcommands.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

CONFIGURATION="${CONFIGURATION:-Release}"
TOOLS_DIR="${DEVENDPOINT_TOOLS:-$HOME/.devendpoint/tools}"
PYTHON=/usr/bin/python3 # Debian's python has nbclient/nbconvert; a pyenv python may come first on PATH

APT_PACKAGES=(jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel python3-botocore clang zlib1g-dev)
INTERACTIVE_TOOL=Microsoft.dotnet-interactive
INTERACTIVE_VERSION=1.0.712001
KERNEL=.net-csharp

SOLUTION=DevEndpoint.sln
CORE_PROJECT=src/DevEndpoint/DevEndpoint.csproj
INTERACTIVE_PROJECT=src/DevEndpoint.Interactive/DevEndpoint.Interactive.csproj
EMBEDDINGS_PROJECT=src/DevEndpoint.Embeddings/DevEndpoint.Embeddings.csproj
CLI_PROJECT=src/DevEndpoint.Cli
SAMPLE_DATA=notebooks/data/sales
S3_PORT=54569

# start_servers / export_server_env: PostgreSQL and MariaDB on 127.0.0.1 for the connection tests and notebooks.
# shellcheck source=scripts/servers.sh
source "$ROOT/scripts/servers.sh"

ARTIFACTS="$ROOT/artifacts"
PACKAGES_DIR="$ARTIFACTS/packages"
NOTEBOOKS_OUT="$ARTIFACTS/notebooks"
TEST_RESULTS="$ARTIFACTS/test-results"

# The .net-csharp kernelspec starts `dotnet interactive`, which dotnet resolves as
# `dotnet-interactive` on PATH: the tool directory must be on PATH whenever Jupyter runs.
export PATH="$TOOLS_DIR:$PATH"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1
export PYDEVD_DISABLE_FILE_VALIDATION=1 # silences debugpy's "frozen modules" warning in jupyter commands

PACKAGE_VERSION="" # set by new_package_version for pack/demo/test

usage() {
    cat <<EOF
Usage: ./build.sh <command>

Commands:
  setup   install (when missing) the Debian Jupyter packages, the dotnet-interactive tool
          $INTERACTIVE_VERSION into $TOOLS_DIR, and the Jupyter kernel $KERNEL
  build   dotnet build $SOLUTION -c \$CONFIGURATION [extra dotnet build arguments]
  pack    build and pack DevEndpoint + DevEndpoint.Interactive into artifacts/packages
          with a fresh version 0.1.0-dev.<UTC timestamp>; with PACK_EMBEDDINGS=1 also
          DevEndpoint.Embeddings (FindMatches' semantic blocking, about 170 MB with its model)
  demo    setup, pack, generate the sample data, run notebooks/quickstart.ipynb in Jupyter
          and render it to artifacts/notebooks/quickstart.html
  test    setup, build, dotnet format check, pack, sample data, start the test servers
          (scripts/servers.sh: PostgreSQL, MariaDB; scripts/s3-server.sh: s3rver), dotnet test,
          every notebooks/*.ipynb in Jupyter, and notebooks/prototype-etl.ipynb again with
          devendpoint run; ends with "N passed, N failed"
  cli     publish the devendpoint command for this machine compiled ahead of time (NativeAOT; needs clang and
          zlib1g-dev), with a JIT copy in jit/ for the ml commands that train, into $TOOLS_DIR/devendpoint-cli,
          with a devendpoint launcher in $TOOLS_DIR
  bench   run the benchmarks in bench/ (each against DuckDB in the same run; the load benchmark
          writes its data to artifacts/bench-data, about 1 GB, once) and write
          bench/results/<name>-<machine>.md
  help    this text

Environment: CONFIGURATION (default Release), DEVENDPOINT_TOOLS (default \$HOME/.devendpoint/tools).
EOF
}

step() { printf '\n==> %s\n' "$*"; }

# Runs "$@" in a subshell with errexit in force and stores its exit code in STATUS.
# (`if cmd` or `cmd || ...` would silently disable errexit inside shell functions.)
attempt() {
    set +e
    (set -e; "$@")
    STATUS=$?
    set -e
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# ---------------------------------------------------------------- setup

setup() {
    ensure_apt_packages
    ensure_interactive_tool
    ensure_kernelspec
    check_kernel_launcher
    echo "Jupyter runs the $KERNEL kernel through $TOOLS_DIR; outside build.sh use:"
    echo "  export PATH=\"$TOOLS_DIR:\$PATH\""
}

ensure_apt_packages() {
    step "apt packages"
    local missing=() package
    for package in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
    done
    if ((${#missing[@]} == 0)); then
        echo "present: ${APT_PACKAGES[*]}"
        return
    fi
    echo "installing: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

installed_tool_version() {
    # `--version` prints e.g. 1.0.712001+df4e5cbc...; the first run may print a banner first.
    "$TOOLS_DIR/dotnet-interactive" --version 2>/dev/null | grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+' | tail -n1 || true
}

ensure_interactive_tool() {
    step "dotnet-interactive tool"
    local current
    current="$(installed_tool_version)"
    if [[ $current == "$INTERACTIVE_VERSION" ]]; then
        echo "present: $TOOLS_DIR/dotnet-interactive $current"
        return
    fi
    if [[ -n $current ]]; then
        echo "replacing version $current"
        dotnet tool uninstall --tool-path "$TOOLS_DIR" "$INTERACTIVE_TOOL"
    fi
    mkdir -p "$TOOLS_DIR"
    dotnet tool install --tool-path "$TOOLS_DIR" "$INTERACTIVE_TOOL" --version "$INTERACTIVE_VERSION"
    [[ $(installed_tool_version) == "$INTERACTIVE_VERSION" ]] || {
        echo "dotnet-interactive $INTERACTIVE_VERSION did not install into $TOOLS_DIR" >&2
        return 1
    }
}

kernel_registered() {
    "$PYTHON" -m jupyter kernelspec list 2>/dev/null | awk '{ print $1 }' | grep -qxF "$KERNEL"
}

ensure_kernelspec() {
    step "Jupyter kernel $KERNEL"
    if kernel_registered; then
        echo "registered"
        return
    fi
    # /usr/bin first so that dotnet-interactive registers through Debian's jupyter.
    PATH="$TOOLS_DIR:/usr/bin:$PATH" dotnet-interactive jupyter install
    kernel_registered || {
        echo "dotnet-interactive jupyter install did not register $KERNEL" >&2
        return 1
    }
}

# Prints the kernelspec's launcher: its argv up to the `jupyter` verb, one word per line.
kernel_launcher() {
    "$PYTHON" - "$KERNEL" <<'EOF'
import json, subprocess, sys
specs = json.loads(subprocess.check_output(
    [sys.executable, "-m", "jupyter", "kernelspec", "list", "--json"], stderr=subprocess.DEVNULL))
argv = specs["kernelspecs"][sys.argv[1]]["spec"]["argv"]
print("\n".join(argv[:argv.index("jupyter")] if "jupyter" in argv else argv[:1]))
EOF
}

check_kernel_launcher() {
    local launcher=() version
    mapfile -t launcher < <(kernel_launcher)
    if ! version="$("${launcher[@]}" --version 2>/dev/null | tail -n1)" || [[ -z $version ]]; then
        echo "The $KERNEL kernel starts '${launcher[*]}', which does not run with this PATH." >&2
        echo "Put $TOOLS_DIR on PATH, or re-register: dotnet-interactive jupyter install" >&2
        return 1
    fi
    echo "kernel launcher '${launcher[*]}' -> $version"
}

# ---------------------------------------------------------------- build and pack

build() {
    step "dotnet build $SOLUTION -c $CONFIGURATION"
    dotnet build "$SOLUTION" -c "$CONFIGURATION" "$@"
}

new_package_version() {
    PACKAGE_VERSION="0.1.0-dev.$(date -u +%Y%m%d%H%M%S)"
    # For notebooks: they may load exactly this build (a wildcard works too).
    export DEVENDPOINT_PACKAGE_VERSION="$PACKAGE_VERSION"
    export DEVENDPOINT_PACKAGE_SOURCE="$PACKAGES_DIR"
}

# Packs already-built projects (built with -p:Version=$PACKAGE_VERSION).
# The core is packed too: DevEndpoint.Interactive depends on it as a package.
pack_built() {
    step "dotnet pack $PACKAGE_VERSION"
    mkdir -p "$PACKAGES_DIR"
    rm -f "$PACKAGES_DIR"/DevEndpoint*.nupkg "$PACKAGES_DIR"/DevEndpoint*.snupkg "$PACKAGES_DIR/VERSION"
    local common=(-c "$CONFIGURATION" --no-build -o "$PACKAGES_DIR" -p:Version="$PACKAGE_VERSION")
    dotnet pack "$CORE_PROJECT" "${common[@]}" -p:IsPackable=true
    dotnet pack "$INTERACTIVE_PROJECT" "${common[@]}"
    if [[ ${PACK_EMBEDDINGS:-0} == 1 ]]; then
        dotnet pack "$EMBEDDINGS_PROJECT" "${common[@]}"
    fi
    echo "$PACKAGE_VERSION" >"$PACKAGES_DIR/VERSION"
    prune_nuget_cache
    cat <<EOF
Package written to $PACKAGES_DIR
In a notebook:
#i "nuget:$PACKAGES_DIR"
#r "nuget:DevEndpoint.Interactive,$PACKAGE_VERSION"
EOF
}

pack() {
    step "dotnet build $INTERACTIVE_PROJECT -c $CONFIGURATION (version $PACKAGE_VERSION)"
    dotnet build "$INTERACTIVE_PROJECT" -c "$CONFIGURATION" -p:Version="$PACKAGE_VERSION"
    if [[ ${PACK_EMBEDDINGS:-0} == 1 ]]; then
        dotnet build "$EMBEDDINGS_PROJECT" -c "$CONFIGURATION" -p:Version="$PACKAGE_VERSION"
    fi
    pack_built
}

# `#r nuget` caches by id+version: drop the older local dev builds from the cache.
prune_nuget_cache() {
    local cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}" id dir
    for id in devendpoint devendpoint.interactive devendpoint.embeddings; do
        for dir in "$cache/$id"/0.1.0-dev.*; do
            [[ -d $dir && ${dir##*/} != "$PACKAGE_VERSION" ]] && rm -rf "$dir"
        done
    done
    return 0
}

# ---------------------------------------------------------------- sample data and notebooks

sample_data() {
    step "sample data -> $SAMPLE_DATA"
    rm -rf "$SAMPLE_DATA"
    dotnet run --project "$CLI_PROJECT" -c "$CONFIGURATION" --property:Version="$PACKAGE_VERSION" "$@" \
        -- sample-data "$SAMPLE_DATA"
}

# Executes one notebook (cwd = its folder) with a fresh catalog and DevEndpoint home (compiled libraries, endpoint
# definitions); writes artifacts/notebooks/<name>.ipynb.
run_notebook() {
    local notebook=$1 name catalog home
    name="$(basename "$notebook" .ipynb)"
    catalog="$NOTEBOOKS_OUT/$name.catalog.db"
    home="$NOTEBOOKS_OUT/$name.home"
    step "notebook $notebook"
    mkdir -p "$NOTEBOOKS_OUT"
    rm -rf "$catalog" "$catalog-wal" "$catalog-shm" "$home"
    DEVENDPOINT_CATALOG="$catalog" DEVENDPOINT_HOME="$home" "$PYTHON" "$ROOT/tools/run-notebook.py" "$notebook" "$NOTEBOOKS_OUT/$name.ipynb"
}

# Executes one notebook as a job with `devendpoint run` (the command just built; cells run in its own process, on a C#
# kernel with the extension), with a fresh catalog and DevEndpoint home; extra arguments (--param ...) go to `run`.
# Writes artifacts/notebooks/<name>.run.ipynb and checks that it is a valid nbformat notebook.
run_notebook_job() {
    local notebook=$1 name catalog home executed
    name="$(basename "$notebook" .ipynb)"
    catalog="$NOTEBOOKS_OUT/$name.run.catalog.db"
    home="$NOTEBOOKS_OUT/$name.run.home"
    executed="$NOTEBOOKS_OUT/$name.run.ipynb"
    step "devendpoint run $notebook ${*:2}"
    mkdir -p "$NOTEBOOKS_OUT"
    rm -rf "$catalog" "$catalog-wal" "$catalog-shm" "$home"
    DEVENDPOINT_HOME="$home" dotnet run --project "$CLI_PROJECT" -c "$CONFIGURATION" --no-build -- \
        run "$notebook" --catalog "$catalog" --output "$executed" "${@:2}"
    "$PYTHON" -c 'import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))' "$executed"
}

demo() {
    local quickstart=notebooks/quickstart.ipynb
    [[ -f $quickstart ]] || { echo "$quickstart not found" >&2; return 1; }
    setup
    new_package_version
    pack
    sample_data
    attempt run_notebook "$quickstart"
    local notebook_status=$STATUS
    "$PYTHON" -m jupyter nbconvert --log-level=WARN --to html "$NOTEBOOKS_OUT/quickstart.ipynb" --output-dir "$NOTEBOOKS_OUT"
    cat <<EOF

Executed notebook: $NOTEBOOKS_OUT/quickstart.ipynb
HTML rendering:    $NOTEBOOKS_OUT/quickstart.html

To work with it interactively (the $KERNEL kernel needs the tool directory on PATH):
  export PATH="$TOOLS_DIR:\$PATH"
  $PYTHON -m jupyter notebook notebooks/quickstart.ipynb   # needs: apt-get install jupyter-notebook
or open notebooks/quickstart.ipynb in VS Code with Polyglot Notebooks (or the Jupyter extension).
Load this build in the notebook's first cell (or in your own notebook) with:
  #i "nuget:$PACKAGES_DIR"
  #r "nuget:DevEndpoint.Interactive,$PACKAGE_VERSION"
EOF
    if ((notebook_status != 0)); then
        echo "quickstart.ipynb has failing cells (see above)" >&2
        return 1
    fi
}

# ---------------------------------------------------------------- test

# Prints "passed failed skipped" summed over the trx files in $TEST_RESULTS.
trx_counts() {
    "$PYTHON" - "$TEST_RESULTS" <<'EOF'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find("{*}ResultSummary/{*}Counters")
    if counters is None:
        continue
    n = lambda name: int(counters.get(name, "0"))
    passed += n("passed")
    failed += n("failed") + n("error") + n("timeout") + n("aborted")
    skipped += max(n("notExecuted"), n("total") - n("executed"))
print(passed, failed, skipped)
EOF
}

test_all() {
    local passed=0 failed=0 skipped=0 failed_steps=() trx_passed trx_failed trx_skipped
    rm -rf "$TEST_RESULTS" "$NOTEBOOKS_OUT"
    new_package_version

    attempt setup
    local setup_status=$STATUS
    ((setup_status == 0)) || failed_steps+=(setup)

    attempt build -p:Version="$PACKAGE_VERSION"
    if ((STATUS != 0)); then
        failed_steps+=(build)
        print_summary 0 "${#failed_steps[@]}" 0 "${failed_steps[@]}"
        return 1
    fi

    step "dotnet format --verify-no-changes"
    attempt dotnet format "$SOLUTION" --verify-no-changes --no-restore
    ((STATUS == 0)) || failed_steps+=("format (run: dotnet format $SOLUTION)")

    attempt pack_built
    local pack_status=$STATUS
    ((pack_status == 0)) || failed_steps+=(pack)

    attempt sample_data --no-build
    ((STATUS == 0)) || failed_steps+=(sample-data)

    step "test servers (PostgreSQL 127.0.0.1:$DEVENDPOINT_PG_PORT, MariaDB 127.0.0.1:$DEVENDPOINT_MYSQL_PORT)"
    attempt start_servers
    if ((STATUS == 0)); then
        export_server_env # in this shell too: attempt ran start_servers in a subshell
    else
        failed_steps+=("test servers (see above; their tests skip)")
    fi

    # Where the S3-protocol server is, and the keys it accepts (s3rver's own, no secret), for the tests and notebooks.
    export DEVENDPOINT_TEST_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER
    attempt start_s3_server
    ((STATUS == 0)) || failed_steps+=("S3 server (scripts/s3-server.sh; its tests skip)")

    step "dotnet test"
    attempt dotnet test "$SOLUTION" -c "$CONFIGURATION" --no-build --logger trx --results-directory "$TEST_RESULTS"
    local test_status=$STATUS
    if ! read -r trx_passed trx_failed trx_skipped < <(trx_counts); then
        trx_passed=0 trx_failed=0 trx_skipped=0
        failed_steps+=("reading the trx files")
    fi
    passed=$((passed + trx_passed))
    failed=$((failed + trx_failed))
    skipped=$((skipped + trx_skipped))
    if ((test_status != 0 && trx_failed == 0)); then
        failed_steps+=("dotnet test (exit code $test_status)")
    fi

    local notebook notebooks=()
    shopt -s nullglob
    notebooks=(notebooks/*.ipynb)
    shopt -u nullglob
    for notebook in "${notebooks[@]}"; do
        if ((setup_status != 0 || pack_status != 0)); then
            echo "not run (setup or pack failed): $notebook"
            failed=$((failed + 1))
            continue
        fi
        attempt run_notebook "$notebook"
        if ((STATUS == 0)); then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    done

    # Notebooks that are also jobs run once more, without Jupyter, as `devendpoint run` runs them.
    attempt run_notebook_job notebooks/prototype-etl.ipynb --param ordersPerFile=25
    if ((STATUS == 0)); then passed=$((passed + 1)); else failed=$((failed + 1)); fi

    print_summary "$passed" "$((failed + ${#failed_steps[@]}))" "$skipped" "${failed_steps[@]}"
    ((failed == 0 && ${#failed_steps[@]} == 0))
}

# Starts (when not running) the S3-protocol server the object store tests and notebooks use.
start_s3_server() {
    step "S3-protocol server (s3rver) on 127.0.0.1:$S3_PORT"
    DEVENDPOINT_S3_PORT="$S3_PORT" "$ROOT/scripts/s3-server.sh"
}

# print_summary <passed> <failed> <skipped> [failed step...]; the last line is the summary.
print_summary() {
    local passed=$1 failed=$2 skipped=$3 failed_step
    shift 3
    echo
    for failed_step in "$@"; do
        echo "FAILED step: $failed_step"
    done
    if ((skipped > 0)); then
        echo "$passed passed, $failed failed, $skipped skipped"
    else
        echo "$passed passed, $failed failed"
    fi
}

# ---------------------------------------------------------------- cli

# Publishes the command as it is best run: for this machine's runtime, NativeAOT, with a ReadyToRun copy for the JIT.
cli() {
    local rid target="$TOOLS_DIR/devendpoint-cli"
    rid="$(dotnet --info | awk '/RID:/ {print $2; exit}')"
    rm -rf "$target"
    # The commands that train or score with ML.NET need code generated at run time: the command compiled ahead of time
    # hands them to this copy (ReadyToRun, on the shared runtime) in its jit folder.
    step "dotnet publish $CLI_PROJECT for $rid (ReadyToRun, for the JIT) into $target/jit"
    dotnet publish "$CLI_PROJECT" -c "$CONFIGURATION" -r "$rid" --self-contained false -o "$target/jit" -nologo
    # NativeAOT needs clang and zlib1g-dev (./build.sh setup). The AOT compiler checks what the command reaches and fails
    # on any warning but the packages' own summary ones (IL2104, IL3053: DuckDB.NET.Data, Microsoft.ML, Parquet.Net); the
    # compiler's AOT analyzers are off, they would flag the core's code the command never calls (script libraries, endpoints).
    step "dotnet publish $CLI_PROJECT for $rid (NativeAOT) into $target"
    if dotnet publish "$CLI_PROJECT" -c "$CONFIGURATION" -r "$rid" -p:PublishAot=true -p:WarningsNotAsErrors='NU1603%3BIL2104%3BIL3053' \
        -p:EnableAotAnalyzer=false -p:EnableTrimAnalyzer=false -p:EnableSingleFileAnalyzer=false -o "$target" -nologo; then
        rm -rf "$target/jit/run"
        printf '#!/bin/sh\nexec "%s/DevEndpoint.Cli" "$@"\n' "$target" >"$TOOLS_DIR/devendpoint"
    else
        echo "The NativeAOT publish failed (it needs clang and zlib1g-dev: ./build.sh setup); installing the JIT build from $target/jit instead, which starts 4-10x slower." >&2
        printf '#!/bin/sh\nexec dotnet "%s/jit/DevEndpoint.Cli.dll" "$@"\n' "$target" >"$TOOLS_DIR/devendpoint"
    fi
    chmod +x "$TOOLS_DIR/devendpoint"
    echo "Installed $TOOLS_DIR/devendpoint; put $TOOLS_DIR on PATH to run it as devendpoint."
}

# ---------------------------------------------------------------- bench

# Benchmarks measure against peers in the same run and write bench/results/<name>-<machine>.md.
bench() {
    step "CSV sniffing accuracy: DevEndpoint vs DuckDB"
    dotnet run --project bench/DevEndpoint.Accuracy -c "$CONFIGURATION"
    step "crawl cost: 20,000 small files, one 1 GiB file, 20,000 typed CSV and JSON lines files, vs DuckDB (the tiny and families lakes: --lake tiny|families)"
    dotnet run --project bench/DevEndpoint.CrawlBench -c "$CONFIGURATION" -- 20000 1024 --lake small --lake big --lake typed --lake jsonl
    step "load speed: 2,000,000 rows from CSV, Parquet and JSON lines, vs DuckDB, DataFrame.LoadCsv and Parquet.Net"
    dotnet run --project bench/DevEndpoint.LoadBench -c "$CONFIGURATION"
    step "SQL over the catalog: group-by and projection on 2,000,000 rows, vs DuckDB on the same files"
    dotnet run --project bench/DevEndpoint.SqlBench -c "$CONFIGURATION"
    step "profiles: 2,000,000 rows profiled, vs DuckDB's SUMMARIZE"
    dotnet run --project bench/DevEndpoint.ProfileBench -c "$CONFIGURATION"
    step "data quality: a 20-rule DQDL ruleset over 2,000,000 rows, vs the same metrics in hand-written DuckDB SQL"
    dotnet run --project bench/DevEndpoint.DqBench -c "$CONFIGURATION"
}

# ---------------------------------------------------------------- main

main() {
    local command="${1:-help}"
    case "$command" in
    setup) setup ;;
    build) build "${@:2}" ;;
    pack)
        new_package_version
        pack
        ;;
    demo) demo ;;
    test) test_all ;;
    cli) cli ;;
    bench) bench ;;
    help | -h | --help) usage ;;
    *)
        usage >&2
        return 2
        ;;
    esac
}

main "$@"
