"""Word-level maps: split into words, change each or reorder them, join again."""

import re

DOMAIN = "strings"


def sort_words(s):
    """The words sorted alphabetically, joined by single spaces."""
    return " ".join(sorted(s.split()))


def sort_words_ignoring_case(s):
    """The words sorted alphabetically without regard to case."""
    return " ".join(sorted(s.split(), key=str.lower))


def reverse_each_word(s):
    """Reverses every word in place, keeping the spaces between them."""
    return " ".join(w[::-1] for w in s.split(" "))


def first_letters(s):
    """The first letter of each word."""
    return "".join(w[0] for w in s.split())


def acronym(s):
    """The upper-cased first letter of each word made of letters."""
    return "".join(m[0].upper() for m in re.findall(r"[A-Za-z]+", s))


def reverse_word_order(s):
    """The words in reverse order."""
    words = s.split()
    words.reverse()
    return " ".join(words)


def capitalize_words(s):
    """Capitalises each space-separated word (the rest of each word lower-cased)."""
    return " ".join(w.capitalize() for w in s.split(" "))


def longest_word(s):
    """The longest word (the first of equally long ones)."""
    best = ""
    for w in s.split():
        if len(w) > len(best):
            best = w
    return best


def shortest_word(s):
    """The shortest word (the first of equally short ones)."""
    words = s.split()
    return min(words, key=len) if words else ""


def words_by_length(s):
    """The words ordered by length, shortest first (ties keep their order)."""
    return " ".join(sorted(s.split(), key=len))


def last_letters(s):
    """The last character of each word."""
    return "".join([w[-1] for w in s.split()])


def word_lengths(s):
    """The length of each word, separated by spaces."""
    return " ".join(str(len(w)) for w in s.split())


def dedupe_words(s):
    """Drops repeated words, keeping the first occurrence of each."""
    seen, out = set(), []
    for w in s.split():
        if w not in seen:
            seen.add(w)
            out.append(w)
    return " ".join(out)


def pig_latin(s):
    """Pig Latin for each word: the first letter moved to the end, then 'ay'."""
    return " ".join(w[1:] + w[0] + "ay" for w in s.split())


def upper_every_second_word(s):
    """Upper-cases the second, fourth, ... word."""
    words = s.split()
    return " ".join(w.upper() if i % 2 else w for i, w in enumerate(words))


def first_word(s):
    """The first word, or nothing."""
    parts = s.split()
    return parts[0] if parts else ""


def last_word(s):
    """The last word, or nothing."""
    parts = s.split()
    return parts[-1] if parts else ""


def long_words_only(s):
    """Keeps the words of more than three characters."""
    return " ".join(w for w in s.split() if len(w) > 3)


def camel_case(s):
    """Joins the alphanumeric words in camelCase."""
    words = re.findall(r"[A-Za-z0-9]+", s)
    if not words:
        return ""
    return words[0].lower() + "".join(w.capitalize() for w in words[1:])


def number_words(s):
    """Numbers each word: '1.hello 2.world'."""
    return " ".join(f"{i}.{w}" for i, w in enumerate(s.split(), 1))


def words_with_commas(s):
    """The words joined with ', '."""
    return ", ".join(s.split())


def middle_word(s):
    """The middle word (the later of the two middles), or nothing."""
    words = s.split()
    return words[len(words) // 2] if words else ""
