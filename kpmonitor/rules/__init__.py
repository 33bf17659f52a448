"""Kimberley Process rules: an inspection in, problems out (errors block signing, warnings need a note)."""
