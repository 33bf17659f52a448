"""A device's history made checkable by others: signed checkpoints of its audit log, headquarters' receipts."""
