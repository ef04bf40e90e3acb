"""FIND's own atoms, as FIND's generator writes them into `function_code.py`.

Where FIND's code is one of our atoms with some parameters fixed (linear, constant, absolute
without its bias), an imported function uses our atom; the rest are here, each evaluated with
FIND's own expression in FIND's order of operations (`write_source_code.py` in FIND's
`make_numeric`), so an imported function and its `function_code.py` agree to the last bits
numpy's and Python's arithmetic share. Parameters are FIND's, in FIND's order, as `p`.

These forms are never drawn by `suite build`: the built-in suite uses `atoms.ATOMS` only.
"""

from __future__ import annotations

import numpy as np

from find_lab.domains.numeric.atoms import ATOMS, Atom, num


def _never(rng, coarse=False):
    raise TypeError("FIND's forms are imported, never drawn")


def _poly_eval(p, x):
    degree = len(p["p"]) - 1
    y = p["p"][0] * x ** degree
    for i, coefficient in enumerate(p["p"][1:], 1):
        y = y + coefficient * x ** (degree - i)
    return y


def _poly_render(p):
    degree = len(p["p"]) - 1
    return " + ".join(f"{num(c)}*x**{degree - i}" for i, c in enumerate(p["p"]))


def _series(coefficients, x):
    y = coefficients[0] * x ** 0
    for i, coefficient in enumerate(coefficients[1:], 1):
        y = y + coefficient * x ** i
    return y


def _series_text(coefficients):
    return " + ".join(f"{num(c)}*x**{i}" for i, c in enumerate(coefficients))


def _wave(name, function):
    def evaluate(p, x):
        a, period, shift, b = p["p"]
        return a * function((2 * np.pi / period) * (x - shift)) + b

    def render(p):
        a, period, shift, b = p["p"]
        return f"{num(a)} * np.{name}((2 * np.pi / {num(period)})*(x-{num(shift)})) + {num(b)}"

    def describe(p):
        a, period, shift, b = p["p"]
        return (f"{num(a)} times a {name} of period {num(period)} shifted right by "
                f"{num(shift)}, plus {num(b)}")
    return evaluate, render, describe


def _square_eval(p, x):
    period, shift = p["p"]
    return np.where(np.sin((x - shift) * (2 * np.pi / period)) > 0, 1, -1)


def _gauss_eval(p, x):
    mean, sd = p["p"]
    return (1 / (sd * np.sqrt(2 * np.pi))) * np.exp(-0.5 * ((x - mean) / sd) ** 2)


def _forms() -> list[Atom]:
    forms = [
        Atom("find_polynomial", _never, _poly_eval, _poly_render,
             lambda p: f"a polynomial of degree {len(p['p']) - 1} with coefficients "
                       f"{', '.join(num(c) for c in p['p'])} (highest power first)"),
        Atom("find_rational", _never,
             lambda p, x: _series(p["numerator"], x) / _series(p["denominator"], x),
             lambda p: f"({_series_text(p['numerator'])}) / ({_series_text(p['denominator'])})",
             lambda p: f"a rational function of orders {len(p['numerator']) - 1} over "
                       f"{len(p['denominator']) - 1}", finite_everywhere=False),
        Atom("find_root", _never, lambda p, x: p["p"][0] * (x ** (1.0 / p["p"][2])) + p["p"][1],
             lambda p: f"{num(p['p'][0])}*(x**(1.0 / {num(p['p'][2])})) + {num(p['p'][1])}",
             lambda p: f"{num(p['p'][0])} times the root of order {num(p['p'][2])} of x, plus "
                       f"{num(p['p'][1])}", finite_everywhere=False),
        Atom("find_reciprocal", _never, lambda p, x: 1 / (p["p"][0] * x),
             lambda p: f"1 / ({num(p['p'][0])} * x)",
             lambda p: f"the reciprocal 1 / ({num(p['p'][0])} x), with a pole at 0",
             finite_everywhere=False),
        Atom("find_logarithm", _never,
             lambda p, x: p["p"][0] * (np.log(x) / np.log(p["p"][2])) + p["p"][1],
             lambda p: f"{num(p['p'][0])}*(np.log(x) / np.log({num(p['p'][2])})) + {num(p['p'][1])}",
             lambda p: f"{num(p['p'][0])} times the logarithm of x in base {num(p['p'][2])}, plus "
                       f"{num(p['p'][1])}", finite_everywhere=False),
        Atom("find_step", _never, lambda p, x: p["p"][0] * np.heaviside(x, p["p"][2]) + p["p"][1],
             lambda p: f"{num(p['p'][0])}*np.heaviside(x, {num(p['p'][2])})+ {num(p['p'][1])}",
             lambda p: f"a step at x = 0 from {num(p['p'][1])} to {num(p['p'][0] + p['p'][1])}"),
        Atom("find_rectangle", _never, lambda p, x: np.where(abs(x) <= p["p"][0] / 2, 1, 0),
             lambda p: f"np.where(abs(x) <= {num(p['p'][0])}/2,1,0)",
             lambda p: f"a rectangle of height 1 and width {num(p['p'][0])} centred at 0"),
        Atom("find_relu", _never,
             lambda p, x: p["p"][0] * np.where(x > 0, x, x * p["p"][2]) + p["p"][1],
             lambda p: f"{num(p['p'][0])} * np.where(x > 0, x, x * {num(p['p'][2])}) + "
                       f"{num(p['p'][1])}",
             lambda p: f"a leaky ReLU hinged at 0 (leak {num(p['p'][2])}) scaled by "
                       f"{num(p['p'][0])}, plus {num(p['p'][1])}"),
        Atom("find_gaussian", _never, _gauss_eval,
             lambda p: f"(1 / ({num(p['p'][1])} * np.sqrt(2 * np.pi))) * np.exp(-0.5 * ((x - "
                       f"{num(p['p'][0])}) / {num(p['p'][1])}) ** 2)",
             lambda p: f"the normal density with mean {num(p['p'][0])} and standard deviation "
                       f"{num(p['p'][1])}"),
        Atom("find_square_wave", _never, _square_eval,
             lambda p: f"np.where(np.sin((x - {num(p['p'][1])}) * (2 * np.pi / {num(p['p'][0])})) "
                       "> 0, 1, -1)",
             lambda p: f"a square wave between 1 and -1 with period {num(p['p'][0])}, shifted by "
                       f"{num(p['p'][1])}"),
    ]
    for name, function in (("sin", np.sin), ("cos", np.cos), ("tanh", np.tanh), ("tan", np.tan)):
        evaluate, render, describe = _wave(name, function)
        forms.append(Atom(f"find_{name}", _never, evaluate, render, describe,
                          finite_everywhere=name != "tan"))
    for name in ("ceil", "floor", "sign"):
        function = getattr(np, name)
        forms.append(Atom(f"find_{name}", _never, lambda p, x, function=function: function(x),
                          lambda p, name=name: f"np.{name}(x)",
                          lambda p, name=name: {"sign": "the sign of x"}.get(name, f"the {name} of x")))
    return forms


FIND_FORMS: dict[str, Atom] = {atom.kind: atom for atom in _forms()}
FORMS: dict[str, Atom] = {**ATOMS, **FIND_FORMS}  # what a spec's atom may name
