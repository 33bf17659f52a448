"""The desktop application (PySide6, Qt Widgets): the only part of kpmonitor that imports Qt.

Everything it shows comes from the core and every edit goes back through it
(``kpmonitor.workspace.Workspace``); the GUI adds no KP rule and no SQL.
"""
