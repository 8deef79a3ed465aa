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
kg_ensure_venv() {
  local extra="${1:-}"
  if [ ! -x "$KG_VENV/bin/python" ]; then
    python3 -m venv "$KG_VENV"
    "$KG_VENV/bin/pip" install -q --upgrade pip
  fi
  local stamp="$KG_VENV/.kg-installed${extra:+-$extra}"
  if [ ! -f "$stamp" ] || [ "$KG_ROOT/pyproject.toml" -nt "$stamp" ]; then
    "$KG_VENV/bin/pip" install -q -e "$KG_ROOT${extra:+[$extra]}"
    touch "$stamp"
  fi
}
