"""Slicing: prefixes and suffixes of fixed lengths, every k-th character, middle characters,
swapped halves, rotations, and first/last words kept or dropped."""

DOMAIN = "strings"


def first_four(s):
    """The first 4 characters."""
    return s[:4]


def last_three(s):
    """The last 3 characters."""
    return s[-3:]


def drop_first_two(s):
    """Everything after the first 2 characters."""
    return s[2:]


def drop_last_five(s):
    """Everything except the last 5 characters."""
    return s[:-5] if len(s) > 5 else ""


def every_second(s):
    """The characters at even indices (0, 2, 4, ...)."""
    return s[::2]


def every_third_from_one(s):
    """Every third character starting at index 1."""
    return "".join(s[i] for i in range(1, len(s), 3))


def middle_char(s):
    """The middle character for odd lengths, the middle two for even lengths."""
    n = len(s)
    if n == 0:
        return ""
    if n % 2:
        return s[n // 2]
    return s[n // 2 - 1:n // 2 + 1]


def swap_halves(s):
    """The second half followed by the first half (the middle character goes with the second half for odd lengths)."""
    h = len(s) // 2
    return s[h:] + s[:h]


def rotate_left_two(s):
    """Rotate left by 2 (the first two characters move to the end)."""
    if not s:
        return s
    k = 2 % len(s)
    return s[k:] + s[:k]


def rotate_right_three(s):
    """Rotate right by 3 (the last three characters move to the front)."""
    n = len(s)
    if n == 0:
        return s
    k = 3 % n
    return s[n - k:] + s[:n - k]


def first_word(s):
    """The first whitespace-separated word (empty when none)."""
    parts = s.split(None, 1)
    return parts[0] if parts else ""


def last_word(s):
    """The last whitespace-separated word (empty when none)."""
    words = s.split()
    return words[-1] if words else ""


def drop_first_word(s):
    """All words but the first, joined by single spaces."""
    return " ".join(s.split()[1:])


def drop_last_word(s):
    """All words but the last, joined by single spaces."""
    return " ".join(s.split()[:-1])


def reverse_slice(s):
    """The text reversed."""
    return s[::-1]


def reverse_every_second(s):
    """Every second character of the reversed text, starting with the last character."""
    return s[::-2]


def inner_without_ends(s):
    """The text without its first and last characters."""
    return s[1:-1]


def middle_third(s):
    """The middle third: from len//3 up to len - len//3."""
    k = len(s) // 3
    return s[k:len(s) - k]


def first_and_last_two(s):
    """The first two and last two characters joined; short texts (<4) unchanged."""
    return s if len(s) < 4 else s[:2] + s[-2:]


def second_word(s):
    """The second word, or an empty string when there are fewer than two words."""
    words = s.split()
    return words[1] if len(words) > 1 else ""
