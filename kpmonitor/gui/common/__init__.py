"""Widgets, dialogs, words and the task runner shared by every window."""
