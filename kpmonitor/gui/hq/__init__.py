"""Headquarters' window: inbox, reports, detail, anomalies, monitors, statistics."""
