"""Photo evidence: verified originals kept byte for byte, content-addressed; EXIF; thumbnails."""
