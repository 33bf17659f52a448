"""The inspection as data: the dataclasses, the JSON document, exact quantities, dated reference tables."""
