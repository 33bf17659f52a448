"""The inspection editor: its tabs (certificate, parcels, seals, photos, findings) and the validation panel."""
