"""The publishing path: what the public may see, the snapshot, the pointer, serving and open data."""
