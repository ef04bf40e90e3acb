"""The LLM that defines FIND's synthetic neurons, behind an OpenAI-compatible endpoint.

FIND runs vicuna-13b-v1.1 through FastChat's OpenAI-compatible server. An entity neuron's
activation is P('1') / (P('0') + P('1')) at the first answer token that offers either, read
from the standard Chat Completions `logprobs: true, top_logprobs: 20`; a relation neuron's
output is the reply's text, stripped. The prompts are FIND's own (its `function_code.py`
templates). Standard library only (urllib).
"""

from __future__ import annotations

import json
import math
import os
import urllib.error
import urllib.request
from dataclasses import dataclass

BACKEND_ENV, MODEL_ENV = "FIND_LAB_NEURON_BACKEND", "FIND_LAB_NEURON_MODEL"
DEFAULT_MODEL = "vicuna-13b-v1.1"
TIMEOUT = 60.0
ENTITY_SYSTEM = "You are an AI trained to identify words related to input concepts."
RELATION_SYSTEM = ("You are a helpful assistant. You apply real-world knowledge to map input words "
                   "to output words according to a rule provided by the user. Try to be as "
                   "precise as possible. Do not include additional explanation.")
NO_BACKEND = (f"FIND's neurons are defined by an LLM: set --neuron-backend URL (or "
              f"${BACKEND_ENV}) to an OpenAI-compatible server, e.g. FastChat's serving "
              f"{DEFAULT_MODEL}")


class BackendError(Exception):
    """The backend did not give an answer; the message says why, in a phrase."""


def entity_prompt(concept1: str, concept2: str | None, word: str) -> str:
    concept = concept1 if not concept2 else f"{concept1} or {concept2}"
    return (f"I am going to give you an input. Return only \"1\" if that input is related to "
            f"{concept}. Return only \"0\" otherwise.\nDo not return any additional information "
            f"other than the 0 or 1 answer.\nInput: {word}")


def relation_prompt(concept1: str, concept2: str, exception: str | None, word: str) -> str:
    if not exception:
        return (f"I am going to give you an input.If the input is {concept1}, reply with only "
                f"{concept2}. If the input is not {concept1}, return 'undefined'.\nDo not include "
                f"any additional information other than the output.\nInput:{word}")
    return (f"I am going to give you an input.If the input is {concept1}, reply with only "
            f"{concept2}. If the input is not {concept1}, return 'undefined'. If "
            f"{exception.strip()}, return 'undefined'.\nReply with a single word. Do not include "
            f"any additional information other than the output word.\nInput:{word}")


@dataclass(frozen=True)
class Backend:
    url: str        # the API's base, e.g. http://127.0.0.1:8000/v1
    model: str = DEFAULT_MODEL
    timeout: float = TIMEOUT

    @classmethod
    def from_environment(cls) -> Backend | None:
        url = os.environ.get(BACKEND_ENV)
        return cls(url, os.environ.get(MODEL_ENV) or DEFAULT_MODEL) if url else None

    def _complete(self, system: str, user: str, logprobs: bool) -> dict:
        body = {"model": self.model, "temperature": 0.0, "max_tokens": 2 if logprobs else 32,
                "messages": [{"role": "system", "content": system},
                             {"role": "user", "content": user}]}
        if logprobs:
            body.update(logprobs=True, top_logprobs=20)
        request = urllib.request.Request(
            self.url.rstrip("/") + "/chat/completions", json.dumps(body).encode(),
            {"Content-Type": "application/json", "Authorization": "Bearer EMPTY"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                reply = json.loads(response.read(1 << 22))
        except urllib.error.HTTPError as exc:
            raise BackendError(f"the neuron backend at {self.url} answered HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise BackendError(f"the neuron backend at {self.url} cannot be reached ({reason})") from None
        except ValueError:
            raise BackendError(f"the neuron backend at {self.url} did not answer JSON") from None
        try:
            return reply["choices"][0]
        except (KeyError, IndexError, TypeError):
            raise BackendError(f"the neuron backend at {self.url} answered without a choice") from None

    def entity(self, concept1: str, concept2: str | None, word: str) -> float:
        choice = self._complete(ENTITY_SYSTEM, entity_prompt(concept1, concept2, word), True)
        try:
            tokens = choice["logprobs"]["content"]
        except (KeyError, TypeError):
            raise BackendError("the neuron backend gave no logprobs (it must support "
                               "logprobs: true, top_logprobs: 20)") from None
        for token in tokens or []:
            found = {str(top.get("token", "")).strip(): top.get("logprob")
                     for top in token.get("top_logprobs") or []}
            found = {key: value for key, value in found.items() if key in ("0", "1")
                     and isinstance(value, (int, float))}
            if found:
                one, zero = (math.exp(found[key]) if key in found else 0.0 for key in ("1", "0"))
                return one / (zero + one)
        raise BackendError("the neuron backend's first tokens offer neither '0' nor '1'")

    def relation(self, concept1: str, concept2: str, exception: str | None, word: str) -> str:
        choice = self._complete(RELATION_SYSTEM, relation_prompt(concept1, concept2, exception, word),
                                False)
        content = (choice.get("message") or {}).get("content")
        if not isinstance(content, str):
            raise BackendError("the neuron backend's reply has no text")
        return content.strip()
