"""kpmonitor: a field application for Kimberley Process shipment monitors."""

__version__ = "0.1.0"

# One reverse-DNS id for the desktop file, the Qt application, the macOS bundle
# and the PyInstaller spec, so the desktop environment sees one application.
APP_ID = "org.kpmonitor.KPMonitor"
APP_NAME = "kpmonitor"
