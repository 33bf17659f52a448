"""Keys, certificates, revocation lists, the PAdES signature and the QR seal."""
