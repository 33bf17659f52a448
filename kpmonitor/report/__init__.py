"""Signed reports: the frozen snapshot, the PDF, signing, and verification of a PDF or a QR seal."""
