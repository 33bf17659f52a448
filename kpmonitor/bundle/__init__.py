"""The signed bundle that carries a report to headquarters: its format, its export, its verification."""
