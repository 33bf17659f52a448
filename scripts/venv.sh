# Shared by ./run and ./test: make .venv and install kpmonitor into it, again only when
# pyproject.toml changed since the last install.
ensure_venv() {
  local extras="$1"
  local stamp=".venv/.installed${extras//[^a-z]/-}"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".${extras}"
    touch "$stamp"
  fi
}
