"""The cleaning log: the 疑義照会 workbooks each prefecture receives, written from the gate's findings."""
