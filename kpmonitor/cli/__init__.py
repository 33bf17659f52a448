"""The command line (click): the field's, the keys' and headquarters' commands over the same core."""
