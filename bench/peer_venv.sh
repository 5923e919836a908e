# Sourced by the peer benchmarks: `peer_venv IMPORTS PACKAGE...` sets $venv to $VENV (default
# bench/.venv) and, when the modules in IMPORTS (comma-separated, as Python's `import` takes
# them) do not import there, makes the virtualenv and installs the packages from PyPI.
peer_venv() {
  local imports="$1"; shift
  venv="${VENV:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.venv}"
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import $imports" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "$@"
  fi
}
