"""Human-vs-agent studies: a plan (`plan`), where each participant stands in it (`progress`),
bundles that carry a study between machines (`bundle`), and its report (`report`, `stats`).

A study is a TOML plan under `<home>/studies/<NAME>/plan.toml`; its sessions are ordinary
sessions in the store, tagged with the study in their `session_start`.
"""
