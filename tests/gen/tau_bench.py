"""tau-bench results files, as tau-bench's ``run.py`` writes them: a JSON array of
``EnvRunResult`` (``task_id``, ``reward``, ``info``, ``traj``, ``trial``), each ``traj``
the OpenAI chat messages of one run (litellm's message dicts, with ``function_call`` and
``tool_calls`` keys), tool results as ``role: tool`` messages with the tool's ``name``.

The airline domain: a customer (played by a user model) asks to change, cancel or book a
flight; the agent looks the user and reservations up and acts. A failing run takes a
wrong action or misses an expected output (``info.reward_info``); some runs transfer to a
human agent.
"""

from __future__ import annotations

import json
import random
from typing import Any

WIKI = ("# Airline Agent Policy\n\nThe current time is 2024-05-15 15:00:00 EST.\n\nAs an airline agent, "
        "you can help users book, modify, or cancel flight reservations.\n\n- Before taking any actions that "
        "update the booking database, you must list the action details and obtain explicit user confirmation "
        "(yes) to proceed.\n- You should only make one tool call at a time.\n" + "Policy detail. " * 200)

CITIES = ["JFK", "SEA", "LAX", "ORD", "MIA", "BOS", "DFW", "ATL"]
FIRST = ["mia", "omar", "yusuf", "sofia", "ivan", "chen", "lucas", "amelia", "noah", "aarav"]


def _call(call_id: str, name: str, args: dict[str, Any]) -> dict[str, Any]:
    return {"content": None, "role": "assistant", "function_call": None,
            "tool_calls": [{"function": {"arguments": json.dumps(args), "name": name}, "id": call_id,
                            "type": "function"}]}


def _tool(call_id: str, name: str, content: str) -> dict[str, Any]:
    return {"role": "tool", "tool_call_id": call_id, "name": name, "content": content}


def _say(text: str) -> dict[str, Any]:
    return {"content": text, "role": "assistant", "tool_calls": None, "function_call": None}


def task(task_id: int, rng: random.Random) -> dict[str, Any]:
    user = f"{FIRST[task_id % len(FIRST)]}_{rng.choice('abcdefgh')}_{1000 + task_id}"
    origin, dest = rng.sample(CITIES, 2)
    reservation = f"{task_id:02d}{rng.choice('ABCDEFGHJK')}{rng.randrange(1000, 9999)}"
    return {"user_id": user, "reservation": reservation, "origin": origin, "dest": dest,
            "instruction": f"Your user id is {user}. You want to cancel your reservation {reservation} "
                           f"from {origin} to {dest}, because of a change of plan. You are reactive.",
            "actions": [{"name": "cancel_reservation", "kwargs": {"reservation_id": reservation}}]}


def run(t: dict[str, Any], task_id: int, trial: int, reward: float, rng: random.Random,
        transfer: bool = False) -> dict[str, Any]:
    """One run; ``reward`` 0 takes a wrong turn (cancels the wrong booking or none)."""
    n = rng.randrange(10_000)
    traj: list[dict[str, Any]] = [
        {"role": "system", "content": WIKI},
        {"role": "user", "content": rng.choice([
            f"Hi, I'd like to cancel my flight from {t['origin']} to {t['dest']}.",
            f"Hello! I need to cancel a reservation, {t['origin']} to {t['dest']}.",
            "Hi there, I want to cancel a trip I booked."])},
        _say("I can help with that. Could you please provide your user ID?"),
        {"role": "user", "content": f"Sure, it's {t['user_id']}."},
        _call(f"call_{n}a", "get_user_details", {"user_id": t["user_id"]}),
        _tool(f"call_{n}a", "get_user_details", json.dumps({
            "name": {"first_name": t["user_id"].split("_")[0].title(), "last_name": "Li"},
            "reservations": [t["reservation"], "ZZ9X8Y"], "membership": "gold"})),
        _call(f"call_{n}b", "get_reservation_details", {"reservation_id": t["reservation"]}),
        _tool(f"call_{n}b", "get_reservation_details", json.dumps({
            "reservation_id": t["reservation"], "origin": t["origin"], "destination": t["dest"],
            "cabin": "economy", "insurance": "no", "created_at": "2024-05-14T09:00:00"})),
    ]
    if transfer:
        traj += [_call(f"call_{n}c", "transfer_to_human_agents", {"summary": "User wants to cancel."}),
                 _tool(f"call_{n}c", "transfer_to_human_agents", "Transfer successful"),
                 {"role": "user", "content": "###TRANSFERRED###"}]
    else:
        target = t["reservation"] if reward else "ZZ9X8Y"
        traj += [
            _say(f"Reservation {target} from {t['origin']} to {t['dest']} will be cancelled. "
                 "Do you confirm (yes/no)?"),
            {"role": "user", "content": "Yes, please."},
            _call(f"call_{n}d", "cancel_reservation", {"reservation_id": target}),
            _tool(f"call_{n}d", "cancel_reservation", json.dumps({"reservation_id": target, "status": "cancelled"})),
            _say(f"Your reservation {target} has been cancelled. The refund will arrive in 5 to 7 business days."),
            {"role": "user", "content": "Thanks! ###STOP###"},
        ]
    reward_info = {"reward": reward, "info": {"r_actions": reward, "gt_data_hash": f"{n:064x}"},
                   "actions": t["actions"]}
    return {"task_id": task_id, "reward": reward,
            "info": {"task": {"user_id": t["user_id"], "actions": t["actions"], "instruction": t["instruction"],
                              "outputs": []},
                     "source": "user", "user_cost": round(rng.uniform(0.001, 0.01), 6),
                     "reward_info": reward_info},
            "traj": traj, "trial": trial}


def airline_results(tasks: int = 50, trials: int = 4, failures: int = 116, seed: int = 7) -> list[dict[str, Any]]:
    """``tasks`` × ``trials`` runs of which exactly ``failures`` have reward 0 (some of
    them transferred to a human); the successful ones include transfers too, as a transfer
    is sometimes the right answer."""
    rng = random.Random(seed)
    slots = [(task_id, trial) for task_id in range(tasks) for trial in range(trials)]
    failed = set(rng.sample(slots, failures))
    results = []
    for task_id in range(tasks):
        t = task(task_id, rng)
        for trial in range(trials):
            reward = 0.0 if (task_id, trial) in failed else 1.0
            results.append(run(t, task_id, trial, reward, rng, transfer=rng.random() < 0.1))
    return results
