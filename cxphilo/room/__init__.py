"""The room: people take part in the workshop from their own phones.

`cxphilo workshop --room` serves a few plain pages from the facilitator's
machine. The parts, from the inside out:

- `hall` — what the room may do at each moment and what each device may see;
  it writes through the workshop's store and knows nothing of HTTP;
- `seats` — the devices that joined, kept beside the user's state so that a
  phone keeps its seat when the workshop is restarted;
- `web` — the HTTP edge (starlette): cookies, cross-site checks, sizes, rates;
- `serve` — uvicorn in a background thread, the address and the QR code.

Nothing here is imported unless `--room` is given.
"""
