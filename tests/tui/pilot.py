"""What every pilot test waits with: agents, scoring and searches run in workers."""


async def until(pilot, condition, seconds: float = 60.0) -> None:
    """Let the app run until `condition()` holds; fail after `seconds`."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the lab never reached the expected state")
