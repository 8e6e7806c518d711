"""Analysis stages: sentences, summaries, proposals, themes, keywords."""
