"""The run layer: the plan of a refresh (its steps, in order, and what each warms, refuses and alerts), the
runner the command line uses, and what guards a run (the writer lock, the refusals, the working file)."""
