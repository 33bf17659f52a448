"""Demo data, demo images and the self-test of an install."""
