"""The workshop: the seven steps of the method, asked one answer at a time and saved at once.

The steps live in their own modules (`assess`, `model_choice`, `values`,
`vision`, `actions`, `share`, `listen`) and know nothing of terminals: they
ask through an `Asker` and show `Block`s on a `Screen`. `runner.run` walks
them; the terminal side is `cxphilo.workshop.prompts` (questions) and
`cxphilo.workshop.terminal` (what the room sees).
"""
