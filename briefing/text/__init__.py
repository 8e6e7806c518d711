"""Text stages: normalise, clean, split sentences, segment pages into articles."""
