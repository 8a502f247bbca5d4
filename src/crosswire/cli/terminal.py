"""What the command line writes to a terminal: names and messages from inputs, made safe to print.

A file name, URL or message may carry control characters: an escape sequence would reach the terminal raw, a line
break would split one error over two lines, a bidirectional override would show a name reversed. They are shown as
Python-style escapes instead (``\\x1b``, ``\\n``, ``\\u202e``).
"""

from __future__ import annotations

import logging
import unicodedata

# Unicode categories never printed raw: controls, format characters (bidi overrides, zero-width), separators of
# lines and paragraphs, surrogates and unassigned code points.
_UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Cn"})


def escape_controls(text: str) -> str:
    """``text`` with every control or format character escaped; tabs too, so one message stays on one line."""
    if text.isprintable():
        return text
    out: list[str] = []
    for ch in text:
        if ch == " " or unicodedata.category(ch) not in _UNSAFE:
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


class _OwnRecordsOnly(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.name == "crosswire" or record.name.startswith("crosswire.")


_HANDLER_NAME = "crosswire-cli"


def configure_logging(verbose: bool) -> None:
    """Send log records to stderr: every logger's from INFO with ``--verbose``, else only Crosswire's own errors.

    Libraries (trafilatura, htmldate, warcio, ...) log what Crosswire already reports as one line per input; without
    ``--verbose`` they never write to stderr on their own, not even through Python's last-resort handler.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(handler)
    handler = logging.StreamHandler()
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    if verbose:
        root.setLevel(logging.INFO)
    else:
        root.setLevel(logging.ERROR)
        handler.addFilter(_OwnRecordsOnly())
    root.addHandler(handler)
