"""Drawing a Document as a timeline picture.

The pure parts (dates, items, scale, layout) import neither matplotlib nor numpy, so they can be
tested directly and `timeline resolve` never pays for them; only `timeline.render.plot` imports
matplotlib, and only when a picture is actually drawn.
"""
