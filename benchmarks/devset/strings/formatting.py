"""Formatting: templates, separators, character codes, padding to a width."""

DOMAIN = "strings"


def with_length_label(s):
    """The string followed by its length in parentheses."""
    return f"{s} ({len(s)})"


def json_value(s):
    """The string placed in a JSON-like object under "value"."""
    return '{"value": "%s"}' % s


def html_bold(s):
    """The string wrapped in <b> tags."""
    return "<b>" + s + "</b>"


def underline(s):
    """The string, a newline and as many dashes as it has characters."""
    return s + "\n" + "-" * len(s)


def spaced_out(s):
    """The characters separated by single spaces."""
    return " ".join(s)


def comma_separated(s):
    """The characters separated by commas."""
    return ",".join(list(s))


def hex_codes(s):
    """The hexadecimal code of each character, separated by spaces."""
    return " ".join(format(ord(c), "02x") for c in s)


def ascii_codes(s):
    """The decimal code of each character, joined with dashes."""
    return "-".join(str(ord(c)) for c in s)


def length_in_binary(s):
    """The length of the string in binary."""
    return bin(len(s))[2:]


def thousands_separators(s):
    """Groups a number's digits in threes with commas; anything else is unchanged."""
    if s.isascii() and s.isdigit():
        return "{:,}".format(int(s))
    return s


def parenthesize_words(s):
    """Each word wrapped in parentheses, joined with spaces."""
    return " ".join("(" + w + ")" for w in s.split())


def summary_record(s):
    """A record 'len=N;first=C;last=C' of the string."""
    return "len=%d;first=%s;last=%s" % (len(s), s[:1], s[-1:])


def center_in_twenty(s):
    """The string centred in 20 spaces."""
    return f"{s:^20}"


def greeting(s):
    """'Hello, ' + the string + '!'."""
    return "Hello, {}!".format(s)


def code_span(s):
    """The string wrapped in backticks."""
    return "`" + s + "`"


def index_prefix(s):
    """Each character preceded by its index, starting at 0."""
    return "".join(f"{i}{c}" for i, c in enumerate(s))


def left_align_pipe(s):
    """The string left-aligned in 12 characters between pipes."""
    return "|" + s.ljust(12) + "|"


def percent_encode_spaces(s):
    """Spaces written as %20."""
    return s.replace(" ", "%20")
