"""Formatting: joining characters with separators, repetition, mirroring, interleaving, zero
filling, justification with fill characters, prefixes and suffixes, and wrapping words in
tags."""

DOMAIN = "strings"


def join_dashes(s):
    """The characters joined with '-'."""
    return "-".join(s)


def join_words_pipe(s):
    """The words joined with ' | '."""
    return " | ".join(s.split())


def repeat_three_with_space(s):
    """The text three times separated by single spaces."""
    return " ".join([s] * 3)


def mirror(s):
    """The text followed by its reverse."""
    return s + s[::-1]


def mirror_palindrome(s):
    """The text followed by its reverse without repeating the last character."""
    return s + s[-2::-1] if s else s


def interleave_dot(s):
    """A '.' after every character."""
    return "".join(c + "." for c in s)


def interleave_with_index(s):
    """Each character followed by its index modulo 10."""
    return "".join(f"{c}{i % 10}" for i, c in enumerate(s))


def zfill_eight(s):
    """Zero-fill to 8 characters (str.zfill semantics, sign kept in front)."""
    return s.zfill(8)


def rjust_dash_ten(s):
    """Right-justify in 10 characters with '-'."""
    return s.rjust(10, "-")


def ljust_equals_nine(s):
    """Left-justify in 9 characters with '='."""
    return "{:=<9}".format(s)


def centre_in_brackets_eleven(s):
    """Centre in 11 characters with spaces, then wrap in '|' on each side."""
    return "|" + s.center(11) + "|"


def prefix_suffix_arrows(s):
    """Prefix '>> ' and suffix ' <<'."""
    return ">> " + s + " <<"


def add_prefix_once(s):
    """Prefix 'pre_' unless the text already starts with it."""
    return s if s.startswith("pre_") else "pre_" + s


def tag_words_b(s):
    """Wrap every word in <b>...</b>, joined with single spaces."""
    return " ".join("<b>" + w + "</b>" for w in s.split())


def tag_whole_span(s):
    """Wrap the whole text in <span>...</span>."""
    return "<span>%s</span>" % s


def frame_with_hashes(s):
    """Put '# ' before and ' #' after, with a line of '#' of the same width above and below."""
    inner = "# " + s + " #"
    border = "#" * len(inner)
    return border + "\n" + inner + "\n" + border


def comma_thousands(s):
    """Group a run of ASCII digits in threes with commas; non-digit texts unchanged."""
    if not s or not all("0" <= c <= "9" for c in s):
        return s
    head = len(s) % 3 or 3
    groups = [s[:head]] + [s[i:i + 3] for i in range(head, len(s), 3)]
    return ",".join(groups)


def number_lines(s):
    """Prefix each line with its 1-based number and ': '."""
    return "\n".join(f"{n}: {line}" for n, line in enumerate(s.split("\n"), 1))


def repeat_by_position(s):
    """Over the first 20 characters: the i-th repeated i+1 times and capitalised, joined by '-'."""
    return "-".join((c * (i + 1)).capitalize() for i, c in enumerate(s[:20]))


def quote_each_char(s):
    """Each character in single quotes, joined by ', ', inside square brackets."""
    return "[" + ", ".join("'" + c + "'" for c in s) + "]"
