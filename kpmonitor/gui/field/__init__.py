"""The monitor's window: the inspections list, signing, export, certificates, verification."""
