# Shared helpers for scripts/run and scripts/test. Sourced, not run.
# Installs only from the package registries (PyPI, Debian, npm) by package name.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

log() { printf '\033[1m[tongban]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[tongban] %s\033[0m\n' "$*" >&2; exit 1; }

find_python() {
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  die "Python 3.11 or newer is needed (apt-get install python3 python3-venv)."
}

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing $* with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    return 1
  fi
}

# ensure_browser: Debian's Chromium (Playwright drives it by path; no browser downloads)
# and a CJK font so screenshots show Chinese rather than boxes.
ensure_browser() {
  [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qiE "wqy|cjk" && return 0
  apt_install chromium fonts-wqy-microhei ||
    die "Chromium is needed for the browser tests: apt-get install chromium fonts-wqy-microhei"
}

# ensure_pdf_font: the CJK font the server renders PDFs with (受理回执, backend/cases/receipts.py).
# TONGBAN_PDF_FONT_PATH, when set, names another font, which must exist.
ensure_pdf_font() {
  if [ -n "${TONGBAN_PDF_FONT_PATH:-}" ]; then
    [ -f "$TONGBAN_PDF_FONT_PATH" ] || die "TONGBAN_PDF_FONT_PATH=$TONGBAN_PDF_FONT_PATH does not exist"
    return 0
  fi
  [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] && return 0
  apt_install fonts-wqy-microhei ||
    die "A CJK font is needed for PDFs: apt-get install fonts-wqy-microhei (or set TONGBAN_PDF_FONT_PATH)"
}

# ensure_wrk: the HTTP load generator of the API benchmark (tests/benchmarks/bench_api.py).
ensure_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  apt_install wrk || die "wrk is needed for the API benchmark: apt-get install wrk"
}

# ensure_venv LOCKFILE: a virtualenv with exactly the locked (hash-checked) dependencies.
ensure_venv() {
  local lock="$ROOT/$1" stamp
  stamp="$VENV/.installed-$(sha256sum "$lock" "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
  [ -f "$stamp" ] && return 0
  if [ ! -x "$PY" ]; then
    log "creating virtualenv in .venv"
    "$(find_python)" -m venv "$VENV" || die "could not create a virtualenv (apt-get install python3-venv)"
  fi
  log "installing Python dependencies from $1"
  # The project itself is not installed: it runs from this tree (python -m backend).
  "$PY" -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
  rm -f "$VENV"/.installed-*
  touch "$stamp"
}

# build_pwa: the phone app, served by the backend at /.
build_pwa() {
  [ -f "$ROOT/pwa/package.json" ] || return 0
  command -v npm >/dev/null 2>&1 || die "Node.js and npm are needed to build the PWA (apt-get install nodejs npm)."
  local stamp="$ROOT/pwa/node_modules/.installed-$(sha256sum "$ROOT/pwa/package-lock.json" | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    log "installing PWA packages (npm ci)"
    (cd "$ROOT/pwa" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
    touch "$stamp"
  fi
  # npm run build = graphql-codegen --check (generated GraphQL types up to date with
  # schema/schema.graphql) + vue-tsc type check + vite build.
  log "building the PWA (GraphQL codegen check, type check, bundle)"
  (cd "$ROOT/pwa" && npm run --silent build) ||
    die "PWA build failed (stale generated files? cd pwa && npm run codegen, then commit them)"
}
