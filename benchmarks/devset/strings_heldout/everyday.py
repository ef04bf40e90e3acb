"""Everyday text cleanup: trimming, spacing, slugs, title-case variants, punctuation, truncation,
padding, quoting, word replacement, digit masking and initials."""

import re
import string

DOMAIN = "strings"


def trim_both(s):
    """Remove leading and trailing whitespace."""
    return s.strip()


def collapse_spaces(s):
    """Trim and collapse every run of whitespace into a single space."""
    out = []
    pending = False
    for ch in s:
        if ch.isspace():
            pending = True
        else:
            if pending and out:
                out.append(" ")
            pending = False
            out.append(ch)
    return "".join(out)


def slugify(s):
    """Lowercase, turn every run of non-alphanumeric ASCII into one hyphen, trim hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def underscore_slug(s):
    """Lowercase words of letters and digits joined by underscores."""
    return "_".join(re.findall(r"[a-z0-9]+", s.lower()))


def title_each_word(s):
    """Capitalise the first letter of each space-separated word and lowercase the rest."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in s.split(" "))


def title_long_words(s):
    """Capitalise words longer than three characters; lowercase the others; single spaces."""
    return " ".join(w.capitalize() if len(w) > 3 else w.lower() for w in s.split())


def sentence_case(s):
    """Lowercase everything, then uppercase the first alphabetic character."""
    low = s.lower()
    for i, ch in enumerate(low):
        if ch.isalpha():
            return low[:i] + ch.upper() + low[i + 1:]
    return low


def strip_punctuation(s):
    """Delete every ASCII punctuation character."""
    return s.translate(str.maketrans("", "", string.punctuation))


def keep_letters_spaces(s):
    """Keep only ASCII letters and spaces."""
    return "".join(c for c in s if c == " " or ("a" <= c <= "z") or ("A" <= c <= "Z"))


def truncate_ten(s):
    """Cut to the first 7 characters followed by '...' when longer than 10 characters."""
    if len(s) <= 10:
        return s
    return s[:7] + "..."


def truncate_words_three(s):
    """Keep the first three words; add '...' if any words were dropped."""
    words = s.split()
    if len(words) > 3:
        return " ".join(words[:3]) + "..."
    return " ".join(words)


def centre_stars_fifteen(s):
    """Centre in a field of 15 characters padded with '*'."""
    return s.center(15, "*")


def pad_right_dots_twelve(s):
    """Pad on the right with '.' to 12 characters (longer strings unchanged)."""
    missing = 12 - len(s)
    return s + "." * missing if missing > 0 else s


def square_brackets(s):
    """Wrap in square brackets after trimming whitespace."""
    return "[" + s.strip() + "]"


def double_quote_escaped(s):
    """Escape backslashes and double quotes, then wrap in double quotes."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def replace_the(s):
    """Replace the whole word 'the' (any case) with 'a'."""
    return re.sub(r"\bthe\b", "a", s, flags=re.IGNORECASE)


def mask_digits_hash(s):
    """Replace every ASCII digit with '#'."""
    return re.sub(r"[0-9]", "#", s)


def mask_all_but_last_four(s):
    """Replace every character except the last four with '*'."""
    if len(s) <= 4:
        return s
    return "*" * (len(s) - 4) + s[-4:]


def initials_dotted(s):
    """Uppercase first letter of each word followed by a dot, e.g. 'J.R.'."""
    return "".join(w[0].upper() + "." for w in s.split())


def remove_repeated_chars(s):
    """Collapse consecutive identical characters to one."""
    out = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)
