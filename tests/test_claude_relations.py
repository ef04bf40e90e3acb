"""Claude on a relation: the real SDK against the fake Messages API, the relations prompt and
probe schema on the wire, names probed, the exception tested and the answer scored."""

import json

from find_lab import domains
from find_lab.domains.relations import specs as relations
from find_lab.targets import from_spec
from tests.fake_anthropic import FakeAnthropic, reply, text, tool_use
from tests.test_claude_agent import session, tool_results


async def test_claude_probes_names_and_submits_a_scored_relation(suite):
    spec = next(suite.get(fid) for fid in suite.ids("relations", "exception")
                if suite.get(fid)["input"] == "country")
    truth = relations.render(spec)
    steps = [reply(text("Names of several kinds first."),
                   tool_use("probe", {"inputs": ["France", "Paris", "Fe", "Ohio", ""]}, id="p1")),
             reply(text("Testing the table."), tool_use("test_hypothesis", {"code": truth}, id="t1")),
             reply(text("Submitting."), tool_use("submit", {
                 "description": spec["description"], "domain": spec["exception"]["clause"],
                 "code": truth}, id="s1"))]
    with FakeAnthropic(steps) as server:
        experiment = await session(server, from_spec(spec))
        requests = server.requests
    body = requests[0]["body"]
    assert domains.get("relations").prompt in body["system"][0]["text"]
    assert body["tools"][0]["input_schema"]["properties"]["inputs"]["items"] == \
        domains.get("relations").probe_schema
    answered = json.loads(tool_results(requests[1])["p1"]["content"])["results"]
    assert [r["output"] for r in answered] == [relations.observe(spec, x) for x in
                                                ["France", "Paris", "Fe", "Ohio", ""]]
    fit = json.loads(tool_results(requests[2])["t1"]["content"])["fit"]
    assert fit == "matches 5 of 5 probed outputs exactly"
    assert experiment.score.success and experiment.score.details["parts"]["exception"]["total"] > 0

