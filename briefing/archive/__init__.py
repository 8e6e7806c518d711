"""The archive: what earlier runs briefed, so that a weekly run merges duplicates,
marks what was already covered and shows trends.  Only :mod:`.store` touches the disk."""
