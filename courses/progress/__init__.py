"""Learner progress, by job:

- records: where progress is kept (the database for a signed-in learner, the session
  for a visitor) and the merge of one into the other;
- rules: when a lesson, module and path count as done (the one completion rule);
- context: what course pages show about the learner.

Which page to show in which language is not progress: see cms.pages_in_language.
"""
