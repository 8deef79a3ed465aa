# Sourced by scripts/test, scripts/quickstart and .ci/run: common environment.
# The official spaCy models cannot be downloaded on every machine; when the user
# has not chosen a pipeline and the project's shared folder holds one, use it.
KG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export KG_ROOT
_kg_shared="$KG_ROOT/../shared/models"
if [ -z "${KG_MODEL_DE:-}" ] && [ -d "$_kg_shared/de_kg_news_sm" ]; then
  export KG_MODEL_DE="$(cd "$_kg_shared/de_kg_news_sm" && pwd)"
fi
if [ -z "${KG_MODEL_EN:-}" ] && [ -d "$_kg_shared/en_core_web_sm" ]; then
  export KG_MODEL_EN="$(cd "$_kg_shared/en_core_web_sm" && pwd)"
fi
KG_VENV="${KG_VENV:-$KG_ROOT/.venv}"
export KG_VENV

# Create the virtualenv and (re)install kg when pyproject.toml changed since the last install.
# $1: extras, e.g. dev or dev,spark. pip runs without -q but its output goes to $KG_VENV/pip-install.log:
# the terminal gets one line per step (and every error and warning pip has), the whole log on failure.
kg_ensure_venv() {
  local extra="${1:-}"
  if [ ! -x "$KG_VENV/bin/python" ]; then
    echo "kg: creating the virtualenv $KG_VENV" >&2
    python3 -m venv "$KG_VENV"
    _kg_pip --upgrade pip || return 1
  fi
  local stamp="$KG_VENV/.kg-installed${extra:+-$extra}"
  if [ ! -f "$stamp" ] || [ "$KG_ROOT/pyproject.toml" -nt "$stamp" ]; then
    echo "kg: installing kg${extra:+[$extra]} and its dependencies into $KG_VENV (a minute or two the first time)" >&2
    _kg_pip -e "$KG_ROOT${extra:+[$extra]}" || return 1
    touch "$stamp"
  fi
}

# pip install "$@", showing progress instead of pip's page of output. setuptools' build backend warns on every
# editable install ("BuildBackendWarning: Editable installation ... folders with the same name as your
# package"): true of any flat layout, nothing to act on, so UserWarnings are ignored for this command only.
_kg_pip() {
  local log="$KG_VENV/pip-install.log" t0=$SECONDS rc=0
  PYTHONWARNINGS="ignore::UserWarning" "$KG_VENV/bin/pip" install --progress-bar off --disable-pip-version-check \
    "$@" >"$log" 2>&1 &
  local pid=$!
  _kg_pip_progress "$log" "$pid" &
  local shower=$!
  wait "$pid" || rc=$?
  wait "$shower" 2>/dev/null || true
  if [ "$rc" -ne 0 ]; then
    echo "kg: pip install $* failed (exit $rc); its output ($log):" >&2
    tail -n 40 "$log" >&2
    return "$rc"
  fi
  grep -E '^(WARNING|DEPRECATION)' "$log" >&2 || true
  echo "kg: installed in $((SECONDS - t0)) s" >&2
}

# While pip (pid $2) runs: every 3 s, the step it is at (from its log $1); on a terminal, on one line.
_kg_pip_progress() {
  local log="$1" pid="$2" last="" line t0=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    sleep 3
    line="$(grep -E '^ *(Collecting|Downloading|Building|Installing collected|Obtaining|Preparing)' "$log" 2>/dev/null \
      | tail -n 1 | cut -c1-90)"
    if [ -t 2 ]; then  # a terminal: one line, rewritten with the time even while the step stays the same
      printf '\r\033[K  %3d s  %s' "$((SECONDS - t0))" "${line:-starting pip}" >&2
    elif [ -n "$line" ] && [ "$line" != "$last" ]; then
      printf '  %3d s  %s\n' "$((SECONDS - t0))" "$line" >&2
    fi
    last="$line"
  done
  if [ -t 2 ]; then printf '\r\033[K' >&2; fi
}
