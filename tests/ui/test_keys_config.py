"""``[keys]`` at start: a refused remap leaves the old key working, and each problem is a notification."""

from __future__ import annotations

from networkday.domain.contact import Contact
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.log_prompt import LogPrompt
from networkday.ui.screens.today import TodayScreen


async def test_a_refused_remap_keeps_both_actions_keys_and_is_notified(store: Store) -> None:
    store.add_contact(Contact(id="", name="Ada Lovelace", company="Analytical"))
    (store.root / "config.toml").write_text('[keys]\n"today.will" = "x"\n"today.talk" = "v"\n', "utf-8")
    store.load_config()
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        said = [(n.title, n.message) for n in app._notifications]
        config = store.root / "config.toml"
        refused = f"{config}:2:1: [keys] 'today.will' = 'x' is refused: 'x' is the only key of 'today.wont'"
        assert ("Keys", refused) in said
        assert ("Keys", f"{config}:3:1: [keys] no action has the id 'today.talk'; ignored") in said
        assert isinstance(app.screen, TodayScreen)
        shown = {key: active.binding.action for key, active in app.screen.active_bindings.items()}
        assert shown["w"] == "outcome('will')"
        assert shown["x"] == "outcome('wont')"
        await pilot.press("x")
        assert isinstance(app.screen, LogPrompt)
        await pilot.press("escape")
    contact = next(iter(store.contacts))
    assert store.contact(contact).log[-1].outcome == "wont"


async def test_the_log_prompt_names_the_key_its_helping_fields_were_moved_to(store: Store) -> None:
    store.add_contact(Contact(id="", name="Ada Lovelace", company="Analytical"))
    (store.root / "config.toml").write_text('[keys]\n"log.more" = "ctrl+y"\n', "utf-8")
    store.load_config()
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        prompt = app.screen
        assert isinstance(prompt, LogPrompt)
        assert "ctrl+y helping" in str(prompt.query_one("#log-keys").render())
        assert not prompt.query_one("#log-more").display
        await pilot.press("ctrl+y")
        assert prompt.query_one("#log-more").display
        assert app.screen.focused is prompt.query_one("#log-they_asked")
