"""A fake OpenAI-compatible Chat Completions server for tests: real HTTP on 127.0.0.1.

POST /v1/chat/completions answers as FastChat's server would for FIND's neurons. An entity
prompt ("related to CONCEPT") answers "1" or "0" with `logprobs.content[0].top_logprobs`
(P('1') high for inputs in `members`, low otherwise); a relation prompt ("reply with only ...")
answers from `table` (input -> reply), 'undefined' for the rest. Every request's JSON body is
recorded in `requests`. Standard library only.

    with FakeOpenAI(members={"NFL": 0.95}, table={"France": " Paris"}) as server:
        server.url  # http://127.0.0.1:PORT/v1
"""

from __future__ import annotations

import json
import math
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeOpenAI:
    def __init__(self, members: dict[str, float] | None = None, table: dict[str, str] | None = None,
                 status: int = 200):
        self.members, self.table, self.status = members or {}, table or {}, status
        self.requests: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append({"path": self.path, "body": body})
                if fake.status != 200 or self.path != "/v1/chat/completions":
                    self._send(fake.status if fake.status != 200 else 404,
                               {"error": {"message": "no such route"}})
                    return
                self._send(200, fake.reply(body))

            def _send(self, status: int, payload: dict):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def reply(self, body: dict) -> dict:
        prompt = body["messages"][-1]["content"]
        word = re.split(r"Input: ?", prompt)[-1]
        if "related to" in prompt:
            p = self.members.get(word, 0.02)
            answer = "1" if p >= 0.5 else "0"
            tops = [{"token": "1", "logprob": math.log(p)}, {"token": "0", "logprob": math.log(1 - p)}]
            logprobs = {"content": [{"token": answer, "logprob": math.log(max(p, 1 - p)),
                                     "top_logprobs": tops}]}
            return {"id": "fake", "object": "chat.completion", "model": body["model"],
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": answer},
                                 "logprobs": logprobs, "finish_reason": "stop"}]}
        content = self.table.get(word, "undefined")
        return {"id": "fake", "object": "chat.completion", "model": body["model"],
                "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                             "finish_reason": "stop"}]}

    def __enter__(self) -> FakeOpenAI:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
