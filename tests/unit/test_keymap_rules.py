"""The ``[keys]`` rule: what applies, what is refused, and what is said, on plain tables."""

from __future__ import annotations

from networkday.domain.key_table import binding_groups
from networkday.domain.keymap_rules import KeyProblem, resolve_keymap, split_keys

GROUPS = {
    "Today": [("", "tab"), ("today.will", "w"), ("today.wont", "x"), ("today.remove", "d"), ("today.remove", "delete")],
    "App": [("app.quit", "q"), ("app.help", "question_mark")],
}


def test_a_free_key_is_applied_and_nothing_is_said() -> None:
    result = resolve_keymap(GROUPS, {"today.will": "v", "app.help": "f1, h"})
    assert result.applied == {"today.will": "v", "app.help": "f1,h"}
    assert result.problems == ()


def test_taking_another_actions_only_key_is_refused_and_said() -> None:
    result = resolve_keymap(GROUPS, {"today.will": "x"})
    assert result.applied == {}
    assert result.problems == (
        KeyProblem("today.will", "'today.will' = 'x' is refused: 'x' is the only key of 'today.wont'", True),
    )


def test_taking_one_of_two_keys_applies_and_says_what_is_left() -> None:
    result = resolve_keymap(GROUPS, {"today.will": "delete"})
    assert result.applied == {"today.will": "delete"}
    assert result.problems == (
        KeyProblem("today.will", "'today.will' = 'delete' takes 'delete' from 'today.remove', which keeps d", False),
    )


def test_a_key_of_textuals_own_is_never_taken() -> None:
    result = resolve_keymap(GROUPS, {"today.will": "tab"})
    assert result.applied == {}
    said = "'today.will' = 'tab' is refused: 'tab' is the only key of Textual's own 'tab'"
    assert [p.message for p in result.problems] == [said]


def test_swapping_two_keys_takes_nothing() -> None:
    result = resolve_keymap(GROUPS, {"today.will": "x", "today.wont": "w"})
    assert result.applied == {"today.will": "x", "today.wont": "w"}
    assert result.problems == ()


def test_a_refusal_can_cause_another_as_the_key_stays_where_it_was() -> None:
    """will cannot take x, so it keeps w, so wont cannot move onto w either."""
    groups = {"Today": [*GROUPS["Today"], ("today.talked", "t")]}
    result = resolve_keymap(groups, {"today.will": "t", "today.talked": "x"})
    assert result.applied == {}
    assert [(p.binding_id, p.refused) for p in result.problems] == [("today.talked", True), ("today.will", True)]


def test_keys_in_different_classes_do_not_clash() -> None:
    result = resolve_keymap(GROUPS, {"app.quit": "x"})
    assert result.applied == {"app.quit": "x"}
    assert result.problems == ()


def test_unknown_ids_and_empty_keys_are_reported_and_not_applied() -> None:
    result = resolve_keymap(GROUPS, {"today.wil": "v", "today.will": " , "})
    assert result.applied == {}
    assert [(p.binding_id, p.message, p.refused) for p in result.problems] == [
        ("today.wil", "no action has the id 'today.wil'; ignored", True),
        ("today.will", "'today.will' is given no key; it keeps its own", True),
    ]


def test_split_keys_drops_spaces_and_repeats() -> None:
    assert split_keys(" p , f5,p,") == ("p", "f5")


def test_the_issue_example_against_the_real_table() -> None:
    result = resolve_keymap(binding_groups(), {"today.will": "x", "list.down": "o"})
    assert result.applied == {"list.down": "o"}
    assert [p.binding_id for p in result.problems] == ["today.will"]


def test_every_default_key_is_free_of_clashes_in_the_real_table() -> None:
    """Remapping every id onto its own keys changes nothing, so nothing is reported."""
    groups = binding_groups()
    own: dict[str, list[str]] = {}
    for pairs in groups.values():
        for binding_id, key in pairs:
            if binding_id and key not in own.setdefault(binding_id, []):
                own[binding_id].append(key)
    result = resolve_keymap(groups, {binding_id: ",".join(keys) for binding_id, keys in own.items()})
    assert result.problems == ()
