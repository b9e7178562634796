#!/usr/bin/python3
"""Execute one notebook on the .NET Interactive Jupyter kernel and report failing cells.

Usage: run-notebook.py <input.ipynb> <output.ipynb> [--timeout 600] [--kernel .net-csharp]

The notebook runs with its own folder as the working directory. Every cell is executed
(errors do not stop the run); afterwards any `error` output, or any non-empty `stderr`
stream, counts as a failure. The executed notebook is written to <output.ipynb>, the kernel's own console output
(hosting logs) to <output.ipynb>.kernel.log.
Exit code: 0 when clean, 1 when a cell failed or the execution itself failed.

Run it with /usr/bin/python3 (Debian's nbclient/nbformat), with the dotnet-interactive
tool directory on PATH: the kernelspec starts `dotnet interactive`, which the dotnet
muxer resolves as `dotnet-interactive` on PATH.
"""

import argparse
import atexit
import os
import subprocess
import sys

import nbformat
from nbclient import NotebookClient

SOURCE_PREVIEW_LINES = 3
KERNEL_LOG_TAIL_LINES = 5


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="notebook to execute")
    parser.add_argument("output", help="where to write the executed notebook")
    parser.add_argument("--timeout", type=int, default=600, help="per-cell timeout in seconds (default 600)")
    parser.add_argument("--kernel", default=".net-csharp", help="Jupyter kernel name (default .net-csharp)")
    parser.add_argument("--startup-timeout", type=int, default=180, help="kernel startup timeout in seconds (default 180)")
    return parser.parse_args()


def output_text(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def cell_failures(cell):
    """Yield 'ename: evalue' for each failing output of a code cell."""
    for output in cell.get("outputs", []):
        kind = output.get("output_type")
        if kind == "error":
            evalue = (str(output.get("evalue", "")).strip().splitlines() or [""])[0]
            yield f"{output.get('ename', 'Error')}: {evalue}".rstrip()
        elif kind == "stream" and output.get("name") == "stderr":
            text = output_text(output.get("text")).strip()
            if text:
                yield "stderr: " + text.splitlines()[0]


def use_local_package(nb):
    """Point the notebook's package cell at the feed and version build.sh just packed.

    Notebooks in this repo load the extension with `#i "nuget:../artifacts/packages"` and
    `#r "nuget:DevEndpoint.Interactive,*-*"`; the kernel needs an absolute feed path, and an exact
    version avoids loading a stale cached build.
    """
    source = os.environ.get("DEVENDPOINT_PACKAGE_SOURCE")
    version = os.environ.get("DEVENDPOINT_PACKAGE_VERSION")
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if source:
            cell.source = cell.source.replace('nuget:../artifacts/packages"', f'nuget:{source}"')
        if version:
            cell.source = cell.source.replace("DevEndpoint.Interactive,*-*", f"DevEndpoint.Interactive,{version}")


def tail(path, count):
    with open(path, encoding="utf-8", errors="replace") as file:
        return [line.rstrip() for line in file.readlines()[-count:]]


def report_failures(name, nb):
    failed_cells = 0
    for index, cell in enumerate(nb.cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        failures = list(cell_failures(cell))
        if not failures:
            continue
        failed_cells += 1
        for failure in failures:
            print(f"{name} cell {index}: {failure}")
        for line in output_text(cell.get("source")).splitlines()[:SOURCE_PREVIEW_LINES]:
            print(f"    | {line}")
    return failed_cells


def main():
    args = parse_args()
    input_path = os.path.abspath(args.input)
    output_path = os.path.abspath(args.output)
    name = os.path.basename(input_path)

    nb = nbformat.read(input_path, as_version=4)
    use_local_package(nb)
    client = NotebookClient(
        nb,
        timeout=args.timeout,
        startup_timeout=args.startup_timeout,
        kernel_name=args.kernel,
        allow_errors=True,
        resources={"metadata": {"path": os.path.dirname(input_path)}},
    )

    os.makedirs(os.path.dirname(output_path), exist_ok=True)
    kernel_log_path = output_path + ".kernel.log"
    execution_error = None
    with open(kernel_log_path, "wb") as kernel_log:
        try:
            # Extra keyword arguments reach the kernel's Popen: keep its logs out of our output.
            client.execute(stdout=kernel_log, stderr=subprocess.STDOUT)
        except Exception as error:  # timeouts, dead kernel, kernel that never starts
            execution_error = error
    # execute() already shut the kernel down; nbclient's atexit hook would only trip over
    # a kernel that died at startup.
    atexit.unregister(client._cleanup_kernel)

    nb.metadata.setdefault("kernelspec", {"name": args.kernel, "display_name": ".NET (C#)", "language": "C#"})
    nbformat.write(nb, output_path)

    failed_cells = report_failures(name, nb)
    if execution_error is not None:
        first_line = (str(execution_error).strip().splitlines() or [""])[0]
        print(f"{name}: execution failed: {type(execution_error).__name__}: {first_line}")
        print(f"{name}: kernel log ({kernel_log_path}) ends with:")
        for line in tail(kernel_log_path, KERNEL_LOG_TAIL_LINES):
            print(f"    > {line}")

    if failed_cells or execution_error is not None:
        print(f"{name}: FAILED ({failed_cells} failing cell(s)); output written to {output_path}")
        return 1
    print(f"{name}: OK; output written to {output_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
