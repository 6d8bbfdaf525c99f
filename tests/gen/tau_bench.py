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


def tau2_results(failures: dict[tuple[str, int], str], tasks: int = 3, trials: int = 2,
                 seed: int = 5) -> dict[str, Any]:
    """A tau2-bench ``results.json`` (``tau2.data_model.simulation.Results``): the run's
    info, its tasks, and a ``SimulationRun`` per task and trial, messages in tau2's own
    shape (flat ``tool_calls`` with ``requestor``; a tool message names its call ``id`` and
    says ``error``). ``failures`` maps (task id, trial) to how that run went wrong:
    "wrong_action" (reward 0, the db check failed) or "max_steps" (stopped at the step limit)."""
    rng = random.Random(seed)
    task_list = []
    simulations = []
    for n in range(tasks):
        t = task(n, rng)
        task_id = str(n)
        task_list.append({"id": task_id, "description": {"purpose": "cancel"},
                          "user_scenario": {"instructions": {"task_instructions": t["instruction"]}},
                          "evaluation_criteria": {"actions": [{"action_id": "1", "name": "cancel_reservation",
                                                               "arguments": {"reservation_id": t["reservation"]}}]}})
        for trial in range(trials):
            how = failures.get((task_id, trial))
            target = "ZZ9X8Y" if how == "wrong_action" else t["reservation"]
            stamp = f"2025-06-0{trial + 1}T10:00:{n:02d}.000000"
            messages: list[dict[str, Any]] = [
                {"role": "assistant", "content": "Hi! How can I help you today?", "turn_idx": 0,
                 "timestamp": stamp, "tool_calls": None, "cost": 0.0},
                {"role": "user", "content": f"I want to cancel reservation {t['reservation']}.", "turn_idx": 1,
                 "timestamp": stamp, "tool_calls": None},
                {"role": "assistant", "content": None, "turn_idx": 2, "timestamp": stamp, "cost": 0.0021,
                 "usage": {"prompt_tokens": 2100, "completion_tokens": 30},
                 "tool_calls": [{"id": "call_1", "name": "get_reservation_details",
                                 "arguments": {"reservation_id": target}, "requestor": "assistant"}]},
                {"id": "call_1", "role": "tool", "content": json.dumps({"reservation_id": target, "status": "active"}),
                 "requestor": "assistant", "error": False, "turn_idx": 3, "timestamp": stamp},
            ]
            if how == "max_steps":
                for k in range(3):
                    messages += [
                        {"role": "assistant", "content": None, "turn_idx": 4 + 2 * k, "timestamp": stamp,
                         "cost": 0.002, "tool_calls": [{"id": f"call_x{k}", "name": "cancel_reservation",
                                                        "arguments": {"reservation_id": target},
                                                        "requestor": "assistant"}]},
                        {"id": f"call_x{k}", "role": "tool", "content": "Error: reservation is locked",
                         "requestor": "assistant", "error": True, "turn_idx": 5 + 2 * k, "timestamp": stamp}]
            else:
                messages += [
                    {"role": "assistant", "content": None, "turn_idx": 4, "timestamp": stamp, "cost": 0.002,
                     "tool_calls": [{"id": "call_2", "name": "cancel_reservation",
                                     "arguments": {"reservation_id": target}, "requestor": "assistant"}]},
                    {"id": "call_2", "role": "tool", "content": json.dumps({"status": "cancelled"}),
                     "requestor": "assistant", "error": False, "turn_idx": 5, "timestamp": stamp},
                    {"role": "assistant", "content": f"Reservation {target} is cancelled.", "turn_idx": 6,
                     "timestamp": stamp, "tool_calls": None, "cost": 0.0012},
                    {"role": "user", "content": "Thanks. ###STOP###", "turn_idx": 7, "timestamp": stamp,
                     "tool_calls": None}]
            ok = how is None
            simulations.append({
                "id": f"sim-{n}-{trial}", "task_id": task_id, "trial": trial, "timestamp": stamp,
                "start_time": stamp, "end_time": stamp.replace("10:00", "10:02"), "duration": 120.0,
                "termination_reason": "max_steps" if how == "max_steps" else "user_stop",
                "agent_cost": 0.0123, "user_cost": 0.004, "messages": messages, "seed": 300 + trial,
                "reward_info": {"reward": 1.0 if ok else 0.0,
                                "db_check": {"db_match": ok, "db_reward": 1.0 if ok else 0.0},
                                "action_checks": [{"action": {"action_id": "1", "name": "cancel_reservation",
                                                              "arguments": {"reservation_id": t["reservation"]}},
                                                   "action_match": ok, "action_reward": 1.0 if ok else 0.0}],
                                "reward_basis": ["DB", "ACTION"], "info": None}})
    return {"timestamp": "2025-06-01T09:59:00.000000",
            "info": {"git_commit": "abc123", "num_trials": trials, "max_steps": 30, "max_errors": 10,
                     "user_info": {"implementation": "user_simulator", "llm": "gpt-4.1"},
                     "agent_info": {"implementation": "llm_agent", "llm": "claude-sonnet-4"},
                     "environment_info": {"domain_name": "airline", "policy": WIKI}, "seed": 300},
            "tasks": task_list, "simulations": simulations}
