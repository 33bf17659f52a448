"""Headquarters: its store, the importer, anomalies and statistics."""
